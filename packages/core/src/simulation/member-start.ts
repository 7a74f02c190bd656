// Brings one agent into a run: starts it with its own random stream, reads and validates its
// wake-up and latency models and limits, and fills its rows of the run's tables.
import type { Agent } from '../agent/agent.js';
import { resolveAgentLimits } from '../agent/agent-limits.js';
import type { AgentLimits } from '../agent/agent-limits.js';
import { validateLatencyModel, validateWakeupModel } from '../agent/arrival-models.js';
import type { WakeupModel } from '../agent/arrival-models.js';
import { MarksimError } from '../errors/marksim-error.js';
import { SeededRandom } from '../random/seeded-random.js';
import { AgentMember } from './agent-member.js';
import { HAS_ON_EVENT, HAS_ON_FILL, SKIPS_IDLE } from './member-table.js';
import type { MemberTable } from './member-table.js';
import type { ResolvedSimulationOptions } from './simulation-options.js';
import type { WakeupTable } from './wakeup-table.js';

/** What a run gives each agent it starts. */
export interface MemberSetup {
  readonly options: ResolvedSimulationOptions;
  readonly table: WakeupTable;
  readonly memberTable: MemberTable;
  /**
   * One frozen limits object per distinct set of values: thousands of agents of one kind then
   * share one object, so each pre-trade check reads limits already in cache.
   */
  readonly sharedLimits: Map<string, AgentLimits>;
}

/** Starts `agent` as the run's member number `index`; throws INVALID_CONFIG naming the field when it cannot. */
export function startMember(agent: Agent, index: number, setup: MemberSetup): AgentMember {
  const { options, table, memberTable } = setup;
  const field = `simulation.agents[${index}]`;
  const random = new SeededRandom(options.seed, ['agents', agent.id]);
  try {
    agent.onStart?.({
      random,
      instrument: options.instrument,
      units: options.units,
      startTimeUs: options.startTimeUs,
      initialPriceTicks: options.initialPriceTicks,
    });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new MarksimError('INVALID_CONFIG', `agent ${agent.id} failed to start: ${reason} at ${field}.onStart`, { cause });
  }
  // Read after onStart: agents may derive their models and limits from the instrument.
  const wakeup: WakeupModel = agent.wakeup ?? { kind: 'fixed', intervalUs: options.agentWakeupIntervalUs };
  validateWakeupModel(wakeup, `${field}.wakeup`);
  const latency = agent.latency ?? options.latency;
  validateLatencyModel(latency, `${field}.latency`);
  const limits = shareLimits(setup.sharedLimits, resolveAgentLimits(agent.limits, options.limits, `${field}.limits`));
  // Scheduling draws (wake-ups, tie-breaks, latency jitter): separate from the agent's decision stream.
  table.set(index, wakeup, latency, options.startTimeUs, new SeededRandom(options.seed, ['schedule', agent.id]));
  if (typeof agent.skipWakeup === 'function') memberTable.setFlag(index, SKIPS_IDLE, true);
  const member = new AgentMember(agent, limits, index, memberTable);
  if (member.hasOnEvent) memberTable.setFlag(index, HAS_ON_EVENT, true);
  if (member.hasOnFill) memberTable.setFlag(index, HAS_ON_FILL, true);
  return member;
}


function shareLimits(shared: Map<string, AgentLimits>, limits: AgentLimits): AgentLimits {
  const key = `${limits.maxPositionLots}/${limits.maxOrderSizeLots}/${limits.maxOpenOrders}`;
  const known = shared.get(key);
  if (known !== undefined) return known;
  const frozen = Object.freeze({ ...limits });
  shared.set(key, frozen);
  return frozen;
}
