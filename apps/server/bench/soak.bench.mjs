#!/usr/bin/env node
// Memory soak: the real server (10× speed, default market) with 200 clients for ≥ 10 minutes.
// Samples the server's RSS and heap from /metrics; after warm-up, fits a line through RSS and
// reports the growth it implies over the measured window. Usage:
//   node bench/soak.bench.mjs [--minutes 10] [--warmup-minutes 2] [--clients 200]
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';

const { values } = parseArgs({ options: {
  minutes: { type: 'string', default: '10' },
  'warmup-minutes': { type: 'string', default: '2' },
  clients: { type: 'string', default: '200' },
  'sample-seconds': { type: 'string', default: '10' },
  help: { type: 'boolean', short: 'h' },
} });
if (values.help) {
  console.log('usage: node bench/soak.bench.mjs [--minutes 10] [--warmup-minutes 2] [--clients 200] [--sample-seconds 10]');
  process.exit(0);
}
const minutes = Number(values.minutes);
const warmupMinutes = Number(values['warmup-minutes']);
const clientCount = Number(values.clients);
const sampleMs = Number(values['sample-seconds']) * 1000;

const main = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'main.js');
const server = spawn(process.execPath, [main, '--host', '127.0.0.1', '--port', '0', '--no-archive', '--speed', '10', '--log-format', 'json'],
  { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let buffer = '';
  server.stdout.on('data', (chunk) => {
    buffer += chunk;
    const match = /"ws":"(ws:\/\/[^"]+)"/.exec(buffer);
    if (match) resolve(match[1]);
  });
  server.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
});
const httpUrl = url.replace(/^ws/, 'http');

let received = 0;
const sockets = [];
for (let i = 0; i < clientCount; i++) {
  const ws = new WebSocket(url);
  // A quarter subscribe to everything (book deltas, trades, candles); the rest are silent tickers.
  if (i % 4 === 0) ws.on('open', () => ws.send(JSON.stringify({ op: 'subscribe', channels: ['ticker', 'trades', 'book', 'candles'] })));
  ws.on('message', () => received++);
  ws.on('error', () => {});
  sockets.push(ws);
}

async function sample() {
  const text = await (await fetch(`${httpUrl}/metrics`)).text();
  const read = (name) => Number(new RegExp(`^${name} ([0-9.e+]+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { rssMb: read('process_resident_memory_bytes') / 2 ** 20, heapMb: read('nodejs_heap_used_bytes') / 2 ** 20,
    clients: read('marksim_ws_clients') };
}

const samples = [];
const startMs = Date.now();
const endMs = startMs + minutes * 60_000;
console.log(`soak: ${clientCount} clients, ${minutes} min (warm-up ${warmupMinutes} min), sampling every ${sampleMs / 1000} s`);
console.log('  t (s) |  RSS MiB | heap MiB | clients | msgs/s received');
let lastReceived = 0;
while (Date.now() < endMs) {
  await new Promise((resolve) => setTimeout(resolve, sampleMs));
  const s = { tS: (Date.now() - startMs) / 1000, ...(await sample()) };
  samples.push(s);
  const rate = (received - lastReceived) / (sampleMs / 1000);
  lastReceived = received;
  console.log(`${s.tS.toFixed(0).padStart(7)} | ${s.rssMb.toFixed(1).padStart(8)} | ${s.heapMb.toFixed(1).padStart(8)} | ${String(s.clients).padStart(7)} | ${rate.toFixed(0).padStart(8)}`);
}
for (const ws of sockets) ws.terminate();
const serverExited = new Promise((resolve) => server.once('exit', resolve));
server.kill('SIGTERM');
await serverExited;

/** Least-squares slope and intercept. */
function fit(points, key) {
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.tS, 0) / n;
  const my = points.reduce((a, p) => a + p[key], 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.tS - mx) * (p[key] - my);
    sxx += (p.tS - mx) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

const after = samples.filter((s) => s.tS >= warmupMinutes * 60);
const window = after.length >= 2 ? after : samples;
const rss = fit(window, 'rssMb');
const heap = fit(window, 'heapMb');
const t0 = window[0].tS;
const t1 = window.at(-1).tS;
const growth = (line) => (100 * line.slope * (t1 - t0)) / (line.intercept + line.slope * t0);
const figures = {
  rss_growth_pct_after_warmup: Number(growth(rss).toFixed(2)),
  heap_growth_pct_after_warmup: Number(growth(heap).toFixed(2)),
  rss_mb_end: Number(window.at(-1).rssMb.toFixed(1)),
  heap_mb_end: Number(window.at(-1).heapMb.toFixed(1)),
  soak_minutes: minutes,
  soak_clients: clientCount,
};
console.log(`RSS trend after warm-up: ${figures.rss_growth_pct_after_warmup} % over ${((t1 - t0) / 60).toFixed(1)} min; heap ${figures.heap_growth_pct_after_warmup} %`);
console.log(JSON.stringify(figures));
process.exit(0);
