// Load client for the fan-out benchmark, run as a child process: opens N WebSocket connections,
// then records, between the parent's `start` and `stop`, how many messages arrive and each one's
// latency = receive time − its `timestamp` (wall-clock µs at publish, same machine clock).
// Parsing is a few bytes per message so that the client costs the same for every server.
import { WebSocket } from 'ws';

const [url, clientCountText] = process.argv.slice(2);
const clientCount = Number(clientCountText);
const CONNECT_BATCH = 50;
const TIMESTAMP_PREFIX = Buffer.from('{"timestamp":');

const nowUs = () => (performance.timeOrigin + performance.now()) * 1000;

let recording = false;
let received = 0;
let latencies = new Float64Array(1 << 20);
let samples = 0;
let badMessages = 0;
let closedEarly = 0;

function onMessage(data) {
  if (!recording) return;
  const receivedUs = nowUs();
  received++;
  // Seed ticker: {"timestamp":1703123456789000,...}; read the digits without JSON.parse.
  if (data.length < TIMESTAMP_PREFIX.length || data.compare(TIMESTAMP_PREFIX, 0, TIMESTAMP_PREFIX.length, 0, TIMESTAMP_PREFIX.length) !== 0) {
    badMessages++;
    return;
  }
  let timestampUs = 0;
  for (let i = TIMESTAMP_PREFIX.length; i < data.length; i++) {
    const digit = data[i] - 48;
    if (digit < 0 || digit > 9) break;
    timestampUs = timestampUs * 10 + digit;
  }
  if (samples === latencies.length) {
    const grown = new Float64Array(latencies.length * 2);
    grown.set(latencies);
    latencies = grown;
  }
  latencies[samples++] = receivedUs - timestampUs;
}

function open() {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { skipUTF8Validation: true, perMessageDeflate: false });
    ws.on('message', onMessage);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('close', () => {
      if (recording) closedEarly++;
    });
  });
}

function percentile(sorted, fraction) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

const sockets = [];
for (let i = 0; i < clientCount; i += CONNECT_BATCH) {
  const batch = [];
  for (let j = i; j < Math.min(clientCount, i + CONNECT_BATCH); j++) batch.push(open());
  sockets.push(...(await Promise.all(batch)));
}

let startedAtMs = 0;
process.on('message', (command) => {
  if (command === 'start') {
    recording = true;
    startedAtMs = performance.now();
  } else if (command === 'stop') {
    recording = false;
    const seconds = (performance.now() - startedAtMs) / 1000;
    const sorted = latencies.subarray(0, samples).sort();
    process.send({
      received,
      seconds,
      badMessages,
      closedEarly,
      p50Ms: percentile(sorted, 0.5) / 1000,
      p99Ms: percentile(sorted, 0.99) / 1000,
      maxMs: samples > 0 ? sorted[samples - 1] / 1000 : 0,
    });
    for (const ws of sockets) ws.terminate();
    process.disconnect();
  }
});
process.send('ready');
