/** An opaque timer handle, returned by `WallClock.setTimer` and given back to `clearTimer`. */
export type WallTimer = unknown;

/**
 * Wall time as the time engine sees it. core has no wall clock of its own: the engine receives
 * one, `systemClock` in production and a `ManualClock` in tests, so every wall-time behaviour
 * (speed, drift, batching) is testable without sleeping.
 */
export interface WallClock {
  /** Monotonic wall time in milliseconds (fractions allowed); only differences matter. */
  nowMs(): number;
  /** Calls `callback` once, no earlier than `delayMs` from now. */
  setTimer(callback: () => void, delayMs: number): WallTimer;
  /** Cancels a timer from `setTimer`; a fired or unknown timer is ignored. */
  clearTimer(timer: WallTimer): void;
  /** Resolves after pending I/O and timers have had a turn (a macrotask, not a microtask). */
  yield(): Promise<void>;
}
