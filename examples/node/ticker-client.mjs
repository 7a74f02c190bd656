#!/usr/bin/env node
// Marksim ticker consumer: connects, sends nothing, and prints the seed's ticker messages.
//   node ticker-client.mjs [ws://localhost:8765] [--count N]
import WebSocket from 'ws';

const USAGE = 'usage: node ticker-client.mjs [URL] [--count N]\n  URL defaults to ws://localhost:8765; --count exits after N tickers';

function parseArgs(argv) {
  const options = { url: 'ws://localhost:8765', count: Infinity };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--count' || arg === '-n') {
      const count = Number(argv[++i]);
      if (!Number.isInteger(count) || count < 1) throw new Error(`--count must be an integer >= 1 (got "${argv[i]}")`);
      options.count = count;
    } else if (!arg.startsWith('-')) {
      options.url = arg;
    } else {
      throw new Error(`unknown option ${arg}\n${USAGE}`);
    }
  }
  return options;
}

let options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(error.message);
  process.exit(2);
}

const fmt = (value) => value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 8 });
const ws = new WebSocket(options.url);
let received = 0;

ws.on('open', () => console.error(`connected to ${options.url}`));
ws.on('message', (data) => {
  // Frames already received may still arrive while the close handshake runs.
  if (received >= options.count) return;
  const ticker = JSON.parse(data.toString());
  // The seed's JavaScript consumer printed `Price: $<last_price>`; the rest is context.
  console.log(`Price: $${ticker.last_price}  ${ticker.symbol}  bid ${fmt(ticker.bid_price)}  ask ${fmt(ticker.ask_price)}  ` +
    `volume_24h ${ticker.volume_24h}  trades ${ticker.trade_count}`);
  received += 1;
  if (received >= options.count) ws.close(1000, 'done');
});
ws.on('close', (code) => {
  console.error(`received ${received} tickers; closed (${code})`);
  process.exit(received >= options.count || options.count === Infinity ? 0 : 1);
});
ws.on('error', (error) => {
  console.error(`cannot read from ${options.url}: ${error.message}`);
  process.exit(1);
});
process.once('SIGINT', () => ws.close(1000, 'interrupted'));
