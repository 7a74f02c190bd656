// The market gc-share.mjs measures: warmed up as in the bench, then V8's GC trace (one line per
// collection, with its main-thread and helper-thread times) switched on for the measured pieces
// only. Prints the trace lines, then `RESULT {events, cpuNs}`.
import v8 from 'node:v8';
import { runUntilEvents, warmedUpMarket } from './market-pieces.mjs';

const [agentCount, warmupEvents, events] = process.argv.slice(2).map(Number);
const simulation = await warmedUpMarket(agentCount, warmupEvents);
const startEvents = simulation.stats().events;
const start = process.cpuUsage();
// V8 reads the flag at each collection, so the trace covers exactly the collections of the window.
v8.setFlagsFromString('--trace-gc-nvp');
await runUntilEvents(simulation, startEvents + events);
v8.setFlagsFromString('--no-trace-gc-nvp');
const used = process.cpuUsage(start);
const measured = simulation.stats().events - startEvents;
simulation.stop();
console.log(`RESULT ${JSON.stringify({ events: measured, cpuNs: (used.user + used.system) * 1000 })}`);
// exit() flushes V8's buffered trace lines along with ours.
process.exit(0);
