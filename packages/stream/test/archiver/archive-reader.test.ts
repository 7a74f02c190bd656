import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { constants, createGzip, gzipSync } from 'node:zlib';
import { Archiver, ArchiveReader, SILENT_LOGGER, listArchiveFiles, readArchive } from '@marksim/stream';
import type { ArchiveRecord } from '@marksim/stream';
import { makeTempDir } from '../support/temp-dir.js';
import { recordingLogger } from '../support/recording-logger.js';
import { tradeRecord } from '../support/records.js';

/** Gzip bytes of `text` cut right after a sync flush, as a crash leaves them (no trailer). */
function syncFlushedGzip(text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const gzip = createGzip();
    const chunks: Buffer[] = [];
    gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
    gzip.write(text);
    gzip.flush(constants.Z_SYNC_FLUSH, () => setImmediate(() => resolve(Buffer.concat(chunks))));
  });
}

async function readAll(path: string, logger = SILENT_LOGGER): Promise<ArchiveRecord[]> {
  const out: ArchiveRecord[] = [];
  for await (const record of readArchive(path, { logger })) out.push(record);
  return out;
}

describe('ArchiveReader', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir('reader'));
  });
  afterEach(() => cleanup());

  it('skips a torn last line with a warning and keeps every complete line', async () => {
    const lines = [tradeRecord(1), tradeRecord(2)].map((record) => JSON.stringify(record));
    const file = join(dir, 'marksim-20261125T145200Z-0001.ndjson.gz');
    await writeFile(file, await syncFlushedGzip(`${lines.join('\n')}\n{"type":"trade","seq":3,"sym`));
    const logger = recordingLogger();
    const reader = new ArchiveReader(file, { logger });
    const seen: ArchiveRecord[] = [];
    for await (const record of reader) seen.push(record);
    expect(seen).toEqual([tradeRecord(1), tradeRecord(2)]);
    expect(reader.stats).toEqual({ files: 1, records: 2, tornLines: 1, badLines: 0, corruptFiles: 0 });
    expect(logger.lines).toEqual([
      expect.objectContaining({ level: 'warn', msg: expect.stringContaining('torn last line'), fields: expect.objectContaining({ file, line: 3 }) }),
    ]);
  });

  it('reads every prefix of a file cut at any byte without failing', async () => {
    const archiver = await Archiver.open({ directory: dir, logger: SILENT_LOGGER });
    const records = Array.from({ length: 200 }, (_, index) => tradeRecord(index + 1));
    for (const record of records) archiver.write(record);
    await archiver.close();
    const [file] = await listArchiveFiles(dir);
    const bytes = await readFile(file);
    const cut = join(dir, 'cut.ndjson.gz');
    let previous = 0;
    for (let length = 0; length <= bytes.length; length += 97) {
      await writeFile(cut, bytes.subarray(0, length));
      const logger = recordingLogger();
      const seen = await readAll(cut, logger);
      // A prefix of the records, each complete, never fewer than a shorter cut gave.
      expect(seen).toEqual(records.slice(0, seen.length));
      expect(seen.length).toBeGreaterThanOrEqual(previous);
      expect(logger.messages('warn').length).toBeLessThanOrEqual(1);
      previous = seen.length;
    }
    await writeFile(cut, bytes);
    expect(await readAll(cut)).toEqual(records);
  });

  it('skips complete lines that are not records, with a warning each', async () => {
    const file = join(dir, 'a.ndjson.gz');
    const good = JSON.stringify(tradeRecord(1));
    await writeFile(file, gzipSync(`not json\n${good}\n{"type":"x"}\n[1]\n\n`));
    const logger = recordingLogger();
    const reader = readArchive(file, { logger });
    const seen: ArchiveRecord[] = [];
    for await (const record of reader) seen.push(record);
    expect(seen).toEqual([tradeRecord(1)]);
    expect(reader.stats.badLines).toBe(3);
    expect(logger.messages('warn')).toHaveLength(3);
  });

  it('reads the files of a directory in name order, gzip and plain', async () => {
    await writeFile(join(dir, 'marksim-20261125T145300Z-0002.ndjson'), `${JSON.stringify(tradeRecord(3))}\n`);
    await writeFile(join(dir, 'marksim-20261125T145200Z-0001.ndjson.gz'), gzipSync(`${JSON.stringify(tradeRecord(1))}\n${JSON.stringify(tradeRecord(2))}\n`));
    await writeFile(join(dir, 'README.txt'), 'ignored');
    expect((await readAll(dir)).map((record) => record.seq)).toEqual([1, 2, 3]);
  });

  it('reports a corrupt file and goes on with the next one', async () => {
    const good = gzipSync(`${JSON.stringify(tradeRecord(1))}\n`);
    await writeFile(join(dir, 'marksim-20261125T145200Z-0001.ndjson.gz'), Buffer.concat([good.subarray(0, 10), Buffer.from('garbage!!')]));
    await writeFile(join(dir, 'marksim-20261125T145300Z-0002.ndjson.gz'), gzipSync(`${JSON.stringify(tradeRecord(2))}\n`));
    const logger = recordingLogger();
    const reader = readArchive(dir, { logger });
    const seen: ArchiveRecord[] = [];
    for await (const record of reader) seen.push(record);
    expect(seen.map((record) => record.seq)).toEqual([2]);
    expect(reader.stats.corruptFiles).toBe(1);
    expect(logger.messages('warn')[0]).toContain('corrupt');
  });

  it('rejects a missing path or an empty directory with ARCHIVE_NOT_FOUND', async () => {
    await expect(readAll(join(dir, 'missing'))).rejects.toMatchObject({ code: 'ARCHIVE_NOT_FOUND' });
    await mkdir(join(dir, 'empty'));
    await expect(listArchiveFiles(join(dir, 'empty'))).rejects.toMatchObject({
      code: 'ARCHIVE_NOT_FOUND',
      message: expect.stringContaining('holds no *.ndjson.gz'),
    });
  });
});
