// A client that sends nothing gets the seed's tickers, exactly; the seed's snippets work unchanged.
import { spawn } from 'node:child_process';
import { WebSocket } from 'ws';
import { encodeTicker } from '@marksim/ws-server/protocol';
import { BTC_USD, DecimalUnits } from '@marksim/core';
import { startServer } from './support/clients.js';

const SEED_FIELDS = ['timestamp', 'symbol', 'last_price', 'bid_price', 'ask_price', 'bid_size', 'ask_size', 'volume_24h', 'trade_count'];

describe('default ticker feed', () => {
  let env: Awaited<ReturnType<typeof startServer>>;
  beforeEach(async () => {
    env = await startServer();
    env.feed.seedBook('BTC/USD', 5_000_050, 5);
    env.feed.trade('BTC/USD', 5_000_050, 15_000, 'buy');
  });
  afterEach(() => env.stop());

  it('sends a silent client exactly the seed 9 fields, timestamp in integer µs', async () => {
    const client = await env.client();
    const ticker = env.feed.ticker('BTC/USD', 1_703_123_456_789_000);
    const message = await client.next((m) => m.symbol === 'BTC/USD');
    expect(Object.keys(message)).toEqual(SEED_FIELDS);
    expect(message).toEqual(encodeTicker(ticker, new DecimalUnits(BTC_USD)));
    expect(message.timestamp).toBe(1_703_123_456_789_000);
    expect(message.last_price).toBe(50000.5);
  });

  it('sends nothing but tickers, for every symbol, to a silent client', async () => {
    const client = await env.client();
    env.feed.trade('BTC/USD', 5_000_051, 1, 'sell');
    env.feed.setLevel('BTC/USD', 'buy', 4_999_000, 3);
    env.feed.ticker('ETH/USD');
    env.feed.ticker('BTC/USD');
    await client.next((m) => m.symbol === 'BTC/USD');
    expect(client.messages.map((m) => m.symbol)).toEqual(['ETH/USD', 'BTC/USD']);
    for (const message of client.messages) expect(Object.keys(message)).toEqual(SEED_FIELDS);
  });

  it('gives a new client the latest ticker of each symbol at once', async () => {
    env.feed.ticker('BTC/USD');
    const client = await env.client();
    const message = await client.next();
    expect(message.symbol).toBe('BTC/USD');
    expect(Object.keys(message)).toEqual(SEED_FIELDS);
  });

  it('runs the seed JavaScript consumer unchanged', async () => {
    env.feed.ticker('BTC/USD');
    const printed: string[] = [];
    const console = { log: (line: string) => printed.push(line) };
    const gotPrice = new Promise<void>((resolve) => {
      // The seed snippet, verbatim except for the URL (the test server listens on port 0).
      const ws = new WebSocket(env.url);
      ws.onmessage = function (event) {
        const data = JSON.parse(event.data as string);
        console.log(`Price: $${data.last_price}`);
        ws.close();
        resolve();
      };
    });
    await gotPrice;
    expect(printed).toEqual(['Price: $50000.5']);
  });

  it('runs the seed Python consumer unchanged', async () => {
    env.feed.ticker('BTC/USD');
    const snippet = [
      'import asyncio',
      'import websockets',
      'import json',
      '',
      'async def consumer():',
      `    async with websockets.connect("${env.url}") as websocket:`,
      '        async for message in websocket:',
      '            data = json.loads(message)',
      `            print(f"Price: $\{data['last_price']}", flush=True)`,
      '',
      'asyncio.run(consumer())',
    ].join('\n');
    const python = spawn('/usr/bin/python3', ['-c', snippet], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    python.stderr.on('data', (chunk) => (stderr += chunk));
    const line = await new Promise<string>((resolve, reject) => {
      python.stdout.on('data', (chunk: Buffer) => resolve(chunk.toString().split('\n')[0]));
      python.on('exit', (code) => reject(new Error(`python exited with ${code}: ${stderr}`)));
    });
    python.kill();
    expect(line).toBe('Price: $50000.5');
  });
});
