import { agentsError } from '../errors.js';

const UNIT_US: Readonly<Record<string, number>> = {
  us: 1,
  ms: 1_000,
  s: 1_000_000,
  m: 60_000_000,
  h: 3_600_000_000,
  d: 86_400_000_000,
};

const PART = /(\d+(?:\.\d+)?)(us|ms|s|m|h|d)/gy;

/**
 * Parses a simulated duration such as `6h`, `90m`, `1h30m`, `45s` or `250ms` into integer
 * microseconds. Throws MarksimError (INVALID_ARGUMENT) naming the flag on anything else.
 */
export function parseDurationUs(text: string, field = '--duration'): number {
  const trimmed = text.trim();
  PART.lastIndex = 0;
  let totalUs = 0;
  let consumed = 0;
  for (let match = PART.exec(trimmed); match !== null; match = PART.exec(trimmed)) {
    totalUs += Number(match[1]) * UNIT_US[match[2]!]!;
    consumed = PART.lastIndex;
  }
  if (trimmed.length === 0 || consumed !== trimmed.length || !(totalUs > 0)) {
    throw agentsError(
      'INVALID_ARGUMENT',
      `${field} must be a positive duration such as 6h, 90m, 1h30m, 45s or 250ms (got "${text}")`,
    );
  }
  return Math.round(totalUs);
}

/** Formats microseconds as a short human duration: `1h05m`, `3m20s`, `12.5s`. */
export function formatDurationUs(us: number): string {
  if (!Number.isFinite(us)) return '?';
  const totalS = Math.max(0, us) / 1_000_000;
  if (totalS < 60) return `${totalS < 10 ? totalS.toFixed(1) : Math.round(totalS)}s`;
  const totalMin = Math.floor(totalS / 60);
  if (totalMin < 60) return `${totalMin}m${String(Math.floor(totalS % 60)).padStart(2, '0')}s`;
  const hours = Math.floor(totalMin / 60);
  return `${hours}h${String(totalMin % 60).padStart(2, '0')}m`;
}
