import type { ManualClock } from '@marksim/core';

/** One host event-loop turn: every pending promise continuation runs first. */
export function flushHost(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Advances `clock` from one pending timer to the next, letting the engine react in between,
 * until `done` settles. Fails instead of hanging when nothing is left to advance to.
 */
export async function driveUntil<T>(clock: ManualClock, done: Promise<T>): Promise<T> {
  let settled = false;
  done.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let turn = 0; turn < 100_000; turn++) {
    await flushHost();
    if (settled) return done;
    const nextMs = clock.nextTimerMs();
    if (nextMs === undefined) throw new Error(`stuck at wall ${clock.nowMs()} ms: no timer pending`);
    clock.advanceTo(nextMs);
  }
  throw new Error('driveUntil: too many turns');
}
