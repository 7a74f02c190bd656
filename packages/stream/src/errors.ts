import { MarksimError } from '@marksim/core';

/** Stable error codes of @marksim/stream. Thrown only for programmer mistakes; I/O trouble is reported. */
export type StreamErrorCode =
  /** A constructor or method argument breaks its rule (the message names field, value and rule). */
  | 'INVALID_ARGUMENT'
  /** publish() or subscribe() after the stream was closed. */
  | 'STREAM_CLOSED'
  /** write() after the archiver was closed. */
  | 'ARCHIVE_CLOSED'
  /** The archive directory or first file could not be created (reported by Archiver.open). */
  | 'ARCHIVE_OPEN_FAILED'
  /** A write, flush or rotation failed (disk full, EACCES…); reported to onError, never thrown. */
  | 'ARCHIVE_WRITE_FAILED'
  /** The path given to the archive reader does not exist or holds no archive files. */
  | 'ARCHIVE_NOT_FOUND';

/** MarksimError with a @marksim/stream code. */
export type StreamError = MarksimError<StreamErrorCode>;

/** Builds a MarksimError with a stream code. */
export function streamError(code: StreamErrorCode, message: string, cause?: unknown): StreamError {
  return new MarksimError<StreamErrorCode>(code, message, cause === undefined ? undefined : { cause });
}

/** Throws INVALID_ARGUMENT unless `value` is an integer ≥ `min` (used for capacities and sizes). */
export function requireInteger(field: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw streamError('INVALID_ARGUMENT', `${field} must be an integer ≥ ${min} (got ${String(value)})`);
  }
}

/** Throws INVALID_ARGUMENT unless `value` is a finite number > 0. */
export function requirePositive(field: string, value: number): void {
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw streamError('INVALID_ARGUMENT', `${field} must be a finite number > 0 (got ${String(value)})`);
  }
}
