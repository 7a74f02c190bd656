// The market cache-profile.mjs measures, run under valgrind. It says `MEASURE <pid>` once warmed up
// and `END` once measured, each time waiting for a line on stdin: meanwhile the parent zeroes and
// then dumps valgrind's counters, so they cover the measured pieces alone.
import { createInterface } from 'node:readline';
import { runUntilEvents, warmedUpMarket } from './market-pieces.mjs';

const [agentCount, warmupEvents, events] = process.argv.slice(2).map(Number);
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();

const simulation = await warmedUpMarket(agentCount, warmupEvents);
console.log(`MEASURE ${process.pid}`);
await lines.next();
const startEvents = simulation.stats().events;
await runUntilEvents(simulation, startEvents + events);
console.log(`END ${simulation.stats().events - startEvents}`);
await lines.next();
simulation.stop();
process.exit(0);
