import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
import { constants, createGunzip } from 'node:zlib';
import { streamError } from '../errors.js';
import { STDERR_LOGGER } from '../logger.js';
import type { StreamLogger } from '../logger.js';
import { ARCHIVE_GZIP_SUFFIX, isArchiveFileName } from './archive-naming.js';
import { isArchiveRecord } from './archive-record.js';
import type { ArchiveRecord } from './archive-record.js';

/** Options of readArchive(). */
export interface ArchiveReaderOptions {
  /** Receives a warning per torn line, bad line and corrupt file. */
  readonly logger?: StreamLogger;
}

/** What a read found so far (a fresh object per read). */
export interface ArchiveReadStats {
  /** Files opened. */
  files: number;
  /** Records yielded. */
  records: number;
  /** Last lines without their newline (a crash mid-write), skipped. */
  tornLines: number;
  /** Complete lines that were not a JSON record with `type` and `timeUs`, skipped. */
  badLines: number;
  /** Files whose compressed data broke off in the middle (read up to the break). */
  corruptFiles: number;
}

/**
 * Lists the archive files of a directory in replay order (their names sort by time), or
 * returns `[path]` for a single file. Rejects with ARCHIVE_NOT_FOUND when there is nothing.
 */
export async function listArchiveFiles(path: string): Promise<string[]> {
  let info;
  try {
    info = await stat(path);
  } catch (cause) {
    throw streamError('ARCHIVE_NOT_FOUND', `archive path ${path} does not exist: ${(cause as Error).message}`, cause);
  }
  if (!info.isDirectory()) return [path];
  const names = (await readdir(path)).filter(isArchiveFileName).sort();
  if (names.length === 0) {
    throw streamError('ARCHIVE_NOT_FOUND', `archive directory ${path} holds no *.ndjson.gz or *.ndjson files`);
  }
  return names.map((name) => join(path, name));
}

/**
 * Replays an archive — one file or a directory of rotated files, oldest first — as an async
 * iterable of records. Tolerates what a crash leaves behind: a torn last line is skipped with
 * a warning, and a truncated gzip stream is read up to where it stops.
 */
export class ArchiveReader<R extends ArchiveRecord = ArchiveRecord> implements AsyncIterable<R> {
  readonly path: string;
  private readonly logger: StreamLogger;
  private readonly figures: ArchiveReadStats = { files: 0, records: 0, tornLines: 0, badLines: 0, corruptFiles: 0 };

  constructor(path: string, options: ArchiveReaderOptions = {}) {
    this.path = path;
    this.logger = options.logger ?? STDERR_LOGGER;
  }

  /** Counters of the reading so far. */
  get stats(): ArchiveReadStats {
    return { ...this.figures };
  }

  async *[Symbol.asyncIterator](): AsyncIterator<R> {
    for (const file of await listArchiveFiles(this.path)) {
      this.figures.files++;
      yield* this.readFile(file);
    }
  }

  private async *readFile(file: string): AsyncGenerator<R> {
    let rest = '';
    let lineNumber = 0;
    const source = openText(file);
    try {
      for await (const chunk of source) {
        const text = rest + (chunk as string);
        let start = 0;
        for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
          lineNumber++;
          const record = this.parseLine(text.slice(start, end), file, lineNumber);
          start = end + 1;
          if (record !== undefined) {
            this.figures.records++;
            yield record;
          }
        }
        rest = text.slice(start);
      }
    } catch (error) {
      // Corrupt (not merely truncated) compressed data: keep what decoded before it.
      this.figures.corruptFiles++;
      this.logger.warn('archive file is corrupt; read up to the damage', { file, line: lineNumber + 1, error });
    } finally {
      source.destroy();
    }
    if (rest.length > 0) {
      this.figures.tornLines++;
      this.logger.warn('skipped torn last line of archive file (written during a crash)', {
        file,
        line: lineNumber + 1,
        chars: rest.length,
      });
    }
  }

  private parseLine(line: string, file: string, lineNumber: number): R | undefined {
    if (line.length === 0) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    if (isArchiveRecord(value)) return value as R;
    this.figures.badLines++;
    this.logger.warn('skipped archive line that is not a record with type and timeUs', { file, line: lineNumber });
    return undefined;
  }
}

/** Decoded text of one file. Z_SYNC_FLUSH as finishFlush makes a truncated tail end the stream instead of failing it. */
function openText(file: string): Readable {
  const raw = createReadStream(file);
  if (!file.endsWith(ARCHIVE_GZIP_SUFFIX)) {
    raw.setEncoding('utf8');
    return raw;
  }
  const gunzip = createGunzip({ finishFlush: constants.Z_SYNC_FLUSH });
  gunzip.setEncoding('utf8');
  return pipeline(raw, gunzip, () => {
    // Errors reach the consumer through the iterator of the returned stream.
  });
}

/** Replays an archive file or directory (see ArchiveReader). */
export function readArchive<R extends ArchiveRecord = ArchiveRecord>(path: string, options?: ArchiveReaderOptions): ArchiveReader<R> {
  return new ArchiveReader<R>(path, options);
}
