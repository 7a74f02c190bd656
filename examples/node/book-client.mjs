#!/usr/bin/env node
// Marksim order book consumer: subscribes to one symbol's L2 book, keeps a local copy from the
// snapshot and deltas, checks every delta's prev_seq against the seq it holds, and verifies the
// server's CRC32 checksum after every message (the rule is in packages/ws-server/PROTOCOL.md;
// in TypeScript, `LocalBook` from @marksim/ws-server/protocol does the same). On a gap or a
// mismatch it asks for a fresh snapshot.
//   node book-client.mjs [ws://localhost:8765] [--symbol BTC/USD] [--depth 10] [--count N] [--simulate-gap K]
import WebSocket from 'ws';

const USAGE = `usage: node book-client.mjs [URL] [--symbol S] [--depth D] [--count N] [--simulate-gap K]
  URL             feed, default ws://localhost:8765
  --symbol S      book to follow (default: the first symbol the server lists)
  --depth D       levels per side, 1-100 (default 10)
  --count N       exit after N book messages
  --simulate-gap K  drop every K-th delta on purpose, to show gap detection and resync`;

function parseArgs(argv) {
  const options = { url: 'ws://localhost:8765', symbol: null, depth: 10, count: Infinity, simulateGap: 0 };
  const integer = (name, value, min, max) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer in ${min}..${max} (got "${value}")`);
    return n;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--symbol') options.symbol = argv[++i];
    else if (arg === '--depth') options.depth = integer('--depth', argv[++i], 1, 100);
    else if (arg === '--count' || arg === '-n') options.count = integer('--count', argv[++i], 1, Number.MAX_SAFE_INTEGER);
    else if (arg === '--simulate-gap') options.simulateGap = integer('--simulate-gap', argv[++i], 2, Number.MAX_SAFE_INTEGER);
    else if (!arg.startsWith('-')) options.url = arg;
    else throw new Error(`unknown option ${arg}\n${USAGE}`);
  }
  return options;
}

// ---------------------------------------------------------------- the checksum (PROTOCOL.md)

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC32 (IEEE, as zlib) of an ASCII string. */
function crc32(text) {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i += 1) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A number with exactly `decimals` digits, the point and leading zeros removed. */
function digits(value, decimals) {
  return value.toFixed(decimals).replace('.', '').replace(/^0+/, '');
}

/** Top 10 asks (best first), then top 10 bids (best first): price digits, size digits. */
function checksum(book) {
  let text = '';
  for (const [price, size] of book.asks.slice(0, 10)) text += digits(price, book.priceDecimals) + digits(size, book.sizeDecimals);
  for (const [price, size] of book.bids.slice(0, 10)) text += digits(price, book.priceDecimals) + digits(size, book.sizeDecimals);
  return crc32(text);
}

// The worked example of PROTOCOL.md, checked at start so a broken copy of the rule shows at once.
const EXAMPLE = { bids: [[49999, 1.5], [49998.5, 0.25]], asks: [[50001, 2], [50001.5, 0.5]], priceDecimals: 2, sizeDecimals: 4 };
if (checksum(EXAMPLE) !== 1644703439) throw new Error('checksum implementation does not match PROTOCOL.md');

// ---------------------------------------------------------------- the local book

/** Sets each [price, size] (size 0 removes) in a best-first side, then keeps `depth` levels. */
function applySide(levels, changes, descending, depth) {
  const byPrice = new Map(levels);
  for (const [price, size] of changes) {
    if (size === 0) byPrice.delete(price);
    else byPrice.set(price, size);
  }
  return [...byPrice].sort((a, b) => (descending ? b[0] - a[0] : a[0] - b[0])).slice(0, depth);
}

let options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(error.message);
  process.exit(2);
}

const fmt = (value, decimals) => value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
const stats = { messages: 0, ok: 0, gaps: 0, mismatches: 0, snapshots: 0, deltas: 0 };
let book = null; // { seq, bids, asks, depth, priceDecimals, sizeDecimals }
let awaitingSnapshot = true;
let symbol = options.symbol;

const ws = new WebSocket(options.url);

function subscribe(symbols) {
  ws.send(JSON.stringify({ op: 'subscribe', channels: ['book'], symbols, depth: options.depth, req_id: 'book' }));
}

function resync(reason) {
  console.log(`${reason}; requesting a snapshot`);
  awaitingSnapshot = true;
  ws.send(JSON.stringify({ op: 'snapshot', symbol }));
}

function verify(message, what) {
  const ours = checksum(book);
  if (ours === message.checksum) {
    stats.ok += 1;
    const bid = book.bids[0];
    const ask = book.asks[0];
    const top = bid && ask
      ? `best bid ${fmt(bid[0], book.priceDecimals)} × ${bid[1]} | best ask ${fmt(ask[0], book.priceDecimals)} × ${ask[1]} · spread ${fmt(ask[0] - bid[0], book.priceDecimals)}`
      : `${book.bids.length} bids, ${book.asks.length} asks`;
    console.log(`${what} ${symbol} seq ${message.seq}: ${top} · checksum ${message.checksum} OK`);
  } else {
    stats.mismatches += 1;
    resync(`checksum MISMATCH at seq ${message.seq} (ours ${ours}, server ${message.checksum})`);
  }
}

function onBookMessage(message) {
  // Frames already received may still arrive while the close handshake runs.
  if (stats.messages >= options.count) return;
  stats.messages += 1;
  applyBookMessage(message);
  // Whatever the message did (applied, dropped, or found a gap), the count decides when to stop.
  if (stats.messages >= options.count) ws.close(1000, 'done');
}

function applyBookMessage(message) {
  if (message.type === 'book_snapshot') {
    stats.snapshots += 1;
    book = { seq: message.seq, bids: message.bids, asks: message.asks, depth: message.depth, priceDecimals: message.price_decimals, sizeDecimals: message.size_decimals };
    awaitingSnapshot = false;
    verify(message, 'snapshot');
  } else if (!awaitingSnapshot) {
    stats.deltas += 1;
    if (options.simulateGap > 0 && stats.deltas % options.simulateGap === 0) {
      console.log(`(dropping delta seq ${message.seq} on purpose)`);
      return;
    }
    if (message.prev_seq !== book.seq) {
      stats.gaps += 1;
      resync(`gap: delta prev_seq ${message.prev_seq} does not follow held seq ${book.seq}`);
      return;
    }
    book.bids = applySide(book.bids, message.bids, true, book.depth);
    book.asks = applySide(book.asks, message.asks, false, book.depth);
    book.seq = message.seq;
    verify(message, 'delta');
  }
}

ws.on('open', () => {
  console.error(`connected to ${options.url}`);
  // Without --symbol, learn the symbols from the ack of a cheap subscription (status), then
  // follow the first one.
  if (symbol !== null) subscribe([symbol]);
  else ws.send(JSON.stringify({ op: 'subscribe', channels: ['status'], req_id: 'probe' }));
});
ws.on('message', (data) => {
  const message = JSON.parse(data.toString());
  if (message.type === 'subscribed' && message.req_id === 'probe') {
    symbol = message.symbols[0];
    if (symbol === undefined) {
      console.error('the server lists no symbols');
      ws.close(1000);
      return;
    }
    ws.send(JSON.stringify({ op: 'unsubscribe', channels: ['status'] }));
    subscribe([symbol]);
  } else if ((message.type === 'book_snapshot' || message.type === 'book_delta') && message.symbol === symbol) {
    onBookMessage(message);
  } else if (message.type === 'error') {
    console.error(`server error ${message.code}: ${message.message}`);
  }
});
ws.on('close', (code) => {
  console.log(`verified ${stats.ok} of ${stats.messages} book messages (${stats.snapshots} snapshots, ${stats.deltas} deltas): ` +
    `${stats.gaps} gaps, ${stats.mismatches} checksum mismatches`);
  console.error(`closed (${code})`);
  process.exit(stats.mismatches === 0 && stats.ok > 0 ? 0 : 1);
});
ws.on('error', (error) => {
  console.error(`cannot read from ${options.url}: ${error.message}`);
  process.exit(1);
});
process.once('SIGINT', () => ws.close(1000, 'interrupted'));
