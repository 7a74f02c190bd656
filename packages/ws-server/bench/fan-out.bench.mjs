// Fan-out benchmark: the default ticker feed at 100 messages/s to 100 and 1 000 clients, against
// a plain `ws` broadcast of the same messages, in the same run, with one load-client child
// process. Latency = receive time − `timestamp` (the wall clock in µs when the ticker was
// published). Last line: JSON with the figures issue 5 names.
import { fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { FeedServer } from '../dist/index.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const RATE_PER_S = 100;
const MEASURE_S = Number(process.env.BENCH_FAN_OUT_SECONDS ?? 10);
const WARMUP_S = 1;
const CLIENT_COUNTS = (process.env.BENCH_FAN_OUT_CLIENTS ?? '100,1000').split(',').map(Number);
const INSTRUMENT = { symbol: 'BTC/USD', tickSize: '0.01', lotSize: '0.0001' };

const nowUs = () => Math.round((performance.timeOrigin + performance.now()) * 1000);

/** A MarketFeed that only emits tickers: a random walk around 50 000. */
class TickerFeed {
  listeners = new Set();
  priceTicks = 5_000_000;
  tradeCount = 0;
  instruments() {
    return [INSTRUMENT];
  }
  onEvent(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  book() {
    return { seq: 0, timeUs: 0, bids: [], asks: [] };
  }
  status() {
    return { simTimeUs: nowUs(), speed: 1, paused: false, eventsPerS: RATE_PER_S };
  }
  /** The seed's ticker in integer units, stamped with the wall clock at publish. */
  nextTicker() {
    this.priceTicks += Math.round((Math.random() - 0.5) * 200);
    this.tradeCount++;
    return {
      timeUs: nowUs(),
      symbol: INSTRUMENT.symbol,
      lastPriceTicks: this.priceTicks,
      bidPriceTicks: this.priceTicks - 50,
      askPriceTicks: this.priceTicks + 50,
      bidSizeLots: 15_000,
      askSizeLots: 20_000,
      volume24hLots: 12_507_500 + this.tradeCount,
      tradeCount: this.tradeCount,
    };
  }
  publish() {
    const event = { type: 'ticker', ticker: this.nextTicker() };
    for (const listener of this.listeners) listener(event);
  }
}

/** Marksim's FeedServer on the ticker feed. */
async function startMarksim() {
  const feed = new TickerFeed();
  const server = new FeedServer(feed, { host: '127.0.0.1', port: 0, maxClients: 5000 });
  const { url } = await server.listen();
  return { url, publish: () => feed.publish(), close: () => server.close() };
}

/** The baseline: a plain ws server sending the same 9-field JSON to every client. */
async function startPlainWs() {
  const feed = new TickerFeed();
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  await new Promise((resolve) => wss.once('listening', resolve));
  const toWire = (t) => ({
    timestamp: t.timeUs,
    symbol: t.symbol,
    last_price: t.lastPriceTicks / 100,
    bid_price: t.bidPriceTicks / 100,
    ask_price: t.askPriceTicks / 100,
    bid_size: t.bidSizeLots / 10_000,
    ask_size: t.askSizeLots / 10_000,
    volume_24h: t.volume24hLots / 10_000,
    trade_count: t.tradeCount,
  });
  return {
    url: `ws://127.0.0.1:${wss.address().port}`,
    publish: () => {
      const text = JSON.stringify(toWire(feed.nextTicker()));
      for (const client of wss.clients) client.send(text);
    },
    close: () =>
      new Promise((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function measure(kind, clients) {
  const server = kind === 'marksim' ? await startMarksim() : await startPlainWs();
  const child = fork(join(HERE, 'load-client.mjs'), [server.url, String(clients)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`load client exited with ${code} before it was ready`)));
  });
  // Publish on a fixed schedule; the timestamp is taken when each message is published. When
  // the process falls behind (a loaded machine), missed slots are skipped, not sent in a burst,
  // so both servers see the same steady load and the run keeps its length.
  let published = 0;
  let skipped = 0;
  const startMs = performance.now();
  let timer;
  const tick = () => {
    const due = Math.floor(((performance.now() - startMs) * RATE_PER_S) / 1000) + 1;
    if (due - published > 1) {
      skipped += due - published - 1;
      published = due - 1;
    }
    if (published < due) {
      server.publish();
      published++;
    }
    timer = setTimeout(tick, Math.max(0, startMs + (published * 1000) / RATE_PER_S - performance.now()));
  };
  tick();
  await sleep(WARMUP_S * 1000);
  const result = new Promise((resolve) => child.once('message', resolve));
  child.send('start');
  const windowStart = { published, skipped, ms: performance.now(), cpu: process.cpuUsage() };
  await sleep(MEASURE_S * 1000);
  child.send('stop');
  const windowMs = performance.now() - windowStart.ms;
  const cpu = process.cpuUsage(windowStart.cpu);
  // Server-process CPU per wall second: less sensitive to a busy machine than latency.
  const serverCpuMsPerS = ((cpu.user + cpu.system) / 1000 / windowMs) * 1000;
  const publishedPerS = ((published - windowStart.published) * 1000) / windowMs;
  const skippedInWindow = skipped - windowStart.skipped;
  const stats = await result;
  clearTimeout(timer);
  await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
  await server.close();
  return { kind, clients, deliveredPerS: stats.received / stats.seconds, expectedPerS: clients * publishedPerS, skipped: skippedInWindow, serverCpuMsPerS, ...stats };
}

const rows = [];
for (const clients of CLIENT_COUNTS) {
  for (const kind of ['ws', 'marksim']) {
    const row = await measure(kind, clients);
    rows.push(row);
    await sleep(200);
  }
}

const find = (kind, clients) => rows.find((row) => row.kind === kind && row.clients === clients);
const fixed = (value, digits) => value.toFixed(digits).padStart(10);
console.log(`fan-out: default ticker feed at ${RATE_PER_S} msg/s, ${MEASURE_S} s per run after ${WARMUP_S} s warm-up`);
console.log('server     clients   delivered/s  expected/s    p50 ms    p99 ms    max ms  server CPU ms/s');
for (const row of rows) {
  console.log(
    `${row.kind.padEnd(9)} ${String(row.clients).padStart(8)} ${fixed(row.deliveredPerS, 0)}  ${fixed(row.expectedPerS, 0)} ${fixed(row.p50Ms, 2)}${fixed(row.p99Ms, 2)}${fixed(row.maxMs, 2)}${fixed(row.serverCpuMsPerS, 0).padStart(17)}` +
      (row.skipped > 0 ? `  (publisher behind: ${row.skipped} slots skipped)` : '') +
      (row.closedEarly > 0 || row.badMessages > 0 ? `  (closed early ${row.closedEarly}, unexpected messages ${row.badMessages})` : ''),
  );
}
const marksim100 = find('marksim', 100);
const marksim1000 = find('marksim', 1000);
const ws1000 = find('ws', 1000);
const figures = {
  p99_ms_100_clients: Number(marksim100.p99Ms.toFixed(3)),
  delivered_ratio_vs_ws_1000_clients: Number((marksim1000.deliveredPerS / ws1000.deliveredPerS).toFixed(3)),
  p99_ratio_vs_ws_1000_clients: Number((marksim1000.p99Ms / ws1000.p99Ms).toFixed(3)),
  p99_ms_1000_clients: Number(marksim1000.p99Ms.toFixed(3)),
  ws_p99_ms_100_clients: Number(find('ws', 100).p99Ms.toFixed(3)),
  ws_p99_ms_1000_clients: Number(ws1000.p99Ms.toFixed(3)),
};
console.log(
  `targets: p99 at 100 clients ${figures.p99_ms_100_clients} ms (<= 5), delivered ratio at 1000 ${figures.delivered_ratio_vs_ws_1000_clients} (>= 0.9), ` +
    `p99 ratio at 1000 ${figures.p99_ratio_vs_ws_1000_clients} (<= 1.2)`,
);
console.log(JSON.stringify(figures));
