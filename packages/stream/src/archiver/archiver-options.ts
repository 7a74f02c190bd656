import { requireInteger, requirePositive, streamError } from '../errors.js';
import type { StreamError } from '../errors.js';
import { STDERR_LOGGER } from '../logger.js';
import type { StreamLogger } from '../logger.js';
import { isValidArchivePrefix } from './archive-naming.js';

/** Options of Archiver.open(). Only `directory` is required. */
export interface ArchiverOptions {
  /** Where archive files go; created (with parents) if missing. */
  readonly directory: string;
  /** File name prefix: letters, digits, `_`, `.`, `-`. */
  readonly prefix?: string;
  /** Rotate once a file's compressed size reaches this many bytes. */
  readonly maxFileBytes?: number;
  /** Rotate once a file has been open this long (wall ms). */
  readonly maxFileAgeMs?: number;
  /** Sync-flush to disk at this interval (ms, ≤ 1000: the crash guarantee is "at most 1 s lost"). */
  readonly flushIntervalMs?: number;
  /** Hand buffered lines to zlib once they reach this many characters. */
  readonly batchBytes?: number;
  /** write() returns false while more than this many bytes wait to reach the disk. */
  readonly highWaterBytes?: number;
  /** zlib level 1 (fast) … 9 (small). */
  readonly compressionLevel?: number;
  /** After a failed file open or write, wait this long (ms) before opening a new file. */
  readonly retryDelayMs?: number;
  readonly logger?: StreamLogger;
  /** Called for every write failure (disk full, EACCES…), after it is logged. Must not throw. */
  readonly onError?: (error: StreamError) => void;
  /** Wall clock in ms since the epoch, for file names and time rotation. */
  readonly nowMs?: () => number;
}

/** Defaults of ArchiverOptions, with units in the names. */
export const DEFAULT_ARCHIVER_OPTIONS = {
  prefix: 'marksim',
  maxFileBytes: 64 * 1024 * 1024,
  maxFileAgeMs: 60 * 60 * 1000,
  flushIntervalMs: 1000,
  batchBytes: 64 * 1024,
  highWaterBytes: 8 * 1024 * 1024,
  compressionLevel: 6,
  retryDelayMs: 5000,
} as const;

/** Options with every default filled in. */
export type Settings = Required<Omit<ArchiverOptions, 'onError'>> & Pick<ArchiverOptions, 'onError'>;

/** Validates options (messages name the field, value and rule) and fills in defaults. */
export function resolveSettings(options: ArchiverOptions): Settings {
  if (typeof options?.directory !== 'string' || options.directory === '') {
    throw streamError('INVALID_ARGUMENT', `directory must be a non-empty path (got ${String(options?.directory)})`);
  }
  const settings: Settings = {
    ...DEFAULT_ARCHIVER_OPTIONS,
    logger: STDERR_LOGGER,
    nowMs: Date.now,
    ...stripUndefined(options),
    directory: options.directory,
  };
  if (!isValidArchivePrefix(settings.prefix)) {
    throw streamError('INVALID_ARGUMENT', `prefix must use only letters, digits, _ . - (got ${JSON.stringify(settings.prefix)})`);
  }
  requireInteger('maxFileBytes', settings.maxFileBytes, 1);
  requirePositive('maxFileAgeMs', settings.maxFileAgeMs);
  requirePositive('flushIntervalMs', settings.flushIntervalMs);
  if (settings.flushIntervalMs > 1000) {
    throw streamError('INVALID_ARGUMENT', `flushIntervalMs must be ≤ 1000 (got ${settings.flushIntervalMs})`);
  }
  requireInteger('batchBytes', settings.batchBytes, 1);
  requireInteger('highWaterBytes', settings.highWaterBytes, 1);
  requireInteger('compressionLevel', settings.compressionLevel, 1);
  if (settings.compressionLevel > 9) {
    throw streamError('INVALID_ARGUMENT', `compressionLevel must be 1…9 (got ${settings.compressionLevel})`);
  }
  requirePositive('retryDelayMs', settings.retryDelayMs);
  return settings;
}

function stripUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}
