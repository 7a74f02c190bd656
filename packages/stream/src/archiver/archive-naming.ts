/** Suffix of compressed archive files. */
export const ARCHIVE_GZIP_SUFFIX = '.ndjson.gz';
/** Suffix of uncompressed archive files (the reader accepts them too). */
export const ARCHIVE_PLAIN_SUFFIX = '.ndjson';

const PREFIX_PATTERN = /^[A-Za-z0-9_.-]+$/;

/** True when `prefix` is safe in a file name (letters, digits, `_`, `.`, `-`). */
export function isValidArchivePrefix(prefix: string): boolean {
  return typeof prefix === 'string' && PREFIX_PATTERN.test(prefix);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * `<prefix>-YYYYMMDDTHHMMSSZ-NNNN.ndjson.gz`: UTC wall time the file was opened, then a
 * counter, so names sort by time and files opened in the same second stay distinct.
 */
export function archiveFileName(prefix: string, openedAtMs: number, index: number): string {
  const date = new Date(openedAtMs);
  const stamp =
    `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1, 2)}${pad(date.getUTCDate(), 2)}` +
    `T${pad(date.getUTCHours(), 2)}${pad(date.getUTCMinutes(), 2)}${pad(date.getUTCSeconds(), 2)}Z`;
  return `${prefix}-${stamp}-${pad(index, 4)}${ARCHIVE_GZIP_SUFFIX}`;
}

/** True for names the reader replays from a directory: `*.ndjson.gz` and `*.ndjson`. */
export function isArchiveFileName(name: string): boolean {
  return name.endsWith(ARCHIVE_GZIP_SUFFIX) || name.endsWith(ARCHIVE_PLAIN_SUFFIX);
}
