// A client that stops reading never slows the others: they keep getting every message while it
// is conflated, then disconnected with SLOW_CONSUMER.
import { startServer, turn } from './support/clients.js';

describe('slow consumers', () => {
  let env: Awaited<ReturnType<typeof startServer>>;
  afterEach(() => env.stop());

  it('keeps feeding a reading client every trade while a paused client is dropped', async () => {
    env = await startServer({ clientBufferSize: 20, sendHighWaterBytes: 16 * 1024 });
    env.feed.seedBook('BTC/USD', 5_000_000, 20);
    const fast = await env.client();
    const paused = await env.client();
    for (const client of [fast, paused]) await client.request({ op: 'subscribe', channels: ['trades', 'book'], symbols: ['BTC/USD'] });
    paused.ws.pause();

    let trades = 0;
    const dropped = env.logged('slow_consumer');
    let isDropped = false;
    void dropped.then(() => (isDropped = true));
    // Publish in rounds; each round waits for the reading client to get its last trade, so the
    // loop runs at the reading client's pace and the paused client only falls behind.
    for (let round = 0; round < 2000 && !isDropped; round++) {
      for (let i = 0; i < 200; i++) env.feed.trade('BTC/USD', 5_000_000 + (i % 7), 1 + i, i % 2 === 0 ? 'buy' : 'sell');
      trades += 200;
      await fast.next((m) => m.type === 'trade' && m.trade_id === trades);
      await turn();
    }
    await dropped;
    expect(env.server.stats().slowConsumerDisconnects).toBe(1);
    const ids = fast.messages.filter((m) => m.type === 'trade').map((m) => m.trade_id);
    expect(ids).toEqual(Array.from({ length: trades }, (_, i) => i + 1));

    // The reading client is still served after the drop.
    env.feed.trade('BTC/USD', 5_000_000, 1, 'buy');
    await fast.next((m) => m.type === 'trade' && m.trade_id === trades + 1);
    const released = env.logged('client_closed');
    paused.ws.resume();
    await paused.closed;
    await released;
    expect(env.server.clientCount).toBe(1);
  });

  it('conflates tickers for a paused client instead of queueing them, and keeps it', async () => {
    env = await startServer({ clientBufferSize: 5, sendHighWaterBytes: 1024 });
    const paused = await env.client();
    const reading = await env.client();
    paused.ws.pause();
    // Publish until the paused client's socket is full and its tickers start to conflate.
    let tickers = 0;
    for (let round = 0; round < 1000 && env.server.stats().messagesDropped < 100; round++) {
      for (let i = 0; i < 500; i++) {
        tickers++;
        env.feed.ticker(tickers % 2 === 0 ? 'BTC/USD' : 'ETH/USD', 1_700_000_000_000_000 + tickers);
      }
      await reading.next((m) => m.timestamp === 1_700_000_000_000_000 + tickers);
    }
    expect(reading.messages.length).toBe(tickers);
    expect(env.server.stats().messagesDropped).toBeGreaterThanOrEqual(100);
    expect(env.server.stats().slowConsumerDisconnects).toBe(0);

    paused.ws.resume();
    // Once it reads again it gets the newest ticker of each symbol, not the whole backlog.
    const last = await paused.next((m) => m.timestamp === 1_700_000_000_000_000 + tickers);
    expect(last.symbol).toBe('BTC/USD');
    expect(paused.messages.length).toBeLessThan(tickers);
  });

  it('sheds clients with a backlog when asked (memory hard limit) and keeps those that keep up', async () => {
    // A queue far larger than the test publishes: only shed() can drop the client here.
    env = await startServer({ clientBufferSize: 1_000_000, sendHighWaterBytes: 1024 });
    const shedLogged = env.logged('shed_slow_clients');
    const paused = await env.client();
    const reading = await env.client();
    for (const client of [paused, reading]) await client.request({ op: 'subscribe', channels: ['trades'], symbols: ['BTC/USD'] });
    paused.ws.pause();
    let trades = 0;
    // Fill the paused client's socket buffer until trades wait in its queue.
    for (let round = 0; round < 2000; round++) {
      for (let i = 0; i < 200; i++) env.feed.trade('BTC/USD', 5_000_000, 1, 'buy');
      trades += 200;
      await reading.next((m) => m.type === 'trade' && m.trade_id === trades);
      await turn();
      // Shed as soon as trades wait in its queue, before the queue overflows on its own.
      if (env.server.shed() > 0 || env.server.stats().slowConsumerDisconnects > 0) break;
    }
    await shedLogged;
    expect(env.server.stats().slowConsumerDisconnects).toBe(1);
    expect(env.server.shed()).toBe(0);
    env.feed.trade('BTC/USD', 5_000_000, 1, 'buy');
    await reading.next((m) => m.type === 'trade' && m.trade_id === trades + 1);
    paused.ws.resume();
    await paused.closed;
  });
});
