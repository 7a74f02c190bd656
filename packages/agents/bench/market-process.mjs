// One benchmarked market in its own process (see simulation.bench.mjs): builds the default market
// of `argv[2]` agents, warms it up, then measures one round each time the parent asks. A user runs
// one market per process; a process per size keeps each size's heap, GC and caches its own.
import { createDefaultMarket } from '../dist/index.js';

/** Warm-up steps of simulated time. */
const CHUNK_US = 1_000_000;
/** Two noise-order lifetimes (DEFAULT_NOISE_TRADER_OPTIONS.orderLifetimeUs is 60 s). */
const WARMUP_SIM_US = 120_000_000;
/**
 * runFor calls per measured round, as the CLI runs a long run in one-minute chunks. A wake-up an
 * agent's skip loop left past a target is offered to skipWakeup when it falls due, so the pieces
 * add no real wake-ups.
 */
const PIECES_PER_ROUND = 10;

function cpuSeconds(start) {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

async function runUntilEvents(simulation, events, chunkUs = CHUNK_US) {
  while (simulation.stats().events < events) await simulation.runFor(chunkUs);
}

/** A default market of `agentCount` agents, run past its warm-up (`warmupEvents` events and WARMUP_SIM_US). */
async function warmedUp(agentCount, warmupEvents) {
  const simulation = createDefaultMarket({ mode: 'fast', seed: 1, agents: agentCount });
  const startUs = simulation.nowUs;
  await runUntilEvents(simulation, warmupEvents);
  while (simulation.nowUs - startUs < WARMUP_SIM_US) await simulation.runFor(CHUNK_US);
  return simulation;
}

/** One measured round: events and CPU seconds for at least `events` more events. */
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

const agentCount = Number(process.argv[2]);
const warmupEvents = Number(process.argv[3]);
const simulation = await warmedUp(agentCount, warmupEvents);
process.on('message', (message) => {
  if (message.type === 'round') {
    measureRound(simulation, message.events).then((result) => process.send({ type: 'result', ...result }));
  } else if (message.type === 'stop') {
    simulation.stop();
    process.disconnect();
  }
});
process.send({ type: 'ready' });
