// One benchmarked market in its own process (see simulation.bench.mjs): builds the default market
// of `argv[2]` agents, warms it up, then measures one round each time the parent asks. A user runs
// one market per process; a process per size keeps each size's heap, GC and caches its own.
import { createDefaultMarket } from '../dist/index.js';
import { SIMULATE_CHUNK_US } from '../dist/cli/simulate-command.js';

/** Two noise-order lifetimes (DEFAULT_NOISE_TRADER_OPTIONS.orderLifetimeUs is 60 s). */
const WARMUP_SIM_US = 120_000_000;
/**
 * The market runs in pieces of one simulated minute, each a runUntil to the next whole minute
 * since the start, exactly as `marksim simulate` runs it. The pieces are fixed in simulated time,
 * not in events: a noise trader's skip loop that reaches a piece's end is asked again when its
 * next wake-up falls due (a cold read of the agent with thousands of them), and pieces of a fixed
 * number of events would come 100 times more often per agent at 10 000 agents than at 100 (a
 * piece of 100 000 events is 2.8 simulated seconds there, shorter than one skip loop).
 */
const PIECE_US = SIMULATE_CHUNK_US;

function cpuSeconds(start) {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

/** Runs to the next whole piece since the start of the run. */
async function runPiece(simulation) {
  const startUs = simulation.options.startTimeUs;
  await simulation.runUntil(startUs + (Math.floor((simulation.nowUs - startUs) / PIECE_US) + 1) * PIECE_US);
}

/** Runs whole pieces until at least `events` events have happened since the start. */
async function runUntilEvents(simulation, events) {
  while (simulation.stats().events < events) await runPiece(simulation);
}

/** A default market of `agentCount` agents, run past its warm-up (`warmupEvents` events and WARMUP_SIM_US). */
async function warmedUp(agentCount, warmupEvents) {
  const simulation = createDefaultMarket({ mode: 'fast', seed: 1, agents: agentCount });
  const startUs = simulation.nowUs;
  await runUntilEvents(simulation, warmupEvents);
  while (simulation.nowUs - startUs < WARMUP_SIM_US) await runPiece(simulation);
  return simulation;
}

/** One measured round: events and CPU seconds of the whole pieces that make at least `events` more events. */
async function measureRound(simulation, events) {
  const startEvents = simulation.stats().events;
  const startSimUs = simulation.nowUs;
  const start = process.cpuUsage();
  await runUntilEvents(simulation, startEvents + events);
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
