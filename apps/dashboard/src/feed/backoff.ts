// Reconnect delays: exponential growth with "equal jitter" (half fixed, half random), so a
// restarted server is not hit by every open dashboard in the same millisecond, while the delay
// never collapses to zero.

/** Backoff settings, all in ms. */
export interface BackoffOptions {
  /** Delay cap of the first retry. */
  initialDelayMs: number;
  /** Largest delay cap. */
  maxDelayMs: number;
  /** Growth of the cap per failed attempt. */
  factor: number;
}

/** 250 ms, doubling, at most 10 s: a dashboard comes back quickly after a server restart. */
export const DEFAULT_BACKOFF: Readonly<BackoffOptions> = { initialDelayMs: 250, maxDelayMs: 10_000, factor: 2 };

/**
 * Delay before retry number `attempt` (0 = first retry): a cap of initial × factor^attempt
 * (bounded by max), of which half is fixed and half scaled by `random` in [0, 1).
 */
export function backoffDelayMs(attempt: number, random: number, options: Readonly<BackoffOptions> = DEFAULT_BACKOFF): number {
  const capMs = Math.min(options.maxDelayMs, options.initialDelayMs * options.factor ** Math.max(0, attempt));
  const half = capMs / 2;
  return Math.round(half + half * Math.min(Math.max(random, 0), 1));
}
