// One agent inside a run: the agent, its account, its wake-up schedule, latency and counters.
import type { Agent } from '../agent/agent.js';
import { AgentAccount } from '../agent/agent-account.js';
import type { AgentLimits } from '../agent/agent-limits.js';
import { WakeupSchedule } from '../agent/arrival-models.js';
import type { LatencyModel } from '../agent/arrival-models.js';
import type { PoolMember } from '../agent/agent-pool.js';
import type { SeededRandom } from '../random/seeded-random.js';
import { AGENDA_WAKEUP, AgendaEntry } from './agenda.js';

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
  readonly schedule: WakeupSchedule;
  readonly latency: LatencyModel;
  /** Scheduling draws (tie-breaks, latency jitter): separate from the agent's decision stream. */
  readonly scheduleRandom: SeededRandom;
  readonly wakeEntry: AgendaEntry<AgentMember>;
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

  constructor(agent: Agent, limits: AgentLimits, schedule: WakeupSchedule, latency: LatencyModel, scheduleRandom: SeededRandom) {
    this.agent = agent;
    this.account = new AgentAccount(agent.id, limits);
    this.schedule = schedule;
    this.latency = latency;
    this.scheduleRandom = scheduleRandom;
    this.wakeEntry = new AgendaEntry<AgentMember>(AGENDA_WAKEUP, this, null, null);
    this.hasOnFill = typeof agent.onFill === 'function';
    this.hasOnEvent = typeof agent.onEvent === 'function';
  }
}
