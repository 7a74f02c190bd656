// How the benchmarks run a market: in pieces of one simulated minute, each a runUntil to the next
// whole minute since the start, exactly as `marksim simulate` runs it, after a warm-up. Shared by
// market-process.mjs (the bench) and cache-profile.mjs (where the cache misses are).
import { createDefaultMarket } from '../dist/index.js';
import { SIMULATE_CHUNK_US } from '../dist/cli/simulate-command.js';

/** Two noise-order lifetimes (DEFAULT_NOISE_TRADER_OPTIONS.orderLifetimeUs is 60 s). */
const WARMUP_SIM_US = 120_000_000;
/**
 * The pieces are fixed in simulated time, not in events: a noise trader's skip loop that reaches
 * a piece's end is asked again when its next wake-up falls due (a cold read of the agent with
 * thousands of them), and pieces of a fixed number of events would come 100 times more often per
 * agent at 10 000 agents than at 100 (a piece of 100 000 events is 2.8 simulated seconds there,
 * shorter than one skip loop).
 */
const PIECE_US = SIMULATE_CHUNK_US;

/** Runs to the next whole piece since the start of the run. */
export async function runPiece(simulation) {
  const startUs = simulation.options.startTimeUs;
  await simulation.runUntil(startUs + (Math.floor((simulation.nowUs - startUs) / PIECE_US) + 1) * PIECE_US);
}

/** Runs whole pieces until at least `events` events have happened since the start. */
export async function runUntilEvents(simulation, events) {
  while (simulation.stats().events < events) await runPiece(simulation);
}

/** A default market of `agentCount` agents (seed 1), run past its warm-up: `warmupEvents` events and WARMUP_SIM_US. */
export async function warmedUpMarket(agentCount, warmupEvents) {
  const simulation = createDefaultMarket({ mode: 'fast', seed: 1, agents: agentCount });
  const startUs = simulation.nowUs;
  await runUntilEvents(simulation, warmupEvents);
  while (simulation.nowUs - startUs < WARMUP_SIM_US) await runPiece(simulation);
  return simulation;
}
