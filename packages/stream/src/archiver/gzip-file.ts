import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { constants, createGzip } from 'node:zlib';
import type { Gzip } from 'node:zlib';

/**
 * One archive file being written: text → gzip → file. flush() uses Z_SYNC_FLUSH, which ends
 * the deflate block on a byte boundary, so everything written before it decodes from the file
 * alone (the gzip trailer is only written by close()). Disk writes are serial; the first
 * failure is kept and every later call reports it.
 */
export class GzipFile {
  readonly path: string;
  /** Wall time the file was opened (ms since the epoch). */
  readonly openedAtMs: number;
  /** Compressed bytes produced so far (written or about to be). */
  compressedBytes = 0;
  uncompressedBytes = 0;
  private readonly handle: FileHandle;
  private readonly gzip: Gzip;
  private out: Buffer[] = [];
  private outBytes = 0;
  private writing = false;
  private idleWaiters: (() => void)[] = [];
  private failure: Error | undefined;
  private closed = false;

  private constructor(path: string, handle: FileHandle, openedAtMs: number, level: number) {
    this.path = path;
    this.handle = handle;
    this.openedAtMs = openedAtMs;
    this.gzip = createGzip({ level });
    this.gzip.on('data', (chunk: Buffer) => {
      this.out.push(chunk);
      this.outBytes += chunk.length;
      this.compressedBytes += chunk.length;
      this.pump();
    });
    this.gzip.on('error', (error: Error) => this.fail(error));
  }

  /** Creates `path` (fails if it exists: an archive is never overwritten). */
  static async create(path: string, openedAtMs: number, level: number, flags = 'wx'): Promise<GzipFile> {
    const handle = await open(path, flags, 0o644);
    return new GzipFile(path, handle, openedAtMs, level);
  }

  /** The error that broke this file, if any. */
  get error(): Error | undefined {
    return this.failure;
  }

  /** Bytes accepted but not yet on disk (text in zlib, compressed bytes not written). */
  get backlogBytes(): number {
    return this.gzip.writableLength + this.outBytes;
  }

  /** Compresses `text`; resolves once zlib has taken it (not yet on disk: see flush). */
  write(text: string): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const bytes = Buffer.from(text, 'utf8');
    this.uncompressedBytes += bytes.length;
    return new Promise((resolve, reject) => {
      this.gzip.write(bytes, (error) => (error ? reject(error) : resolve()));
    });
  }

  /** Makes everything written so far decodable from the file: sync-flush, then write to disk. */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve) => this.gzip.flush(constants.Z_SYNC_FLUSH, () => resolve()));
    // zlib pushes the flushed bytes before it calls back; one macrotask more makes sure every
    // 'data' event has reached pump() before we wait for the disk.
    await new Promise<void>((resolve) => setImmediate(resolve));
    await this.idle();
  }

  /** Writes the gzip trailer and closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      if (!this.failure) {
        await new Promise<void>((resolve, reject) => {
          this.gzip.once('end', resolve);
          this.gzip.once('error', reject);
          this.gzip.end();
          this.gzip.resume();
        });
        await this.idle();
      }
    } finally {
      await this.handle.close().catch(() => {});
    }
    if (this.failure) throw this.failure;
  }

  /** Closes the file without finishing it (after a failure); never throws. */
  async abort(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.gzip.destroy();
    await this.handle.close().catch(() => {});
  }

  private idle(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (!this.writing && this.out.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.idleWaiters.push(() => (this.failure ? reject(this.failure) : resolve()));
    });
  }

  private pump(): void {
    if (this.writing || this.failure || this.out.length === 0) return;
    this.writing = true;
    const data = this.out.length === 1 ? this.out[0] : Buffer.concat(this.out);
    this.out = [];
    this.outBytes = 0;
    this.writeFully(data).then(
      () => {
        this.writing = false;
        if (this.out.length > 0) this.pump();
        else this.settleIdle();
      },
      (error: Error) => {
        this.writing = false;
        this.fail(error);
      },
    );
  }

  private async writeFully(data: Buffer): Promise<void> {
    let offset = 0;
    while (offset < data.length) {
      const { bytesWritten } = await this.handle.write(data, offset, data.length - offset);
      offset += bytesWritten;
    }
  }

  private fail(error: Error): void {
    if (!this.failure) this.failure = error;
    this.out = [];
    this.outBytes = 0;
    this.settleIdle();
  }

  private settleIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const waiter of waiters) waiter();
  }
}
