// After a market reset, a client that connects or subscribes must not be sent the old market's
// last ticker (with its trade count, volume and clock) as "the latest state".
import { startServer } from './support/clients.js';

describe('tickers after a market reset', () => {
  let env: Awaited<ReturnType<typeof startServer>>;
  beforeEach(async () => {
    env = await startServer();
  });
  afterEach(() => env.stop());

  it('does not send the old market\'s ticker to a client that subscribes after the reset', async () => {
    env.feed.trade('BTC/USD', 5_000_000, 20, 'buy');
    env.feed.ticker('BTC/USD');
    env.feed.resetSymbol('BTC/USD');
    const client = await env.client();
    await client.request({ op: 'subscribe', channels: ['ticker'], symbols: ['BTC/USD'] });
    const fresh = env.feed.ticker('BTC/USD');
    const ticker = await client.nextOfType('ticker');
    expect(ticker).toMatchObject({ symbol: 'BTC/USD', timestamp: fresh.timeUs, trade_count: 0, volume_24h: 0 });
  });

  it('does not start a new default-feed client on the old market\'s ticker', async () => {
    env.feed.trade('BTC/USD', 5_000_000, 20, 'buy');
    env.feed.ticker('BTC/USD');
    env.feed.ticker('ETH/USD');
    env.feed.resetSymbol('BTC/USD');
    const client = await env.client();
    const fresh = env.feed.ticker('BTC/USD');
    const first = await client.next((message) => message.symbol === 'BTC/USD');
    expect(first).toMatchObject({ timestamp: fresh.timeUs, trade_count: 0 });
    // The symbol that was not reset still starts the feed with its latest ticker.
    expect(client.messages[0]).toMatchObject({ symbol: 'ETH/USD' });
  });
});
