import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { streamError } from '../errors.js';
import type { ChannelMap, StreamDelivery } from '../bounded/types.js';
import { archiveFileName } from './archive-naming.js';
import { resolveSettings } from './archiver-options.js';
import type { ArchiverOptions, Settings } from './archiver-options.js';
import { toArchiveRecord } from './archive-record.js';
import type { ArchiveRecord } from './archive-record.js';
import { GzipFile } from './gzip-file.js';

/** Figures of an Archiver (a fresh object per read). */
export interface ArchiverStats {
  /** Files opened so far. */
  files: number;
  /** Path of the file being written, if one is open. */
  currentFile: string | undefined;
  /** Records accepted by write(). */
  records: number;
  /** Records known to be on disk and decodable (sync-flushed or closed). */
  recordsFlushed: number;
  /** Records lost to write failures. */
  droppedRecords: number;
  /** Items the source reported as missed through gap markers (0 with a `wait` subscription). */
  gapItems: number;
  uncompressedBytes: number;
  compressedBytes: number;
  flushes: number;
  errors: number;
  lastError: string | undefined;
}

const MAX_NAME_ATTEMPTS = 10_000;

/**
 * Writes the event stream as gzip NDJSON into rotating files (the seed's DataArchiver).
 * write() only buffers; one serial chain of operations hands lines to zlib, sync-flushes at
 * least every second and rotates by size and age. After a crash, every line written before
 * the last flush decodes. Write failures are logged and passed to onError, never thrown: the
 * producer goes on, and the lost records are counted.
 */
export class Archiver {
  private readonly settings: Settings;
  private lines: string[] = [];
  private pendingChars = 0;
  private pendingRecords = 0;
  private file: GzipFile | undefined;
  private fileIndex = 0;
  /** Records handed to the current file since its last successful flush. */
  private unflushedRecords = 0;
  private chain: Promise<void> = Promise.resolve();
  private handoffQueued = false;
  private flushQueued = false;
  private nextOpenAttemptMs = 0;
  private timer: NodeJS.Timeout | undefined;
  private isClosed = false;
  private drainWaiters: (() => void)[] = [];
  private readonly figures = {
    files: 0,
    records: 0,
    recordsFlushed: 0,
    droppedRecords: 0,
    gapItems: 0,
    uncompressedBytes: 0,
    compressedBytes: 0,
    flushes: 0,
    errors: 0,
    lastError: undefined as string | undefined,
  };

  private constructor(settings: Settings) {
    this.settings = settings;
  }

  /**
   * Creates the directory and the first file, then starts the flush timer. Rejects with
   * ARCHIVE_OPEN_FAILED when that is impossible (bad path, EACCES), so a bad --archive-dir
   * fails at startup rather than silently later.
   */
  static async open(options: ArchiverOptions): Promise<Archiver> {
    const settings = resolveSettings(options);
    const archiver = new Archiver(settings);
    try {
      await mkdir(settings.directory, { recursive: true });
      archiver.file = await archiver.createFile();
    } catch (cause) {
      throw streamError('ARCHIVE_OPEN_FAILED',
        `cannot create archive files in directory ${settings.directory}: ${(cause as Error).message}`, cause);
    }
    archiver.timer = setInterval(() => archiver.scheduleFlush(), settings.flushIntervalMs);
    archiver.timer.unref();
    return archiver;
  }

  /** The directory archive files go to. */
  get directory(): string {
    return this.settings.directory;
  }

  /** True after close() was called. */
  get closed(): boolean {
    return this.isClosed;
  }

  /** Current figures. */
  get stats(): ArchiverStats {
    const file = this.file;
    return {
      ...this.figures,
      currentFile: file?.path,
      uncompressedBytes: this.figures.uncompressedBytes + (file?.uncompressedBytes ?? 0),
      compressedBytes: this.figures.compressedBytes + (file?.compressedBytes ?? 0),
    };
  }

