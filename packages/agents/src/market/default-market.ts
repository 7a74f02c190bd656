import { MarketSimulation } from '@marksim/core';
import type { LatencyModel, MarketSimulationOptions, WakeupModel } from '@marksim/core';
import { FundamentalValue } from '../fundamental/fundamental-value.js';
import type { FundamentalValueOptions } from '../fundamental/fundamental-value.js';
import { DEFAULT_AGENT_COUNTS, createAgents, scaledAgentCounts } from './agent-mix.js';
import type { AgentCounts, AgentKindOptions } from './agent-mix.js';

/** Options of createDefaultMarket: MarketSimulation's (without agents) plus the mix. */
export interface DefaultMarketOptions extends Omit<MarketSimulationOptions, 'agents'> {
  /** Counts per kind, or a total for the default mix scaled. Default 100 agents (mm 2, noise 80, informed 10, momentum 8). */
  readonly agents?: AgentCounts | number;
  /** Per-kind agent options, over the default market's (wake-up models included). */
  readonly agentOptions?: AgentKindOptions;
  /** The fundamental-value process informed traders observe. */
  readonly fundamental?: FundamentalValueOptions;
}

/** Default per-agent latency of the default market: 0.5 ms plus up to 2 ms of jitter. */
export const DEFAULT_MARKET_LATENCY: LatencyModel = Object.freeze({ baseUs: 500, jitterUs: 2_000 });

/**
 * Wake-up models per kind, from the base interval (the seed's agentWakeupIntervalUs, 100 ms):
 * market makers re-quote on the base grid with jitter, noise traders wake as a Poisson stream
 * with a mean gap of 2.5 base intervals, informed traders every 10, momentum traders every 50.
 * (With the noise traders' trade probability of 0.05, 80 of them send about 16 orders a second.)
 */
export function defaultWakeups(baseIntervalUs: number): Readonly<Record<keyof AgentCounts, WakeupModel>> {
  return {
    mm: { kind: 'fixed', intervalUs: baseIntervalUs, jitterUs: Math.floor(baseIntervalUs / 2) },
    noise: { kind: 'poisson', meanIntervalUs: Math.round(baseIntervalUs * 2.5) },
    informed: { kind: 'poisson', meanIntervalUs: baseIntervalUs * 10 },
    momentum: { kind: 'poisson', meanIntervalUs: baseIntervalUs * 50 },
  };
}

/**
 * A ready market with the built-in agents around one fundamental value: what the server runs
 * live and `marksim simulate` runs fast-forward. Same seed and options ⇒ same market.
 */
export function createDefaultMarket(options: DefaultMarketOptions = {}): MarketSimulation {
  const { agents: countsOption, agentOptions = {}, fundamental: fundamentalOptions, ...simulationOptions } = options;
  const counts = typeof countsOption === 'number' ? scaledAgentCounts(countsOption) : (countsOption ?? DEFAULT_AGENT_COUNTS);
  const wakeups = defaultWakeups(simulationOptions.agentWakeupIntervalUs ?? 100_000);
  const fundamental = new FundamentalValue(fundamentalOptions);
  const agents = createAgents(counts, fundamental, {
    mm: { wakeup: wakeups.mm, ...agentOptions.mm },
    noise: { wakeup: wakeups.noise, ...agentOptions.noise },
    informed: { wakeup: wakeups.informed, ...agentOptions.informed },
    momentum: { wakeup: wakeups.momentum, ...agentOptions.momentum },
  });
  return new MarketSimulation({ latency: DEFAULT_MARKET_LATENCY, ...simulationOptions, agents });
}
