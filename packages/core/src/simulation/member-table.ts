// The per-agent flags, wake-up and intent counters and last arrival times of a run, packed in typed arrays indexed by agent.
// Every wake-up reads the flags and bumps a counter; with thousands of agents, keeping these
// in a few contiguous arrays spares each idle wake-up a cache miss on the agent's member record.

/** Set while the agent is disabled (too many failures). */
export const DISABLED = 1;
/** Set while an async decision of the agent is still running after a timeout. */
export const IN_FLIGHT = 2;
/** Set for agents with `skipWakeup`: their wake-up is re-armed after their decision, past the wake-ups they sit out. */
export const SKIPS_IDLE = 4;

/** The agent has an onEvent hook. */
export const HAS_ON_EVENT = 8;
/** The agent has an onFill hook. */
export const HAS_ON_FILL = 16;
/**
 * Set while the agent's queued wake-up was never offered to skipWakeup: its skip loop stopped at
 * the horizon of a runUntil, not at a wake-up the agent wanted. The wake-up is offered when due.
 */
export const UNASKED = 32;

/** Flags and wake-up counters of `capacity` agents. */
export class MemberTable {
  /** DISABLED | IN_FLIGHT | SKIPS_IDLE | HAS_ON_EVENT | HAS_ON_FILL | UNASKED bits per agent. */
  readonly flags: Uint8Array;
  /**
   * Counted wake-ups (not while disabled). 32 bits keep the array small enough to stay in
   * cache: 2^32 wake-ups of one agent at 10 per simulated second would take 13 simulated years.
   * Decisions are wakeups - missedWakeups, so they need no array of their own.
   */
  readonly wakeups: Uint32Array;
  /** Wake-ups skipped because an earlier async decision was still running. */
  readonly missedWakeups: Uint32Array;
  /** Intents received (sent on or refused before the book). */
  readonly intents: Float64Array;
  /** Simulated time, µs, at which the agent's last orders reach the book: its orders never overtake each other. */
  readonly lastArrivalUs: Float64Array;

  constructor(capacity: number) {
    this.flags = new Uint8Array(capacity);
    this.wakeups = new Uint32Array(capacity);
    this.missedWakeups = new Uint32Array(capacity);
    this.intents = new Float64Array(capacity);
    this.lastArrivalUs = new Float64Array(capacity);
  }

  /** Sets or clears `flag` of agent `index`. */
  setFlag(index: number, flag: number, on: boolean): void {
    this.flags[index] = on ? this.flags[index]! | flag : this.flags[index]! & ~flag;
  }
}
