// One agent inside a run: the agent, its account and counters. Its schedule, latency and
// scheduling stream live in the run's WakeupTable at `index`, its flags, wake-up and intent
// counters and last arrival time in the run's MemberTable (read at every wake-up and decision
// without touching this record).
import type { Agent } from '../agent/agent.js';
import { AgentAccount } from '../agent/agent-account.js';
import type { AgentLimits } from '../agent/agent-limits.js';
import type { PoolMember } from '../agent/agent-pool.js';
import { DISABLED, IN_FLIGHT } from './member-table.js';
import type { MemberTable } from './member-table.js';

/** Per-agent counters of a run. */
export interface AgentCounters {
  readonly wakeups: number;
  readonly decisions: number;
  readonly intents: number;
  /** Intents refused before the book (limits, unknown own order). */
  readonly limitRejects: number;
  /** Wake-ups skipped because an earlier async decision was still running. */
  readonly missedWakeups: number;
  readonly failures: number;
  readonly timeouts: number;
  readonly disabled: boolean;
}

/** The simulation's record of one agent. */
export class AgentMember implements PoolMember, AgentCounters {
  readonly agent: Agent;
  readonly account: AgentAccount;
  /** Position in the run's agent list, WakeupTable, MemberTable and agenda wake-ups. */
  readonly index: number;
  readonly hasOnFill: boolean;
  readonly hasOnEvent: boolean;
  failures = 0;
  timeouts = 0;
  limitRejects = 0;
  private readonly table: MemberTable;

  constructor(agent: Agent, limits: AgentLimits, index: number, table: MemberTable) {
    this.agent = agent;
    this.account = new AgentAccount(agent.id, limits);
    this.index = index;
    this.table = table;
    this.hasOnFill = typeof agent.onFill === 'function';
    this.hasOnEvent = typeof agent.onEvent === 'function';
  }

  get disabled(): boolean {
    return (this.table.flags[this.index]! & DISABLED) !== 0;
  }

  set disabled(value: boolean) {
    this.table.setFlag(this.index, DISABLED, value);
  }

  get inFlight(): boolean {
    return (this.table.flags[this.index]! & IN_FLIGHT) !== 0;
  }

  set inFlight(value: boolean) {
    this.table.setFlag(this.index, IN_FLIGHT, value);
  }

  get intents(): number {
    return this.table.intents[this.index]!;
  }

  get wakeups(): number {
    return this.table.wakeups[this.index]!;
  }

  /** Every counted wake-up is a decision unless it was missed. */
  get decisions(): number {
    return this.table.wakeups[this.index]! - this.table.missedWakeups[this.index]!;
  }

  get missedWakeups(): number {
    return this.table.missedWakeups[this.index]!;
  }
}