  /**
   * Buffers one record as a JSON line. Returns false while the backlog exceeds highWaterBytes:
   * a lossless caller then awaits drained(). Throws ARCHIVE_CLOSED after close().
   */
  write(record: ArchiveRecord): boolean {
    if (this.isClosed) throw streamError('ARCHIVE_CLOSED', `write() after close (record type ${String(record?.type)})`);
    const line = JSON.stringify(record);
    this.lines.push(line);
    this.pendingChars += line.length + 1;
    this.pendingRecords++;
    this.figures.records++;
    if (this.pendingChars >= this.settings.batchBytes && !this.handoffQueued) {
      this.handoffQueued = true;
      void this.enqueue(() => this.handoff());
    }
    return this.backlogBytes() < this.settings.highWaterBytes;
  }

  /** Resolves once the backlog is below highWaterBytes (at once if it is). */
  drained(): Promise<void> {
    if (this.backlogBytes() < this.settings.highWaterBytes || this.isClosed) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /** Writes everything buffered and sync-flushes it to disk. Never rejects; failures are reported. */
  flush(): Promise<void> {
    return this.enqueue(() => this.flushNow());
  }

  /** Closes the current file now; the next record opens a new one. */
  rotate(): Promise<void> {
    return this.enqueue(async () => {
      await this.handoff();
      if (this.file) await this.closeFile(this.file);
    });
  }

  /**
   * Archives a stream subscription (use the `wait` policy: lossless) until it ends. Items
   * become records (see toArchiveRecord); gap markers are logged and counted. Resolves when
   * the source ends or the archiver closes.
   */
  async archiveFrom<M extends ChannelMap>(source: AsyncIterable<StreamDelivery<M>>): Promise<void> {
    for await (const delivery of source) {
      if (this.isClosed) break;
      if (delivery.type === 'gap') {
        this.figures.gapItems += delivery.missed;
        this.settings.logger.warn('archive source lost items: use the wait policy for a lossless archive', {
          channel: delivery.channel,
          missed: delivery.missed,
        });
        continue;
      }
      if (!this.write(toArchiveRecord(delivery.channel, delivery.item))) await this.drained();
    }
  }

  /** Writes what is buffered, finishes the gzip file and stops the timer. Idempotent. */
  close(): Promise<void> {
    if (!this.isClosed) {
      this.isClosed = true;
      clearInterval(this.timer);
      void this.enqueue(async () => {
        await this.handoff();
        if (this.file) await this.closeFile(this.file);
      });
    }
    return this.chain.then(() => this.releaseDrainWaiters());
  }

  private backlogBytes(): number {
    return this.pendingChars + (this.file?.backlogBytes ?? 0);
  }

  private scheduleFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    void this.enqueue(async () => {
      this.flushQueued = false;
      await this.flushNow();
    });
  }

  private enqueue(operation: () => Promise<void>): Promise<void> {
    this.chain = this.chain
      .then(operation)
      .catch((error: unknown) => this.report(this.file?.path ?? this.settings.directory, error))
      .then(() => {
        if (this.backlogBytes() < this.settings.highWaterBytes) this.releaseDrainWaiters();
      });
    return this.chain;
  }

  private async flushNow(): Promise<void> {
    await this.handoff();
    const file = this.file;
    if (!file) return;
    try {
      await file.flush();
      this.figures.recordsFlushed += this.unflushedRecords;
      this.unflushedRecords = 0;
      this.figures.flushes++;
    } catch (error) {
      await this.fileFailed(file, error);
      return;
    }
    await this.rotateIfDue(file);
  }

  /** Moves buffered lines into the current file (opening one if needed). */
  private async handoff(): Promise<void> {
    this.handoffQueued = false;
    if (this.lines.length === 0) return;
    const text = `${this.lines.join('\n')}\n`;
    const records = this.pendingRecords;
    this.lines = [];
    this.pendingChars = 0;
    this.pendingRecords = 0;
    const file = await this.currentFile();
    if (!file) {
      this.figures.droppedRecords += records;
      return;
    }
    try {
      await file.write(text);
      this.unflushedRecords += records;
    } catch (error) {
      this.figures.droppedRecords += records;
      await this.fileFailed(file, error);
      return;
    }
    await this.rotateIfDue(file);
  }

