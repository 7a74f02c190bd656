/** Extra structured fields of a log line. */
export type LogFields = Record<string, unknown>;

/**
 * The logger this package writes to. Structurally a subset of the server's logger, so the app
 * passes its own; every component here takes one by injection and logs sparingly.
 */
export interface StreamLogger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

function toLine(level: string, msg: string, fields?: LogFields): string {
  return JSON.stringify({ level, msg, ...fields }, (_key, value: unknown) =>
    value instanceof Error ? { message: value.message, code: (value as { code?: unknown }).code } : value);
}

/** Default logger: warnings and errors as JSON lines on stderr, info dropped. */
export const STDERR_LOGGER: StreamLogger = {
  info: () => {},
  warn: (msg, fields) => process.stderr.write(`${toLine('warn', msg, fields)}\n`),
  error: (msg, fields) => process.stderr.write(`${toLine('error', msg, fields)}\n`),
};

/** A logger that drops everything (tests, benchmarks). */
export const SILENT_LOGGER: StreamLogger = { info: () => {}, warn: () => {}, error: () => {} };
