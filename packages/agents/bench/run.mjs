// `pnpm bench` entry of @marksim/agents: prints the table, then one JSON line with the figures.
import { run } from './simulation.bench.mjs';

const figures = await run();
console.log(JSON.stringify(figures));
