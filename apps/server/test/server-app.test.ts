import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { readArchive } from '@marksim/stream';
import { DEFAULT_SERVER_CONFIG, type ServerConfig } from '../src/cli/server-config.js';
import { createLogger, type Logger } from '../src/log/logger.js';
import { startServerApp, type ServerApp } from '../src/server-app.js';
import type { ServerArchiveRecord } from '../src/feed/archive-records.js';
import { ReplayFeed } from '../src/feed/replay-feed.js';
import type { MarketEvent } from '@marksim/core';
import { SILENT_LOGGER } from '@marksim/stream';

const TICKER_KEYS = ['timestamp', 'symbol', 'last_price', 'bid_price', 'ask_price', 'bid_size', 'ask_size', 'volume_24h', 'trade_count'];

function quietLogger(lines: string[] = []): Logger {
  return createLogger({ level: 'info', format: 'json', write: (line) => lines.push(line) });
}

function config(overrides: Partial<ServerConfig>): ServerConfig {
  return { ...DEFAULT_SERVER_CONFIG, host: '127.0.0.1', port: 0, speed: 50, archiveDir: undefined, warmupUs: 0, ...overrides };
}

/** Resolves with the first `count` messages a client receives. */
function receive(url: string, count: number): Promise<unknown[]> {
  const messages: unknown[] = [];
  return receiveUntil(url, (message) => messages.push(message) === count).then(() => messages);
}

/** Resolves with the first message that `done` accepts. */
function receiveUntil(url: string, done: (message: Record<string, unknown>) => boolean, onOpen?: (ws: WebSocket) => void): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('open', () => onOpen?.(ws));
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as Record<string, unknown>;
      if (done(message)) {
        ws.close();
        resolve(message);
      }
    });
    ws.on('error', reject);
  });
}

describe('the server app', () => {
  let dir: string;
  let app: ServerApp | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'marksim-server-'));
  });

  afterEach(async () => {
    await app?.stop();
    app = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the seed ticker format to a client that sends nothing', async () => {
    const lines: string[] = [];
    app = await startServerApp(config({}), quietLogger(lines));
    const [ticker] = (await receive(app.url, 1)) as Record<string, unknown>[];
    expect(Object.keys(ticker!).sort()).toEqual([...TICKER_KEYS].sort());
    expect(ticker!.symbol).toBe('BTC/USD');
    expect(Number.isInteger(ticker!.timestamp)).toBe(true);
    // µs since the epoch: within a day of now (the market runs ahead of the wall clock at 50×).
    expect(Math.abs((ticker!.timestamp as number) / 1000 - Date.now())).toBeLessThan(86_400_000);
    expect(lines.some((line) => JSON.parse(line).msg === 'listening' && JSON.parse(line).ws === app!.url)).toBe(true);
  });

  it('warms the market up before clients connect, then runs at wall-clock time', async () => {
    const before = Date.now();
    app = await startServerApp(config({ warmupUs: 60_000_000, speed: 1 }), quietLogger());
    const [ticker] = (await receive(app.url, 1)) as Record<string, number>[];
    // A minute of trading already happened, and live timestamps continue from the wall clock.
    expect(ticker!.trade_count).toBeGreaterThan(0);
    expect(ticker!.bid_price).toBeGreaterThan(0);
    expect(ticker!.ask_price).toBeGreaterThan(ticker!.bid_price!);
    expect(ticker!.timestamp / 1000).toBeGreaterThan(before - 60_000);
    expect(ticker!.timestamp / 1000).toBeLessThan(Date.now() + 5_000);
  });

  it('reports health over HTTP on the same port', async () => {
    app = await startServerApp(config({}), quietLogger());
    const response = await fetch(`${app.httpUrl}/health`);
    const health = (await response.json()) as Record<string, unknown>;
    expect(response.status).toBe(200);
    expect(health).toMatchObject({ status: 'ok', speed: 50, paused: false });
  });

  it('refuses control without the token and obeys it with the token', async () => {
    app = await startServerApp(config({ controlToken: 'sesame-open' }), quietLogger());
    const isReply = (message: Record<string, unknown>) => message.type === 'error' || message.type === 'control_ack';
    const refused = await receiveUntil(app.url, isReply, (ws) => ws.send(JSON.stringify({ op: 'control', action: 'pause', token: 'wrong-token' })));
    expect(refused).toMatchObject({ type: 'error', code: 'CONTROL_REFUSED' });
    expect(app.simulation!.state).toBe('running');
    const accepted = await receiveUntil(app.url, isReply, (ws) => ws.send(JSON.stringify({ op: 'control', action: 'pause', token: 'sesame-open' })));
    expect(accepted).toMatchObject({ type: 'control_ack', action: 'pause', paused: true });
    expect(app.simulation!.state).toBe('paused');
  });

  it('flushes an archive on stop that starts with the instrument and holds every book event in order', async () => {
    app = await startServerApp(config({ archiveDir: dir }), quietLogger());
    await receive(app.url, 20);
    const simulation = app.simulation!;
    await app.stop();
    const lastSeq = simulation.status().seq;
    const records: ServerArchiveRecord[] = [];
    for await (const record of readArchive<ServerArchiveRecord>(dir)) records.push(record);
    expect(records[0]).toMatchObject({ type: 'instrument', symbol: 'BTC/USD', tickSize: '0.01', lotSize: '0.0001' });
    const seqs = records.flatMap((record) => ('seq' in record ? [record.seq] : []));
    expect(seqs.length).toBeGreaterThan(0);
    seqs.forEach((seq, i) => expect(seq).toBe(i + 1));
    expect(seqs.at(-1)).toBe(lastSeq);
    expect(records.some((record) => record.type === 'ticker')).toBe(true);
  });

  it('replays its archive as the same events, in the same order, as the live market sent', async () => {
    app = await startServerApp(config({ archiveDir: dir }), quietLogger());
    const live: unknown[] = [];
    app.simulation!.subscribe((event: MarketEvent) => live.push(event.type === 'ticker' ? { type: 'ticker', ticker: event.ticker } : event));
    await receive(app.url, 30);
    await app.stop();

    const replay = await ReplayFeed.open({ path: dir, speed: Infinity, logger: SILENT_LOGGER });
    const replayed: unknown[] = [];
    replay.onEvent((event) => replayed.push(event));
    await replay.run();
    expect(live.length).toBeGreaterThan(100);
    // The live listener subscribed just after start; compare from its first event on.
    const first = JSON.stringify(live[0]);
    const offset = replayed.findIndex((event) => JSON.stringify(event) === first);
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(replayed.slice(offset)).toEqual(live);
  });
});
