// Idle wake-ups an agent sits out (Agent.skipWakeup), drawn in one tight loop right after its
// decision, while the agent and its scheduling row are in cache. Most noise-trader wake-ups do
// nothing; skipping them spares each one an agenda entry, an instant of the time engine, a pool
// call and, with thousands of agents, the cache misses on the agent's objects.
//
// Each skipped wake-up draws its time and tie-break from the scheduling stream exactly as a real
// one would, and the agent draws what it would have drawn at it, so a run that skips gives the
// same event log as a run that wakes the agent every time.
import type { Agent } from '../agent/agent.js';
import type { WakeupTable } from './wakeup-table.js';

/** Most wake-ups one call skips, so an agent that always answers true cannot stall the loop. */
export const MAX_SKIPPED_WAKEUPS = 4096;

/** Slots of skipIdleWakeups' answer: the wake-up to queue (time, tie) and the count skipped. */
export const NEXT_TIME = 0;
export const NEXT_TIE = 1;
export const SKIPPED = 2;

/**
 * Asks `agent` (index `index` in `table`) about its wake-ups from `next`'s (time, tie) on, none
 * later than `horizonUs`. Leaves in `next` the wake-up to queue, the first one not skipped, and
 * the number skipped, also when skipWakeup throws (which it passes on).
 */
export function skipIdleWakeups(agent: Agent, index: number, table: WakeupTable, horizonUs: number, next: Float64Array): void {
  let timeUs = next[NEXT_TIME]!;
  let skipped = 0;
  next[SKIPPED] = 0;
  while (timeUs <= horizonUs && skipped < MAX_SKIPPED_WAKEUPS && agent.skipWakeup!(timeUs)) {
    next[SKIPPED] = ++skipped;
    table.advanceWake(index);
    timeUs = table.lastWakeUs(index);
    next[NEXT_TIME] = timeUs;
    next[NEXT_TIE] = table.nextUint32(index);
  }
}
