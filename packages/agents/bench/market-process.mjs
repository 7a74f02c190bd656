// One benchmarked market in its own process (see simulation.bench.mjs): builds the default market
// of `argv[2]` agents, warms it up, then measures one round each time the parent asks. A user runs
// one market per process; a process per size keeps each size's heap, GC and caches its own.
import { runUntilEvents, warmedUpMarket } from './market-pieces.mjs';

function cpuSeconds(start) {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
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
const simulation = await warmedUpMarket(agentCount, warmupEvents);
process.on('message', (message) => {
  if (message.type === 'round') {
    measureRound(simulation, message.events).then((result) => process.send({ type: 'result', ...result }));
  } else if (message.type === 'stop') {
    simulation.stop();
    process.disconnect();
  }
});
process.send({ type: 'ready' });
