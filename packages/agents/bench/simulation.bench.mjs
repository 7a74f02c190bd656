// Fast-forward throughput of the default market at 10, 100, 1 000 and 10 000 agents.
// An event is an agent wake-up or an order reaching the book (SimulationStats.events).
// Each size runs until it has processed TARGET_EVENTS after a warm-up, so per-event costs
// compare across sizes. The warm-up lasts at least WARMUP_SIM_US of simulated time as well:
// noise traders' limit orders live 60 s, so the book only reaches its steady depth (about 100x
// deeper at 10 000 agents than at 100) after a minute or two; without it the large sizes would
// be measured on a book still filling up. Imports the built package (run `pnpm bench`, which
// builds first).
import { createDefaultMarket } from '../dist/index.js';

const SIZES = [10, 100, 1_000, 10_000];
const TARGET_EVENTS = Number(process.env.MARKSIM_BENCH_EVENTS ?? 3_000_000);
const WARMUP_EVENTS = Math.round(TARGET_EVENTS / 10);
const CHUNK_US = 1_000_000;
/** Two noise-order lifetimes (DEFAULT_NOISE_TRADER_OPTIONS.orderLifetimeUs is 60 s). */
const WARMUP_SIM_US = 120_000_000;

async function runUntilEvents(simulation, events) {
  while (simulation.stats().events < events) await simulation.runFor(CHUNK_US);
}

/** Events per wall second for one agent count. */
export async function measure(agentCount) {
  const simulation = createDefaultMarket({ mode: 'fast', seed: 1, agents: agentCount });
  const startUs = simulation.nowUs;
  await runUntilEvents(simulation, WARMUP_EVENTS);
  while (simulation.nowUs - startUs < WARMUP_SIM_US) await simulation.runFor(CHUNK_US);
  const startEvents = simulation.stats().events;
  const startSimUs = simulation.nowUs;
  const startMs = performance.now();
  await runUntilEvents(simulation, startEvents + TARGET_EVENTS);
  const wallMs = performance.now() - startMs;
  const stats = simulation.stats();
  simulation.stop();
  const events = stats.events - startEvents;
  return {
    agents: agentCount,
    events,
    simSeconds: (simulation.nowUs - startSimUs) / 1e6,
    wallMs,
    eventsPerS: (events * 1000) / wallMs,
    nsPerEvent: (wallMs * 1e6) / events,
    trades: stats.trades,
  };
}

export async function run() {
  const rows = [];
  for (const size of SIZES) rows.push(await measure(size));
  const format = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  console.log('default market, fast-forward (event = wake-up or order reaching the book)');
  console.log('agents   events     sim s    wall ms   events/s    ns/event');
  for (const row of rows) {
    console.log(
      `${String(row.agents).padStart(6)} ${format(row.events).padStart(10)} ${format(row.simSeconds, 1).padStart(8)} ${format(row.wallMs).padStart(9)} ${format(row.eventsPerS).padStart(10)} ${format(row.nsPerEvent).padStart(10)}`,
    );
  }
  const by = (n) => rows.find((row) => row.agents === n);
  console.log(`per-event cost 10 000 vs 100 agents: ${(by(10_000).nsPerEvent / by(100).nsPerEvent).toFixed(2)}x (target <= 1.5x); 100 agents: ${format(by(100).eventsPerS)} events/s (target >= 200 000)`);
  return {
    events_per_s_10_agents: Math.round(by(10).eventsPerS),
    events_per_s_100_agents: Math.round(by(100).eventsPerS),
    events_per_s_1000_agents: Math.round(by(1_000).eventsPerS),
    events_per_s_10000_agents: Math.round(by(10_000).eventsPerS),
  };
}
