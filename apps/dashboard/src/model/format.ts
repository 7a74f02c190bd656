// Number and time formatting for a trading screen: fixed decimals, thousands separators, and
// a stable en-US locale so the layout does not jump between machines. Formatters are cached
// because the ladder formats hundreds of numbers per frame.

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(decimals: number, signed: boolean): Intl.NumberFormat {
  const key = `${decimals}:${signed}`;
  let cached = formatters.get(key);
  if (cached === undefined) {
    cached = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: true,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    formatters.set(key, cached);
  }
  return cached;
}

/** Placeholder shown where a value is not known yet. */
export const NO_VALUE = '—';

/** `12,345.60` for (12345.6, 2); NO_VALUE for null, undefined or non-finite values. */
export function formatFixed(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  return formatter(decimals, false).format(value);
}

/** `+1.25` / `−0.50` / `0.00`: a change with its sign (uses a true minus sign). */
export function formatSigned(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  return formatter(decimals, true).format(value).replace('-', '\u2212');
}

/** `+0.42%` for a ratio of 0.0042. */
export function formatPercent(ratio: number | null | undefined, decimals = 2): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return NO_VALUE;
  return `${formatSigned(ratio * 100, decimals)}%`;
}

/** `1.2K`, `3.4M`: compact counts for volumes and rates in small spaces. */
export function formatCompact(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${formatFixed(value / 1e9, decimals)}B`;
  if (abs >= 1e6) return `${formatFixed(value / 1e6, decimals)}M`;
  if (abs >= 1e4) return `${formatFixed(value / 1e3, decimals)}K`;
  return formatFixed(value, Number.isInteger(value) ? 0 : decimals);
}

/**
 * Decimals needed to show `value` exactly (at most `max`): 50000.5 → 1, 0.125 → 3. Wire prices
 * are JSON numbers, so the tick size is learned from the prices seen.
 */
export function decimalsOf(value: number, max = 8): number {
  if (!Number.isFinite(value)) return 0;
  for (let decimals = 0; decimals < max; decimals += 1) {
    const scaled = value * 10 ** decimals;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, Math.abs(scaled))) return decimals;
  }
  return max;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** `14:03:07` (UTC) from µs since the epoch: simulation time on axes and in the tape. */
export function formatClockUs(timeUs: number): string {
  const date = new Date(Math.floor(timeUs / 1000));
  return `${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}`;
}

/** `14:03:07.250` (UTC) from µs since the epoch. */
export function formatClockMsUs(timeUs: number): string {
  const date = new Date(Math.floor(timeUs / 1000));
  return `${formatClockUs(timeUs)}.${pad(date.getUTCMilliseconds(), 3)}`;
}

/** `2024-01-02 14:03:07 UTC` from µs since the epoch. */
export function formatDateTimeUs(timeUs: number): string {
  const date = new Date(Math.floor(timeUs / 1000));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)} ${formatClockUs(timeUs)} UTC`;
}

/** `1.5 s`, `250 ms`, `2 min`: a delay for the connection status. */
export function formatDurationMs(durationMs: number): string {
  if (!Number.isFinite(durationMs) || durationMs < 0) return NO_VALUE;
  if (durationMs < 1000) return `${Math.round(durationMs)} ms`;
  if (durationMs < 60_000) return `${formatFixed(durationMs / 1000, 1)} s`;
  return `${formatFixed(durationMs / 60_000, 1)} min`;
}