  private async rotateIfDue(file: GzipFile): Promise<void> {
    if (this.file !== file || file.uncompressedBytes === 0) return;
    const tooBig = file.compressedBytes >= this.settings.maxFileBytes;
    const tooOld = this.settings.nowMs() - file.openedAtMs >= this.settings.maxFileAgeMs;
    if (tooBig || tooOld) await this.closeFile(file);
  }

  /** The open file, or a new one; undefined while opening keeps failing (retry after a delay). */
  private async currentFile(): Promise<GzipFile | undefined> {
    if (this.file) return this.file;
    if (this.settings.nowMs() < this.nextOpenAttemptMs) return undefined;
    try {
      await mkdir(this.settings.directory, { recursive: true });
      this.file = await this.createFile();
      return this.file;
    } catch (error) {
      this.nextOpenAttemptMs = this.settings.nowMs() + this.settings.retryDelayMs;
      this.report(this.settings.directory, error);
      return undefined;
    }
  }

  private async createFile(): Promise<GzipFile> {
    const openedAtMs = this.settings.nowMs();
    for (let attempt = 0; attempt < MAX_NAME_ATTEMPTS; attempt++) {
      const name = archiveFileName(this.settings.prefix, openedAtMs, ++this.fileIndex);
      try {
        const file = await GzipFile.create(join(this.settings.directory, name), openedAtMs, this.settings.compressionLevel);
        this.figures.files++;
        this.settings.logger.info('archive file opened', { file: file.path });
        return file;
      } catch (error) {
        // Another writer (or an earlier run in the same second) has this name: take the next.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    throw new Error(`no free archive file name after ${MAX_NAME_ATTEMPTS} attempts`);
  }

  private async closeFile(file: GzipFile): Promise<void> {
    this.file = undefined;
    try {
      await file.close();
      this.figures.recordsFlushed += this.unflushedRecords;
      this.settings.logger.info('archive file closed', { file: file.path, compressedBytes: file.compressedBytes });
    } catch (error) {
      this.figures.droppedRecords += this.unflushedRecords;
      this.report(file.path, error);
      this.nextOpenAttemptMs = this.settings.nowMs() + this.settings.retryDelayMs;
    }
    this.unflushedRecords = 0;
    this.retireFigures(file);
  }

  /** A file broke mid-write: count what it held as lost, drop it, retry a new file later. */
  private async fileFailed(file: GzipFile, error: unknown): Promise<void> {
    this.figures.droppedRecords += this.unflushedRecords;
    this.unflushedRecords = 0;
    this.report(file.path, error);
    if (this.file === file) this.file = undefined;
    await file.abort();
    this.retireFigures(file);
    this.nextOpenAttemptMs = this.settings.nowMs() + this.settings.retryDelayMs;
  }

  private retireFigures(file: GzipFile): void {
    this.figures.uncompressedBytes += file.uncompressedBytes;
    this.figures.compressedBytes += file.compressedBytes;
  }

  private report(path: string, cause: unknown): void {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const error = streamError('ARCHIVE_WRITE_FAILED', `archive write failed at ${path}: ${reason}`, cause);
    this.figures.errors++;
    this.figures.lastError = error.message;
    this.settings.logger.error('archive write failed; the producer goes on and lost records are counted', {
      path,
      error,
      droppedRecords: this.figures.droppedRecords,
    });
    try {
      this.settings.onError?.(error);
    } catch {
      // onError must not throw; the archiver keeps its promise not to crash the producer.
    }
  }

  private releaseDrainWaiters(): void {
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const waiter of waiters) waiter();
  }
}
