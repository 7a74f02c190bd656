import { defaultFeedUrl, feedUrlProblem, readConfig } from '../../src/feed/config.js';

describe('dashboard config from the page URL', () => {
  it('defaults to port 8765 on the page host', () => {
    expect(readConfig('', 'localhost')).toEqual({ url: 'ws://localhost:8765', symbol: null, window: '5m', interval: '1s', warnings: [] });
    expect(defaultFeedUrl('')).toBe('ws://localhost:8765');
    expect(defaultFeedUrl('::1')).toBe('ws://[::1]:8765');
  });

  it('takes ?ws=, ?symbol=, ?window= and ?interval=', () => {
    expect(readConfig('?ws=ws://127.0.0.1:9000&symbol=ETH%2FUSD&window=1h&interval=1m', 'localhost')).toEqual({
      url: 'ws://127.0.0.1:9000',
      symbol: 'ETH/USD',
      window: '1h',
      interval: '1m',
      warnings: [],
    });
  });

  it('warns about bad values naming the parameter, the value and the rule', () => {
    const config = readConfig('?ws=http://x&window=2d', 'example.org');
    expect(config.url).toBe('ws://example.org:8765');
    expect(config.warnings).toEqual(['?ws= ignored: feed URL must start with ws:// or wss:// (got "http://x")', '?window= must be one of 1m, 5m, 1h (got "2d")']);
    expect(feedUrlProblem('localhost:8765')).toBe('feed URL must start with ws:// or wss:// (got "localhost:8765")');
    expect(feedUrlProblem('wss://feed.example/ws')).toBeNull();
  });
});
