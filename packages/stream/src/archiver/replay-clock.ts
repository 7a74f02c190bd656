import { setTimeout as sleepMs } from 'node:timers/promises';

/** The wall clock a replay is paced by; tests pass a fake one. */
export interface ReplayClock {
  /** Wall time in ms (any origin). */
  nowMs(): number;
  /** Resolves after `ms`, or early (without error) when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** The real clock: performance.now() and timers. */
export const SYSTEM_REPLAY_CLOCK: ReplayClock = {
  nowMs: () => performance.now(),
  sleep: (ms, signal) =>
    sleepMs(ms, undefined, { signal }).then(
      () => undefined,
      () => undefined,
    ),
};
