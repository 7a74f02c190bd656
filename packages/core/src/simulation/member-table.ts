// The per-agent flags and wake-up counters of a run, packed in typed arrays indexed by agent.
// Every wake-up reads the flags and bumps a counter; with thousands of agents, keeping these
// in a few contiguous arrays spares each idle wake-up a cache miss on the agent's member record.

/** Set while the agent is disabled (too many failures). */
export const DISABLED = 1;
/** Set while an async decision of the agent is still running after a timeout. */
export const IN_FLIGHT = 2;

/** Flags and wake-up counters of `capacity` agents. */
export class MemberTable {
  /** DISABLED | IN_FLIGHT bits per agent. */
  readonly flags: Uint8Array;
  readonly wakeups: Float64Array;
  readonly decisions: Float64Array;
  /** Wake-ups skipped because an earlier async decision was still running. */
  readonly missedWakeups: Float64Array;

  constructor(capacity: number) {
    this.flags = new Uint8Array(capacity);
    this.wakeups = new Float64Array(capacity);
    this.decisions = new Float64Array(capacity);
    this.missedWakeups = new Float64Array(capacity);
  }

  /** Sets or clears `flag` of agent `index`. */
  setFlag(index: number, flag: number, on: boolean): void {
    this.flags[index] = on ? this.flags[index]! | flag : this.flags[index]! & ~flag;
  }
}
