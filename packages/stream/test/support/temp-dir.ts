import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogFields, StreamLogger } from '@marksim/stream';

/** A fresh directory under the OS temp dir; remove it with the returned cleanup. */
export async function makeTempDir(label: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `marksim-${label}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

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

/** A trade-like record as core emits it. */
export function tradeRecord(seq: number, timeUs = 1_764_000_000_000_000 + seq * 1000) {
  return {
    type: 'trade' as const,
    seq,
    symbol: 'BTC/USD',
    timeUs,
    tradeId: seq,
    priceTicks: 5_000_000 + (seq % 97),
    sizeLots: 1 + (seq % 13),
    aggressor: seq % 2 === 0 ? ('buy' as const) : ('sell' as const),
    makerOrderId: `m-${seq}`,
    makerOwnerId: 'mm_1',
    takerOrderId: `t-${seq}`,
    takerOwnerId: 'noise_1',
  };
}
