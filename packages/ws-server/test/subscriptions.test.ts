// Opt-in channels: acks, what each channel sends, and how subscribing replaces the default feed.
import { startServer, turn } from './support/clients.js';

describe('subscriptions', () => {
  let env: Awaited<ReturnType<typeof startServer>>;
  beforeEach(async () => {
    env = await startServer();
  });
  afterEach(() => env.stop());

  it('acks a subscribe with the channels in protocol order, the symbols and the req_id', async () => {
    const client = await env.client();
    const ack = await client.request({ op: 'subscribe', channels: ['trades', 'ticker'], symbols: ['BTC/USD'] });
    expect(ack).toEqual({ type: 'subscribed', channels: ['ticker', 'trades'], symbols: ['BTC/USD'], req_id: ack.req_id });
  });

  it('subscribes to every symbol when none is named', async () => {
    const client = await env.client();
    const ack = await client.request({ op: 'subscribe', channels: ['trades'] });
    expect(ack.symbols).toEqual(['BTC/USD', 'ETH/USD']);
  });

  it('replaces the default tickers with the subscribed channels', async () => {
    const client = await env.client();
    await client.request({ op: 'subscribe', channels: ['trades'], symbols: ['BTC/USD'] });
    env.feed.ticker('BTC/USD');
    env.feed.trade('BTC/USD', 5_000_000, 20, 'sell');
    const trade = await client.nextOfType('trade');
    expect(trade).toEqual({ type: 'trade', symbol: 'BTC/USD', seq: trade.seq, trade_id: 1, price: 50000, size: 0.002, side: 'sell', timestamp: trade.timestamp });
    expect(client.messages.filter((m) => m.symbol === 'BTC/USD' && m.type !== 'trade')).toEqual([]);
  });

  it('sends subscribed tickers as type "ticker" plus the seed fields', async () => {
    const client = await env.client();
    await client.request({ op: 'subscribe', channels: ['ticker'], symbols: ['ETH/USD'] });
    env.feed.ticker('BTC/USD');
    env.feed.ticker('ETH/USD');
    const ticker = await client.nextOfType('ticker');
    expect(ticker.symbol).toBe('ETH/USD');
    expect(Object.keys(ticker)).toEqual(['type', 'timestamp', 'symbol', 'last_price', 'bid_price', 'ask_price', 'bid_size', 'ask_size', 'volume_24h', 'trade_count']);
  });

  it('stops a channel after unsubscribe and acks it', async () => {
    const client = await env.client();
    await client.request({ op: 'subscribe', channels: ['trades', 'ticker'], symbols: ['BTC/USD'] });
    const ack = await client.request({ op: 'unsubscribe', channels: ['trades'] });
    expect(ack).toMatchObject({ type: 'unsubscribed', channels: ['trades'], symbols: ['BTC/USD', 'ETH/USD'] });
    env.feed.trade('BTC/USD', 5_000_000, 1, 'buy');
    env.feed.ticker('BTC/USD');
    await client.nextOfType('ticker');
    expect(client.messages.some((m) => m.type === 'trade')).toBe(false);
  });

  it('refuses an unknown symbol, naming it, and keeps the connection open', async () => {
    const client = await env.client();
    const error = await client.request({ op: 'subscribe', channels: ['trades'], symbols: ['BTC/USD', 'DOGE/USD'] });
    expect(error).toMatchObject({ type: 'error', code: 'UNKNOWN_SYMBOL', message: 'symbols[1] must be one of BTC/USD, ETH/USD (got "DOGE/USD")' });
    expect(await client.request({ op: 'ping' })).toMatchObject({ type: 'pong' });
  });

  it('answers ping with pong carrying the server clock in µs', async () => {
    const client = await env.client();
    const before = Date.now() * 1000;
    const pong = await client.request({ op: 'ping' });
    expect(pong.type).toBe('pong');
    expect(pong.timestamp as number).toBeGreaterThanOrEqual(before);
    expect(Number.isInteger(pong.timestamp)).toBe(true);
  });

  it('sends status at once on subscribe and then periodically', async () => {
    await env.stop();
    env = await startServer({ statusIntervalMs: 20 });
    const client = await env.client();
    await client.request({ op: 'subscribe', channels: ['status'] });
    const first = await client.nextOfType('status');
    expect(first).toEqual({ type: 'status', sim_time: env.feed.status().simTimeUs, speed: 10, paused: false, clients: 1, events_per_s: 1234 });
    await client.next((m) => m.type === 'status' && m !== first);
  });

  it('builds 1s and 1m candles from trades and closes them when sim time passes', async () => {
    const client = await env.client();
    await client.request({ op: 'subscribe', channels: ['candles'], symbols: ['BTC/USD'], intervals: ['1s'] });
    const start = env.feed.status().simTimeUs;
    const barStart = start - (start % 1_000_000) + 1_000_000;
    env.feed.tick(barStart - start);
    env.feed.trade('BTC/USD', 5_000_000, 10_000, 'buy');
    env.feed.trade('BTC/USD', 5_000_200, 5_000, 'sell');
    env.feed.trade('BTC/USD', 4_999_900, 5_000, 'buy');
    await turn();
    const forming = await client.next((m) => m.type === 'candle' && m.trade_count === 3);
    expect(forming).toEqual({
      type: 'candle',
      symbol: 'BTC/USD',
      interval: '1s',
      open_time: barStart,
      open: 50000,
      high: 50002,
      low: 49999,
      close: 49999,
      volume: 2,
      trade_count: 3,
      closed: false,
    });
    env.feed.ticker('BTC/USD', barStart + 1_000_000);
    const closed = await client.next((m) => m.type === 'candle' && m.closed === true);
    expect(closed).toEqual({ ...forming, closed: true });
  });

  it('sends recent closed candles to a new subscriber', async () => {
    const first = env.feed.status().simTimeUs;
    env.feed.trade('BTC/USD', 5_000_000, 10_000, 'buy');
    env.feed.tick(2_000_000);
    env.feed.trade('BTC/USD', 5_000_100, 10_000, 'buy');
    const client = await env.client();
    await client.request({ op: 'subscribe', channels: ['candles'], symbols: ['BTC/USD'], intervals: ['1s'] });
    const history = await client.next((m) => m.type === 'candle' && m.closed === true);
    expect(history).toMatchObject({ open_time: first - (first % 1_000_000), open: 50000, trade_count: 1 });
    const forming = await client.next((m) => m.type === 'candle' && m.closed === false);
    expect(forming).toMatchObject({ open: 50001, trade_count: 1 });
  });
});
