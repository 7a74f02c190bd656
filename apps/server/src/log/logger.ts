/** Structured logs: one line per event of note, JSON for machines or pretty for people. */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];
export type LogFormat = 'json' | 'pretty';

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger whose lines all carry `component`. */
  child(component: string): Logger;
}

export interface LoggerOptions {
  level: LogLevel;
  format: LogFormat;
  /** Where lines go; defaults to stdout. */
  write?: (line: string) => void;
  /** Wall clock for the `time` field (ms since epoch). */
  nowMs?: () => number;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const COLOUR: Record<LogLevel, string> = { debug: '\x1b[90m', info: '\x1b[36m', warn: '\x1b[33m', error: '\x1b[31m' };

function formatValue(value: unknown): string {
  if (value instanceof Error) return JSON.stringify(value.message);
  if (typeof value === 'string') return /^[\w./:@-]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

function toJsonSafe(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? { message: value.message, code: (value as { code?: unknown }).code } : value;
  }
  return out;
}

let stdoutGuarded = false;

/** Writes a line to stdout; a reader that went away (EPIPE) must not take the server down. */
function writeStdout(line: string): void {
  if (!stdoutGuarded) {
    stdoutGuarded = true;
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  process.stdout.write(`${line}\n`);
}

/** Creates a logger that drops lines below `level`. */
export function createLogger(options: LoggerOptions, component?: string): Logger {
  const write = options.write ?? writeStdout;
  const nowMs = options.nowMs ?? Date.now;
  const threshold = RANK[options.level];
  const colour = options.format === 'pretty' && !options.write && process.stdout.isTTY;

  function emit(level: LogLevel, msg: string, fields: LogFields = {}): void {
    if (RANK[level] < threshold) return;
    const time = new Date(nowMs()).toISOString();
    if (options.format === 'json') {
      write(JSON.stringify({ time, level, ...(component ? { component } : {}), msg, ...toJsonSafe(fields) }));
      return;
    }
    const parts = Object.entries(fields).map(([key, value]) => `${key}=${formatValue(value)}`);
    const head = colour ? `${COLOUR[level]}${level.toUpperCase().padEnd(5)}\x1b[0m` : level.toUpperCase().padEnd(5);
    write(`${time.slice(11, 23)} ${head} ${component ? `[${component}] ` : ''}${msg}${parts.length ? ` ${parts.join(' ')}` : ''}`);
  }

  return {
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
    child: (name) => createLogger(options, component ? `${component}.${name}` : name),
  };
}
