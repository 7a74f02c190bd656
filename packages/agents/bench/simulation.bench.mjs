// Fast-forward throughput of the default market at 10, 100, 1 000 and 10 000 agents.
// An event is an agent wake-up or an order reaching the book (SimulationStats.events). Idle
// wake-ups an agent sits out through `skipWakeup` (most noise-trader wake-ups) count as before:
// same seed ⇒ same event log and the same counters, so the figures compare with earlier runs.
//
// Every size is built and warmed up first, for at least WARMUP_SIM_US of simulated time: noise
// traders' limit orders live 60 s, so the book only reaches its steady depth (about 100x deeper
// at 10 000 agents than at 100) after a minute or two. Then ROUNDS rounds measure each size in
// turn for MEASURE_EVENTS events, and each size keeps its best round. Times are CPU seconds of
// this process (user + system), not wall time: on a shared 2-core machine other processes
// stretch wall time but not the work done here, and alternating the sizes means a burst of load
// hits one round of every size rather than deciding the ratio. Imports the built package (run
// `pnpm bench`, which builds first).
import { createDefaultMarket } from '../dist/index.js';

const SIZES = [10, 100, 1_000, 10_000];
const MEASURE_EVENTS = Number(process.env.MARKSIM_BENCH_EVENTS ?? 1_000_000);
const ROUNDS = Number(process.env.MARKSIM_BENCH_ROUNDS ?? 3);
const WARMUP_EVENTS = Math.round(MEASURE_EVENTS / 5);
/** Warm-up steps of simulated time. */
const CHUNK_US = 1_000_000;
/**
 * runFor calls per measured round. Agents skip idle wake-ups only up to the end of the current
 * runFor (so the counters are exact when it returns), so a run cut into many tiny pieces wakes
 * them more often than one long run; ten pieces per round, like the CLI's one-minute chunks of
 * a long run, keep that small at every size.
 */
const PIECES_PER_ROUND = 10;
/** Two noise-order lifetimes (DEFAULT_NOISE_TRADER_OPTIONS.orderLifetimeUs is 60 s). */
const WARMUP_SIM_US = 120_000_000;

function cpuSeconds(start) {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

async function runUntilEvents(simulation, events, chunkUs = CHUNK_US) {
  while (simulation.stats().events < events) await simulation.runFor(chunkUs);
}

/** A default market of `agentCount` agents, run past its warm-up. */
async function warmedUp(agentCount) {
  const simulation = createDefaultMarket({ mode: 'fast', seed: 1, agents: agentCount });
  const startUs = simulation.nowUs;
  await runUntilEvents(simulation, WARMUP_EVENTS);
  while (simulation.nowUs - startUs < WARMUP_SIM_US) await simulation.runFor(CHUNK_US);
  return simulation;
}

/** One measured round of `simulation`: events and CPU seconds for at least `events` more events. */
async function measureRound(simulation, events) {
  const startEvents = simulation.stats().events;
  const startSimUs = simulation.nowUs;
  const eventsPerUs = startEvents / (startSimUs - simulation.options.startTimeUs);
  const chunkUs = Math.max(CHUNK_US, Math.round(events / PIECES_PER_ROUND / eventsPerUs));
  const start = process.cpuUsage();
  await runUntilEvents(simulation, startEvents + events, chunkUs);
  const cpuS = cpuSeconds(start);
  const stats = simulation.stats();
  return { events: stats.events - startEvents, simSeconds: (simulation.nowUs - startSimUs) / 1e6, cpuS, wakeups: stats.wakeups, trades: stats.trades };
}

/** Best-of-ROUNDS figures for every size, sizes alternating within each round. */
export async function measureAll() {
  const simulations = [];
  for (const size of SIZES) simulations.push(await warmedUp(size));
  const best = SIZES.map(() => null);
  const all = SIZES.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < SIZES.length; i++) {
      const result = await measureRound(simulations[i], MEASURE_EVENTS);
      const nsPerEvent = (result.cpuS * 1e9) / result.events;
      all[i].push(nsPerEvent);
      if (best[i] === null || nsPerEvent < best[i].nsPerEvent) best[i] = { ...result, nsPerEvent };
    }
  }
  for (const simulation of simulations) simulation.stop();
  return SIZES.map((agents, i) => ({ agents, ...best[i], eventsPerS: 1e9 / best[i].nsPerEvent, rounds: all[i] }));
}

export async function run() {
  const rows = await measureAll();
  const format = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  console.log(`default market, fast-forward (event = wake-up or order reaching the book), CPU time, best of ${ROUNDS} alternating rounds`);
  console.log('agents   events     sim s    cpu ms   events/s    ns/event   (ns/event per round)');
  for (const row of rows) {
    console.log(
      `${String(row.agents).padStart(6)} ${format(row.events).padStart(10)} ${format(row.simSeconds, 1).padStart(8)} ${format(row.cpuS * 1000).padStart(8)} ${format(row.eventsPerS).padStart(10)} ${format(row.nsPerEvent).padStart(10)}   (${row.rounds.map((ns) => format(ns)).join(', ')})`,
    );
  }
  const by = (n) => rows.find((row) => row.agents === n);
  const ratio = by(10_000).nsPerEvent / by(100).nsPerEvent;
  console.log(`per-event cost 10 000 vs 100 agents: ${ratio.toFixed(2)}x (target <= 1.5x); 100 agents: ${format(by(100).eventsPerS)} events/s (target >= 200 000)`);
  return {
    events_per_s_10_agents: Math.round(by(10).eventsPerS),
    events_per_s_100_agents: Math.round(by(100).eventsPerS),
    events_per_s_1000_agents: Math.round(by(1_000).eventsPerS),
    events_per_s_10000_agents: Math.round(by(10_000).eventsPerS),
    per_event_cost_ratio_10000_vs_100: Math.round(ratio * 100) / 100,
  };
}
