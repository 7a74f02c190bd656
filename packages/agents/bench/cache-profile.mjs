#!/usr/bin/env node
// Where a market's cache misses are, per JavaScript function: runs one default market under
// valgrind's callgrind with a simulated cache, counts only the measured pieces (after the same
// warm-up as the bench), and maps the JIT code's addresses to functions with V8's perf map.
// Unlike timings on a shared machine, the counts are the same on every run, so a change that
// removes misses shows even when it is worth 1 %. Needs valgrind (Debian: apt-get install valgrind).
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { fail as failWith, parseOptions } from './bench-options.mjs';

const HELP = `usage: node packages/agents/bench/cache-profile.mjs [options]   (after a build)

Runs the default market under valgrind (about 100 times slower: some 4 minutes at 10 000 agents)
and prints, per JavaScript function, the cache misses and instructions per event of the measured
pieces, most last-level read misses first. Needs valgrind.

  --agents N      agents in the market (default 10000)
  --events N      events to measure after the warm-up (default 1000000)
  --warmup N      events of warm-up, besides 120 simulated seconds (default 4000000)
  --ll BYTES      simulated last-level cache (default 8388608: the machine's 32 MB shared with other tenants)
  --top N         functions to list (default 30)
  --help          this text`;

const OPTIONS = { agents: 10_000, events: 1_000_000, warmup: 4_000_000, ll: 8 * 1024 * 1024, top: 30 };

const fail = (message) => failWith('cache-profile', message);

/** V8's perf map (start, size, name per line); a later line wins where code was freed and its addresses reused. */
function loadPerfMap(pid) {
  const entries = readFileSync(join(tmpdir(), `perf-${pid}.map`), 'utf8')
    .split('\n')
    .map((line, order) => {
      const [start, size, ...name] = line.split(' ');
      return { start: parseInt(start, 16), end: parseInt(start, 16) + parseInt(size, 16), name: name.join(' '), order };
    })
    .filter((entry) => Number.isFinite(entry.start) && entry.name !== '')
    .sort((a, b) => a.start - b.start);
  const starts = entries.map((entry) => entry.start);
  return (address) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid] <= address) lo = mid + 1;
      else hi = mid;
    }
    let found = null;
    // Entries starting before the address that may still cover it: code objects are small.
    for (let i = lo - 1; i >= 0 && i >= lo - 400; i--) {
      const entry = entries[i];
      if (address < entry.end && (found === null || entry.order > found.order)) found = entry;
    }
    return found === null ? null : tidy(found.name);
  };
}

/** `JS:*decide file:///…/packages/agents/dist/agents/noise-trader-agent.js:78:11` → `decide agents/dist/agents/noise-trader-agent.js:78:11`. */
function tidy(name) {
  return name.replace(/^[A-Za-z]+:[~*^+]?/, '').replace(/file:\/\/\S*?\/packages\//, '');
}

/** Costs per function from a callgrind file written with --dump-instr=yes --compress-pos=no --compress-strings=no. */
async function readCosts(file, functionAt) {
  const costs = new Map();
  let events = [];
  let positions = 1;
  let native = '';
  let afterCall = false;
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (line.startsWith('events:')) events = line.split(/\s+/).slice(1);
    else if (line.startsWith('positions:')) positions = line.split(/\s+/).length - 1;
    else if (line.startsWith('fn=')) native = line.slice(3);
    else if (line.startsWith('calls=')) afterCall = true;
    else if (/^(0x|\d)/.test(line)) {
      // The line after calls= is the callee's inclusive cost: counted where it was spent.
      if (afterCall) {
        afterCall = false;
        continue;
      }
      const fields = line.split(' ');
      const where = functionAt(parseInt(fields[0], 16)) ?? `(native) ${native}`;
      let cost = costs.get(where);
      if (cost === undefined) costs.set(where, (cost = new Float64Array(events.length)));
      for (let i = positions; i < fields.length; i++) cost[i - positions] += Number(fields[i]);
    }
  }
  return { events, costs };
}

