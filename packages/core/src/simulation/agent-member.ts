// One agent inside a run: the agent, its account and counters. Its schedule, latency and
// scheduling stream live in the run's WakeupTable at `index`.
import type { Agent } from '../agent/agent.js';
import { AgentAccount } from '../agent/agent-account.js';
import type { AgentLimits } from '../agent/agent-limits.js';
import type { PoolMember } from '../agent/agent-pool.js';

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
  /** Position in the run's agent list, WakeupTable and agenda wake-ups. */
  readonly index: number;
  readonly hasOnFill: boolean;
  readonly hasOnEvent: boolean;
  failures = 0;
  timeouts = 0;
  disabled = false;
  inFlight = false;
  wakeups = 0;
  decisions = 0;
  intents = 0;
  limitRejects = 0;
  missedWakeups = 0;
  /** Orders of one agent reach the book in the order it sent them (one connection, FIFO). */
  lastArrivalUs = 0;

  constructor(agent: Agent, limits: AgentLimits, index: number) {
    this.agent = agent;
    this.account = new AgentAccount(agent.id, limits);
    this.index = index;
    this.hasOnFill = typeof agent.onFill === 'function';
    this.hasOnEvent = typeof agent.onEvent === 'function';
  }
}
