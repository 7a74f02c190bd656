#!/usr/bin/env node
// How much of a market's CPU time per event goes to V8's garbage collector, by market size: runs
// each default market in its own process with the bench's warm-up, traces the collections of the
// measured pieces (V8's --trace-gc-nvp, switched on for them only), and adds up each collection's
// main-thread pause and the time its helper threads spent. The bench counts CPU time of all
// threads, so both count. Shows how much of the per-event gap between the smallest and largest
// market is the collector's and how much is the rest of the work.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { fail as failWith, parseOptions } from './bench-options.mjs';

const HELP = `usage: node packages/agents/bench/gc-share.mjs [options]   (after a build)

Runs the default market at each size, one process each, and prints per event: CPU time, young-
generation collections (scavenges) and major collections (main thread + helper threads), and
the rest. About 10 s per size at 10 000 agents. Node and V8 flags before the script's name
(node --max-semi-space-size=32 gc-share.mjs) apply to the markets.

  --agents LIST   comma-separated market sizes (default 100,10000); the gap is last vs first
  --events N      events to measure per size after the warm-up (default 8000000)
  --warmup N      events of warm-up, besides 120 simulated seconds (default 4000000, as the bench)
  --help          this text`;

const OPTIONS = { agents: [100, 10_000], events: 8_000_000, warmup: 4_000_000 };
const TOOL = 'gc-share';

/** Helper-thread times (ms) of a collection, by kind: what the main thread does not wait for. */
const SCAVENGE_HELPERS = ['background.scavenge.parallel', 'background.unmapper'];
const MAJOR_HELPERS = ['background.mark', 'background.sweep', 'background.evacuate.copy', 'background.evacuate.update_pointers', 'background.unmapper'];

/** The `key=value` fields of one --trace-gc-nvp line, or null for other lines. */
function traceFields(line) {
  if (!/ gc=\w+/.test(line)) return null;
  const fields = {};
  for (const [, key, value] of line.matchAll(/ ([\w.]+)=(\S+)/g)) fields[key] = value;
  return fields;
}

const ms = (fields, key) => Number(fields[key] ?? 0) || 0;

/** Totals (ms) of the collections traced by one market process, and its RESULT. */
async function measureSize(agents, options) {
  const market = fileURLToPath(new URL('./gc-share-market.mjs', import.meta.url));
  // Node and V8 flags given to this script (`node --max-semi-space-size=32 gc-share.mjs`) apply to the markets.
  const args = [...process.execArgv, market, String(agents), String(options.warmup), String(options.events)];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const totals = { scavenges: 0, scavengeMainMs: 0, scavengeHelperMs: 0, majors: 0, majorMainMs: 0, majorHelperMs: 0 };
  let result = null;
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith('RESULT ')) {
      result = JSON.parse(line.slice(7));
      continue;
    }
    const fields = traceFields(line);
    if (fields === null) continue;
    if (fields.gc === 's') {
      totals.scavenges++;
      totals.scavengeMainMs += ms(fields, 'pause');
      for (const key of SCAVENGE_HELPERS) totals.scavengeHelperMs += ms(fields, key);
    } else {
      // Incremental marking steps run on the main thread before the final pause.
      totals.majors++;
      totals.majorMainMs += ms(fields, 'pause') + ms(fields, 'incremental');
      for (const key of MAJOR_HELPERS) totals.majorHelperMs += ms(fields, key);
    }
  }
  const [code] = await once(child, 'close');
  if (code !== 0 || result === null) failWith(TOOL, `the ${agents}-agent market exited with code ${code} before its result`);
  return { agents, ...result, ...totals };
}

/** ns per event of the measured window. */
function perEvent(row) {
  const ns = (msTotal) => (msTotal * 1e6) / row.events;
  const scavengeNs = ns(row.scavengeMainMs + row.scavengeHelperMs);
  const majorNs = ns(row.majorMainMs + row.majorHelperMs);
  return {
    cpu: row.cpuNs / row.events,
    scavengeMain: ns(row.scavengeMainMs),
    scavengeHelpers: ns(row.scavengeHelperMs),
    majorMain: ns(row.majorMainMs),
    majorHelpers: ns(row.majorHelperMs),
    gc: scavengeNs + majorNs,
    scavenge: scavengeNs,
    major: majorNs,
  };
}

function report(options, rows) {
  const f = (n, d = 1) => n.toFixed(d);
  console.log(`default market: CPU time per event over ${options.events} measured events per size (collections that end in the window; main thread + helper threads)`);
  console.log('agents   events    CPU ns   scavenges  scavenge ns (main + helpers)  majors  major ns (main + helpers)  GC ns   rest ns');
  const figures = {};
  for (const row of rows) {
    const p = perEvent(row);
    console.log(
      `${String(row.agents).padStart(6)} ${String(row.events).padStart(9)} ${f(p.cpu, 0).padStart(8)} ${String(row.scavenges).padStart(10)}  ${`${f(p.scavenge)} (${f(p.scavengeMain)} + ${f(p.scavengeHelpers)})`.padStart(28)}  ${String(row.majors).padStart(6)}  ${`${f(p.major)} (${f(p.majorMain)} + ${f(p.majorHelpers)})`.padStart(25)}  ${f(p.gc).padStart(5)}  ${f(p.cpu - p.gc, 0).padStart(8)}`,
    );
    const key = (name) => `${name}_${row.agents}_agents`;
    figures[key('cpu_ns_per_event')] = Math.round(p.cpu);
    figures[key('gc_ns_per_event')] = Math.round(p.gc * 10) / 10;
    figures[key('scavenge_ns_per_event')] = Math.round(p.scavenge * 10) / 10;
    figures[key('major_gc_ns_per_event')] = Math.round(p.major * 10) / 10;
    figures[key('scavenges')] = row.scavenges;
    figures[key('major_gcs')] = row.majors;
  }
  if (rows.length > 1) {
    const [small, large] = [perEvent(rows[0]), perEvent(rows[rows.length - 1])];
    const gap = large.cpu - small.cpu;
    const gcGap = large.gc - small.gc;
    console.log(`${rows[rows.length - 1].agents} vs ${rows[0].agents} agents: ${f(gap, 0)} ns/event more, of which the collector ${f(gcGap)} and the rest ${f(gap - gcGap)}`);
    figures.gap_ns_per_event = Math.round(gap);
    figures.gc_ns_of_gap = Math.round(gcGap * 10) / 10;
  }
  console.log(JSON.stringify(figures));
}

const options = parseOptions(TOOL, process.argv.slice(2), OPTIONS, HELP);
const rows = [];
for (const agents of options.agents) {
  console.error(`${TOOL}: ${agents} agents: warming up (${options.warmup} events and 120 simulated seconds), then ${options.events} events traced…`);
  rows.push(await measureSize(agents, options));
}
report(options, rows);