async function main() {
  const options = parseOptions('cache-profile', process.argv.slice(2), OPTIONS, HELP);
  if (spawnSync('valgrind', ['--version']).error) fail('needs valgrind on the PATH (Debian: apt-get install valgrind)');
  const out = join(tmpdir(), `marksim-cache-profile-${process.pid}.out`);
  // --perf-basic-prof also turns on V8's log, which would otherwise land in the working directory.
  const v8Log = join(tmpdir(), `marksim-cache-profile-${process.pid}.v8.log`);
  const market = fileURLToPath(new URL('./cache-profile-market.mjs', import.meta.url));
  const args = [
    '--tool=callgrind',
    '--cache-sim=yes',
    `--LL=${options.ll},16,64`,
    '--dump-instr=yes',
    '--compress-pos=no',
    '--compress-strings=no',
    `--callgrind-out-file=${out}`,
    process.execPath,
    '--perf-basic-prof',
    `--logfile=${v8Log}`,
    '--no-logfile-per-isolate',
    market,
    String(options.agents),
    String(options.warmup),
    String(options.events),
  ];
  console.error(`warming up ${options.agents} agents under valgrind (${options.warmup} events and 120 simulated seconds; minutes)…`);
  const child = spawn('valgrind', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr = [];
  child.stderr.on('data', (chunk) => stderr.push(chunk));
  let pid = 0;
  let measured = 0;
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith('MEASURE ')) {
      pid = Number(line.slice(8));
      spawnSync('callgrind_control', ['--zero', String(child.pid)], { stdio: 'ignore' });
      console.error(`measuring ${options.events} events…`);
      child.stdin.write('go\n');
    } else if (line.startsWith('END ')) {
      measured = Number(line.slice(4));
      spawnSync('callgrind_control', ['--dump', String(child.pid)], { stdio: 'ignore' });
      child.stdin.write('done\n');
    }
  }
  const [code] = await once(child, 'close');
  const dump = `${out}.1`;
  if (code !== 0 || measured === 0 || !existsSync(dump)) {
    process.stderr.write(Buffer.concat(stderr));
    fail(`valgrind exited with code ${code} before a measured dump`);
  }
  console.error('reading the counts…');
  const { events, costs } = await readCosts(dump, loadPerfMap(pid));
  for (const file of [out, dump, v8Log, join(tmpdir(), `perf-${pid}.map`)]) rmSync(file, { force: true });
  report(options, measured, events, costs);
}

function report(options, measured, events, costs) {
  const column = (name) => events.indexOf(name);
  const [ll, d1, ir] = [column('DLmr'), column('D1mr'), column('Ir')];
  const perEvent = (cost, i) => cost[i] / measured;
  const rows = [...costs].sort((a, b) => b[1][ll] - a[1][ll]);
  const total = (i) => rows.reduce((sum, [, cost]) => sum + cost[i], 0) / measured;
  console.log(`default market, ${options.agents} agents: ${measured} events measured, simulated last-level cache ${options.ll / 1048576} MB`);
  console.log('LL read misses/event  L1 read misses/event  instructions/event  function');
  for (const [where, cost] of rows.slice(0, options.top)) {
    console.log(`${perEvent(cost, ll).toFixed(3).padStart(20)}  ${perEvent(cost, d1).toFixed(2).padStart(20)}  ${perEvent(cost, ir).toFixed(1).padStart(18)}  ${where}`);
  }
  console.log(`${total(ll).toFixed(3).padStart(20)}  ${total(d1).toFixed(2).padStart(20)}  ${total(ir).toFixed(1).padStart(18)}  (all)`);
  console.log(
    JSON.stringify({
      agents: options.agents,
      events: measured,
      ll_read_misses_per_event: Math.round(total(ll) * 1000) / 1000,
      l1_read_misses_per_event: Math.round(total(d1) * 100) / 100,
      instructions_per_event: Math.round(total(ir)),
    }),
  );
}

await main();
