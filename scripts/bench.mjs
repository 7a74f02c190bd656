#!/usr/bin/env node
// `npm run bench` / `pnpm bench`: installs what it needs, builds, then runs every package's
// benchmarks one after the other (they measure speed, so never two at once). Each prints a
// table and, as its last line, one JSON object. Arguments are turbo filters, e.g.
// `npm run bench -- --filter @marksim/core`. The server's memory soak takes ≥ 10 minutes
// (MARKSIM_SOAK_MINUTES shortens it).
import { run, setup } from './setup.mjs';

if (process.argv.includes('--help')) {
  console.log(`usage: npm run bench [-- --filter <package>]

Benchmarks (each prints a table, then one JSON line):
  @marksim/core       book vs nodejs-order-book (thin, deep), snapshots, bytes/order, time engine
  @marksim/agents     fast-forward events/s at 10, 100, 1 000, 10 000 agents
  @marksim/stream     publish fan-out, wait hand-off, archive write/read
  @marksim/ws-server  fan-out latency vs a bare ws broadcast at 100 and 1 000 clients
  @marksim/server     memory soak: 200 clients, 10x, >= 10 minutes (MARKSIM_SOAK_MINUTES)`);
  process.exit(0);
}

const pnpm = setup();
run(pnpm, ['exec', 'turbo', 'run', 'bench', '--concurrency=1', '--output-logs=full', ...process.argv.slice(2)]);
