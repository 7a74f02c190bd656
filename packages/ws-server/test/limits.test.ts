// Limits of a public feed: message size, invalid input, rate, client count.
import { WebSocket } from 'ws';
import { startServer } from './support/clients.js';

describe('limits', () => {
  let env: Awaited<ReturnType<typeof startServer>>;
  afterEach(() => env.stop());

  it('answers invalid JSON with INVALID_JSON and stays open', async () => {
    env = await startServer();
    const client = await env.client();
    client.send('{"op": subscribe}');
    expect(await client.nextOfType('error')).toMatchObject({ code: 'INVALID_JSON' });
    expect(await client.request({ op: 'ping' })).toMatchObject({ type: 'pong' });
  });

  it('answers an unknown op with UNKNOWN_OP naming it', async () => {
    env = await startServer();
    const client = await env.client();
    const error = await client.request({ op: 'buy', symbol: 'BTC/USD' });
    expect(error).toMatchObject({ type: 'error', code: 'UNKNOWN_OP', message: 'op must be one of subscribe, unsubscribe, ping, snapshot, control (got "buy")' });
  });

  it('answers an unknown channel with UNKNOWN_CHANNEL naming the index and the value', async () => {
    env = await startServer();
    const client = await env.client();
    const error = await client.request({ op: 'subscribe', channels: ['ticker', 'foo'] });
    expect(error).toMatchObject({ code: 'UNKNOWN_CHANNEL', message: 'channels[1] must be one of ticker, trades, book, candles, status (got "foo")' });
  });

  it('refuses binary frames with INVALID_MESSAGE', async () => {
    env = await startServer();
    const client = await env.client();
    client.ws.send(Buffer.from('{"op":"ping"}'), { binary: true });
    expect(await client.nextOfType('error')).toMatchObject({ code: 'INVALID_MESSAGE' });
  });

  it('answers a message over maxMessageBytes with MESSAGE_TOO_LARGE and stays open', async () => {
    env = await startServer({ maxMessageBytes: 1024, maxFrameBytes: 8192 });
    const client = await env.client();
    const text = JSON.stringify({ op: 'ping', padding: 'x'.repeat(2000) });
    client.send(text);
    expect(await client.nextOfType('error')).toMatchObject({ code: 'MESSAGE_TOO_LARGE', message: `message must be at most 1024 bytes (got ${text.length})` });
    expect(await client.request({ op: 'ping' })).toMatchObject({ type: 'pong' });
  });

  it('closes with 1009 on a frame over maxFrameBytes, as ws does', async () => {
    env = await startServer({ maxMessageBytes: 1024, maxFrameBytes: 8192 });
    const client = await env.client();
    client.send('x'.repeat(10_000));
    expect(await client.closed).toBe(1009);
  });

  it('refuses messages over the rate with RATE_LIMITED, then closes an abuser with 1008', async () => {
    env = await startServer({ rateLimitPerS: 1, rateLimitBurst: 3, maxRateLimitStrikes: 5 });
    const client = await env.client();
    for (let i = 0; i < 3; i++) expect(await client.request({ op: 'ping' })).toMatchObject({ type: 'pong' });
    client.send({ op: 'ping' });
    expect(await client.nextOfType('error')).toMatchObject({ type: 'error', code: 'RATE_LIMITED' });
    for (let i = 0; i < 10; i++) client.send({ op: 'ping' });
    expect(await client.closed).toBe(1008);
    const errors = client.messages.filter((m) => m.code === 'RATE_LIMITED');
    expect(errors[errors.length - 1].message).toMatch(/^closing: 5 messages in a row over the rate limit/);
  });

  it('refuses a client over maxClients with SERVER_FULL and close 1013', async () => {
    env = await startServer({ maxClients: 2 });
    await env.client();
    await env.client();
    const third = new WebSocket(env.url);
    const received: string[] = [];
    third.on('message', (data) => received.push(data.toString()));
    const code = await new Promise<number>((resolve) => third.on('close', (closeCode) => resolve(closeCode)));
    expect(code).toBe(1013);
    expect(JSON.parse(received[0])).toMatchObject({ type: 'error', code: 'SERVER_FULL' });
    expect(env.server.stats().refusedFull).toBe(1);
  });
});
