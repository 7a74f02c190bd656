// Found in review: set_speed accepted any positive number over the socket (1e300 flooded every
// client, 1e-300 overflowed timers), and a reset streamed its whole warm-up to subscribers.
import WebSocket from 'ws';
import { DEFAULT_SERVER_CONFIG } from '../src/cli/server-config.js';
import { createLogger } from '../src/log/logger.js';
import { startServerApp, type ServerApp } from '../src/server-app.js';

const TOKEN = 'review-token-1';
const logger = createLogger({ level: 'error', format: 'json', write: () => {} });

type Message = Record<string, unknown>;

/** A client that records every message and can wait for one matching a predicate. */
function connect(url: string): Promise<{ ws: WebSocket; messages: Message[]; next(match: (m: Message) => boolean): Promise<Message> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const messages: Message[] = [];
    const waiters: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as Message;
      messages.push(message);
      for (const waiter of [...waiters]) {
        if (waiter.match(message)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(message);
        }
      }
    });
    ws.on('open', () => resolve({ ws, messages, next: (match) => new Promise((done) => waiters.push({ match, resolve: done })) }));
    ws.on('error', reject);
  });
}

describe('issue 5: control over the socket, after review', () => {
  let app: ServerApp | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it.each([1e300, 1e-300, 0.001, 20_000])('refuses set_speed %p with the allowed range, keeping the speed', async (speed) => {
    app = await startServerApp({ ...DEFAULT_SERVER_CONFIG, host: '127.0.0.1', port: 0, archiveDir: undefined, warmupUs: 0, controlToken: TOKEN }, logger);
    const client = await connect(app.url);
    client.ws.send(JSON.stringify({ op: 'control', action: 'set_speed', speed, token: TOKEN, req_id: 1 }));
    const reply = await client.next((m) => m.req_id === 1);
    expect(reply).toMatchObject({ type: 'error', code: 'CONTROL_FAILED' });
    expect(reply.message).toMatch(/speed must be a number from 0.01 to 10000/);
    expect(app.simulation!.speed).toBe(10);
    client.ws.close();
  });

  it('warms a reset market up out of sight: subscribers get a fresh snapshot, then only live trades', async () => {
    app = await startServerApp({ ...DEFAULT_SERVER_CONFIG, host: '127.0.0.1', port: 0, archiveDir: undefined, speed: 10,
      warmupUs: 60_000_000, controlToken: TOKEN }, logger);
    const client = await connect(app.url);
    client.ws.send(JSON.stringify({ op: 'subscribe', channels: ['trades', 'book'], req_id: 'sub' }));
    await client.next((m) => m.type === 'trade');
    const resetAtUs = Date.now() * 1000;
    const from = client.messages.length;
    client.ws.send(JSON.stringify({ op: 'control', action: 'reset', token: TOKEN, req_id: 'reset' }));
    const snapshot = await client.next((m) => m.type === 'book_snapshot' && client.messages.indexOf(m) >= from);
    await client.next((m) => m.type === 'trade' && client.messages.indexOf(m) > client.messages.indexOf(snapshot));
    const afterReset = client.messages.slice(from);
    const snapshotAt = afterReset.indexOf(snapshot);
    const before = afterReset.slice(0, snapshotAt).filter((m) => m.type === 'trade');
    const after = afterReset.slice(snapshotAt + 1).filter((m) => m.type === 'trade');
    // The warm-up's minute of trading (hundreds of trades) never reaches the client.
    expect(before.length).toBeLessThan(20);
    for (const trade of after) expect(trade.timestamp as number).toBeGreaterThanOrEqual(resetAtUs - 1_000_000);
    expect((snapshot.bids as unknown[]).length).toBeGreaterThan(0);
    expect((snapshot.asks as unknown[]).length).toBeGreaterThan(0);
    client.ws.close();
  });
});
