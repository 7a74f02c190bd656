import { readdir, rename, writeFile, rm, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Archiver, BoundedStream, DEFAULT_ARCHIVER_OPTIONS, SILENT_LOGGER, readArchive } from '@marksim/stream';
import type { ArchiveRecord, StreamError } from '@marksim/stream';
import { makeTempDir } from '../support/temp-dir.js';
import { recordingLogger } from '../support/recording-logger.js';
import { tradeRecord } from '../support/records.js';

async function readAll(path: string): Promise<ArchiveRecord[]> {
  const out: ArchiveRecord[] = [];
  for await (const record of readArchive(path, { logger: SILENT_LOGGER })) out.push(record);
  return out;
}

describe('Archiver', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir('archiver'));
  });
  afterEach(() => cleanup());

  it('writes records as gzip NDJSON that replay to the same records in order', async () => {
    const archiver = await Archiver.open({ directory: dir, logger: SILENT_LOGGER });
    const records = Array.from({ length: 1000 }, (_, index) => tradeRecord(index + 1));
    for (const record of records) archiver.write(record);
    await archiver.close();
    expect(await readAll(dir)).toEqual(records);
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^marksim-\d{8}T\d{6}Z-0001\.ndjson\.gz$/);
    expect(archiver.stats).toMatchObject({ files: 1, records: 1000, recordsFlushed: 1000, droppedRecords: 0, errors: 0 });
  });

  it('names files by UTC open time and a counter', async () => {
    const nowMs = Date.UTC(2026, 10, 25, 14, 52, 0);
    const archiver = await Archiver.open({ directory: dir, logger: SILENT_LOGGER, nowMs: () => nowMs });
    await archiver.close();
    expect(await readdir(dir)).toEqual(['marksim-20261125T145200Z-0001.ndjson.gz']);
  });

  it('rotates by compressed size into files that sort in write order', async () => {
    const archiver = await Archiver.open({ directory: dir, logger: SILENT_LOGGER, maxFileBytes: 4096, batchBytes: 1024 });
    const records = Array.from({ length: 3000 }, (_, index) => tradeRecord(index + 1));
    for (const [index, record] of records.entries()) {
      archiver.write(record);
      if (index % 200 === 199) await archiver.flush();
    }
    await archiver.close();
    const files = (await readdir(dir)).sort();
    expect(files.length).toBeGreaterThan(3);
    expect(archiver.stats.files).toBe(files.length);
    expect(await readAll(dir)).toEqual(records);
    // Each rotated file is a complete archive on its own.
    const first = await readAll(join(dir, files[0]));
    expect(first).toEqual(records.slice(0, first.length));
  });

  it('rotates by time', async () => {
    let nowMs = Date.UTC(2026, 10, 25, 14, 0, 0);
    const archiver = await Archiver.open({ directory: dir, logger: SILENT_LOGGER, maxFileAgeMs: 60_000, nowMs: () => nowMs });
    archiver.write(tradeRecord(1));
    await archiver.flush();
    nowMs += 30_000;
    archiver.write(tradeRecord(2));
    await archiver.flush();
    nowMs += 30_000;
    await archiver.flush();
    archiver.write(tradeRecord(3));
    await archiver.close();
    expect((await readdir(dir)).sort()).toEqual([
      'marksim-20261125T140000Z-0001.ndjson.gz',
      'marksim-20261125T140100Z-0002.ndjson.gz',
    ]);
    expect((await readAll(dir)).map((record) => record.seq)).toEqual([1, 2, 3]);
  });

  it('flushes on its own within a second, readable while the file stays open', async () => {
    const archiver = await Archiver.open({ directory: dir, logger: SILENT_LOGGER });
    expect(DEFAULT_ARCHIVER_OPTIONS.flushIntervalMs).toBe(1000);
    const records = Array.from({ length: 50 }, (_, index) => tradeRecord(index + 1));
    for (const record of records) archiver.write(record);
    const flushes = archiver.stats.flushes;
    // Wait for the timer's flush (an observable event), not for an amount of time.
    while (archiver.stats.flushes === flushes) await new Promise((resolve) => setTimeout(resolve, 25));
    const logger = recordingLogger();
    const seen: ArchiveRecord[] = [];
    for await (const record of readArchive(dir, { logger })) seen.push(record);
    expect(seen).toEqual(records);
    expect(logger.messages('warn')).toEqual([]);
    expect(archiver.stats.recordsFlushed).toBe(50);
    await archiver.close();
  });

  it('archives a wait subscription losslessly, tickers typed by their channel', async () => {
    interface Channels {
      events: ReturnType<typeof tradeRecord>;
      ticker: { symbol: string; timeUs: number; lastPriceTicks: number };
    }
    const stream = new BoundedStream<Channels>();
    const archiver = await Archiver.open({ directory: dir, logger: SILENT_LOGGER, batchBytes: 512, highWaterBytes: 2048 });
    const done = archiver.archiveFrom(stream.subscribe({ name: 'archiver', capacity: 16, channels: { events: 'wait', ticker: 'wait' } }));
    let waits = 0;
    for (let seq = 1; seq <= 2000; seq++) {
      const wait = stream.publish('events', tradeRecord(seq));
      if (wait) {
        waits++;
        await wait;
      }
      if (seq % 500 === 0) await stream.publish('ticker', { symbol: 'BTC/USD', timeUs: seq, lastPriceTicks: seq });
    }
    stream.close();
    await done;
    await archiver.close();
    const records = await readAll(dir);
    expect(records.filter((record) => record.type === 'trade').map((record) => record.seq)).toEqual(
      Array.from({ length: 2000 }, (_, index) => index + 1),
    );
    expect(records.filter((record) => record.type === 'ticker')).toEqual(
      [500, 1000, 1500, 2000].map((seq) => ({ type: 'ticker', symbol: 'BTC/USD', timeUs: seq, lastPriceTicks: seq })),
    );
    expect(waits).toBeGreaterThan(0);
    expect(archiver.stats).toMatchObject({ records: 2004, droppedRecords: 0, gapItems: 0 });
  });

  it('reports write failures without throwing, counts the loss and recovers', async () => {
    let nowMs = 1_000_000;
    const errors: StreamError[] = [];
    const logger = recordingLogger();
    const archiver = await Archiver.open({
      directory: dir,
      logger,
      nowMs: () => nowMs,
      retryDelayMs: 5000,
      onError: (error) => errors.push(error),
    });
    archiver.write(tradeRecord(1));
    await archiver.flush();
    // The directory disappears and a plain file takes its place: no new file can be created.
    await rename(dir, `${dir}-moved`);
    await writeFile(dir, 'not a directory');
    await archiver.rotate();
    expect(() => archiver.write(tradeRecord(2))).not.toThrow();
    await archiver.flush();
    expect(errors).toHaveLength(1);
    expect(errors[0].code).toBe('ARCHIVE_WRITE_FAILED');
    expect(errors[0].message).toContain(dir);
    expect(logger.messages('error')).toHaveLength(1);
    // While waiting to retry, records are dropped (and counted) without new errors piling up.
    archiver.write(tradeRecord(3));
    await archiver.flush();
    expect(errors).toHaveLength(1);
    expect(archiver.stats).toMatchObject({ droppedRecords: 2, errors: 1 });

    await rm(dir);
    await mkdir(dir);
    nowMs += 5000;
    archiver.write(tradeRecord(4));
    await archiver.close();
    expect((await readAll(dir)).map((record) => record.seq)).toEqual([4]);
    expect((await readAll(`${dir}-moved`)).map((record) => record.seq)).toEqual([1]);
    await rm(`${dir}-moved`, { recursive: true });
  });

  it('fails to open with ARCHIVE_OPEN_FAILED naming the directory', async () => {
    const blocked = join(dir, 'file');
    await writeFile(blocked, '');
    await expect(Archiver.open({ directory: join(blocked, 'archive'), logger: SILENT_LOGGER })).rejects.toMatchObject({
      code: 'ARCHIVE_OPEN_FAILED',
      message: expect.stringContaining(join(blocked, 'archive')),
    });
  });

  it('refuses writes after close and bad options', async () => {
    const archiver = await Archiver.open({ directory: dir, logger: SILENT_LOGGER });
    await archiver.close();
    await archiver.close();
    expect(() => archiver.write(tradeRecord(1))).toThrow(expect.objectContaining({ code: 'ARCHIVE_CLOSED' }));
    await expect(Archiver.open({ directory: dir, flushIntervalMs: 5000 })).rejects.toThrow(
      'flushIntervalMs must be ≤ 1000 (got 5000)',
    );
    await expect(Archiver.open({ directory: dir, prefix: '../x' })).rejects.toThrow('prefix must use only');
    await expect(Archiver.open({ directory: '' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
