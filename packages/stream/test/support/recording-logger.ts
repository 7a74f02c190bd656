import type { LogFields, StreamLogger } from '@marksim/stream';

/** A logger that keeps every line for assertions. */
export interface RecordingLogger extends StreamLogger {
  readonly lines: { level: 'info' | 'warn' | 'error'; msg: string; fields?: LogFields }[];
  messages(level: 'info' | 'warn' | 'error'): string[];
}

/** Creates a RecordingLogger. */
export function recordingLogger(): RecordingLogger {
  const lines: RecordingLogger['lines'] = [];
  return {
    lines,
    info: (msg, fields) => lines.push({ level: 'info', msg, fields }),
    warn: (msg, fields) => lines.push({ level: 'warn', msg, fields }),
    error: (msg, fields) => lines.push({ level: 'error', msg, fields }),
    messages: (level) => lines.filter((line) => line.level === level).map((line) => line.msg),
  };
}
