// MarketSimulation configuration: the seed's parameters (agents, initialPrice,
// agentWakeupIntervalUs, speedMultiplier) plus what a reproducible run needs (seed, startTimeUs).
// Every value is validated here; a bad one throws INVALID_CONFIG naming the field and the range.
import type { Agent } from '../agent/agent.js';
import { DEFAULT_AGENT_LIMITS, resolveAgentLimits } from '../agent/agent-limits.js';
import type { AgentLimits } from '../agent/agent-limits.js';
import { DEFAULT_LATENCY, validateLatencyModel } from '../agent/arrival-models.js';
import type { LatencyModel } from '../agent/arrival-models.js';
import { BTC_USD } from '../domain/instrument.js';
import type { Instrument } from '../domain/instrument.js';
import type { SelfTradePrevention } from '../domain/order.js';
import { MarksimError } from '../errors/marksim-error.js';
import type { SeedInput } from '../random/seed-hash.js';
import type { TimeEngineMode } from '../time/time-engine-events.js';
import type { WallClock } from '../time/wall-clock.js';
import { DecimalUnits } from '../units/decimal-units.js';
import type { DecimalInput } from '../units/decimal-units.js';

/** Options of `new MarketSimulation(options)`. Only `agents` is required. */
export interface MarketSimulationOptions {
  /** The traders; ids must be unique. May be empty (an idle market). */
  readonly agents: readonly Agent[];
  /** Default BTC/USD (tick 0.01, lot 0.0001). */
  readonly instrument?: Instrument;
  /** Reference price before the first trade, in quote currency. Default 50000. */
  readonly initialPrice?: DecimalInput;
  /** Default wake-up period of agents without their own wake-up model, µs. Default 100 000 (100 ms). */
  readonly agentWakeupIntervalUs?: number;
  /** Real-time speed: simulated seconds per wall second. Default 1. */
  readonly speedMultiplier?: number;
  /** `realtime` paces by the wall clock × speed; `fast` runs as fast as possible. Default realtime. */
  readonly mode?: TimeEngineMode;
  /** Seed of every random stream in the run. Default 1. */
  readonly seed?: SeedInput;
  /** Simulated start, µs since the Unix epoch. Default 2024-01-01T00:00:00Z, so runs reproduce; a live server passes now. */
  readonly startTimeUs?: number;
  /** Default latency of agents without their own. Default 0 µs. */
  readonly latency?: LatencyModel;
  /** Default limits of agents (each agent may narrow them). Default: no position or size limit, 1 000 open orders. */
  readonly limits?: Partial<AgentLimits>;
  /** Self-trade prevention applied to every agent order. Default cancel-resting. */
  readonly selfTradePrevention?: SelfTradePrevention;
  /** Wall-time budget of one async decision, ms. Default 100. */
  readonly decisionTimeoutMs?: number;
  /** Agent errors after which the agent is disabled. Default 5. */
  readonly maxAgentFailures?: number;
  /** Publish a ticker at most this often when only quotes moved, µs of simulated time. Default 1 000 000 (1 s). */
  readonly tickerIntervalUs?: number;
  /** Also publish a ticker after every command that traded. Default true. */
  readonly tickerOnTrade?: boolean;
  /** Trades kept in MarketData.recentTrades. Default 100. */
  readonly recentTradesLimit?: number;
  /** Wall clock (real-time pacing, decision timeouts, events/s). Default systemClock. */
  readonly clock?: WallClock;
}

/** Defaults of the optional fields, with units. */
export const DEFAULT_SIMULATION_OPTIONS = Object.freeze({
  instrument: BTC_USD,
  initialPrice: '50000',
  agentWakeupIntervalUs: 100_000,
  speedMultiplier: 1,
  mode: 'realtime' as TimeEngineMode,
  seed: 1 as SeedInput,
  /** 2024-01-01T00:00:00Z in µs. */
  startTimeUs: 1_704_067_200_000_000,
  latency: DEFAULT_LATENCY,
  selfTradePrevention: 'cancel-resting' as SelfTradePrevention,
  decisionTimeoutMs: 100,
  maxAgentFailures: 5,
  tickerIntervalUs: 1_000_000,
  tickerOnTrade: true,
  recentTradesLimit: 100,
});

/** Options after defaults and validation. */
export interface ResolvedSimulationOptions {
  readonly agents: readonly Agent[];
  readonly instrument: Instrument;
  readonly units: DecimalUnits;
  readonly initialPriceTicks: number;
  readonly agentWakeupIntervalUs: number;
  readonly speedMultiplier: number;
  readonly mode: TimeEngineMode;
  readonly seed: SeedInput;
  readonly startTimeUs: number;
  readonly latency: LatencyModel;
  readonly limits: AgentLimits;
  readonly selfTradePrevention: SelfTradePrevention;
  readonly decisionTimeoutMs: number;
  readonly maxAgentFailures: number;
  readonly tickerIntervalUs: number;
  readonly tickerOnTrade: boolean;
  readonly recentTradesLimit: number;
}

