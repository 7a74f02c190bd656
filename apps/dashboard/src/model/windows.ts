// The time windows the charts can show, and the candle intervals the feed sends.

import type { CandleInterval } from '@marksim/ws-server/protocol';

/** Time window of the charts. */
export type TimeWindow = '1m' | '5m' | '1h';

/** Windows in selector order. */
export const TIME_WINDOWS: readonly TimeWindow[] = ['1m', '5m', '1h'];

/** Window lengths in µs of simulation time. */
export const WINDOW_US: Readonly<Record<TimeWindow, number>> = { '1m': 60_000_000, '5m': 300_000_000, '1h': 3_600_000_000 };

/** Labels for the selector. */
export const WINDOW_LABEL: Readonly<Record<TimeWindow, string>> = { '1m': '1 min', '5m': '5 min', '1h': '1 hour' };

/** Candle widths in µs. */
export const INTERVAL_US: Readonly<Record<CandleInterval, number>> = { '1s': 1_000_000, '1m': 60_000_000 };

/** Whether `value` names a time window (for the `?window=` query parameter). */
export function isTimeWindow(value: unknown): value is TimeWindow {
  return value === '1m' || value === '5m' || value === '1h';
}