function fail(field: string, value: unknown, rule: string): MarksimError {
  return new MarksimError('INVALID_CONFIG', `${field} must be ${rule} (got ${String(value)}) at simulation.${field}`);
}

function integerIn(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw fail(field, value, `an integer in [${min}, ${max}]`);
  }
  return value;
}

const STP_MODES: readonly SelfTradePrevention[] = ['cancel-resting', 'cancel-incoming', 'cancel-both', 'none'];

/** Applies defaults and validates; throws INVALID_CONFIG naming the field and its allowed range. */
export function resolveSimulationOptions(options: MarketSimulationOptions): ResolvedSimulationOptions {
  if (options === null || typeof options !== 'object') throw fail('options', options, 'an options object');
  const d = DEFAULT_SIMULATION_OPTIONS;
  if (!Array.isArray(options.agents)) throw fail('agents', options.agents, 'an array of agents');
  const ids = new Set<string>();
  options.agents.forEach((agent: Agent, i: number) => {
    if (agent === null || typeof agent !== 'object' || typeof agent.generateOrders !== 'function') {
      throw fail(`agents[${i}]`, agent, 'an agent with generateOrders()');
    }
    if (typeof agent.id !== 'string' || agent.id.length === 0) throw fail(`agents[${i}].id`, agent.id, 'a non-empty string');
    if (ids.has(agent.id)) throw fail(`agents[${i}].id`, agent.id, 'unique among the agents');
    ids.add(agent.id);
  });
  const instrument = options.instrument ?? d.instrument;
  const units = new DecimalUnits(instrument);
  const initialPrice = options.initialPrice ?? d.initialPrice;
  let initialPriceTicks: number;
  try {
    initialPriceTicks = units.priceToTicks(initialPrice);
  } catch {
    initialPriceTicks = Number.NaN;
  }
  if (!(initialPriceTicks > 0)) {
    throw fail('initialPrice', initialPrice, `a price > 0 on the ${instrument.tickSize} tick`);
  }
  const speed = options.speedMultiplier ?? d.speedMultiplier;
  if (typeof speed !== 'number' || !(speed > 0) || !Number.isFinite(speed)) {
    throw fail('speedMultiplier', speed, 'a finite number > 0');
  }
  const mode = options.mode ?? d.mode;
  if (mode !== 'realtime' && mode !== 'fast') throw fail('mode', mode, "'realtime' or 'fast'");
  const seed = options.seed ?? d.seed;
  if (!((typeof seed === 'number' && Number.isFinite(seed)) || typeof seed === 'string')) {
    throw fail('seed', seed, 'a finite number or a string');
  }
  const latency = options.latency ?? d.latency;
  validateLatencyModel(latency, 'simulation.latency');
  const stp = options.selfTradePrevention ?? d.selfTradePrevention;
  if (!STP_MODES.includes(stp)) throw fail('selfTradePrevention', stp, `one of ${STP_MODES.join(', ')}`);
  const tickerOnTrade = options.tickerOnTrade ?? d.tickerOnTrade;
  if (typeof tickerOnTrade !== 'boolean') throw fail('tickerOnTrade', tickerOnTrade, 'true or false');
  return {
    agents: options.agents,
    instrument,
    units,
    initialPriceTicks,
    agentWakeupIntervalUs: integerIn(options.agentWakeupIntervalUs ?? d.agentWakeupIntervalUs, 'agentWakeupIntervalUs', 1, 86_400_000_000),
    speedMultiplier: speed,
    mode,
    seed,
    startTimeUs: integerIn(options.startTimeUs ?? d.startTimeUs, 'startTimeUs', 0, Number.MAX_SAFE_INTEGER),
    latency,
    limits: resolveAgentLimits(options.limits, DEFAULT_AGENT_LIMITS, 'simulation.limits'),
    selfTradePrevention: stp,
    decisionTimeoutMs: integerIn(options.decisionTimeoutMs ?? d.decisionTimeoutMs, 'decisionTimeoutMs', 1, 3_600_000),
    maxAgentFailures: integerIn(options.maxAgentFailures ?? d.maxAgentFailures, 'maxAgentFailures', 1, 1_000_000),
    tickerIntervalUs: integerIn(options.tickerIntervalUs ?? d.tickerIntervalUs, 'tickerIntervalUs', 1, 86_400_000_000),
    tickerOnTrade,
    recentTradesLimit: integerIn(options.recentTradesLimit ?? d.recentTradesLimit, 'recentTradesLimit', 0, 100_000),
  };
}
