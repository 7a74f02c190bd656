import type { CandleBar } from '@marksim/ws-server/protocol';
import { CandleAggregator } from '../src/candle-aggregator.js';

const S = 1_000_000;

describe('CandleAggregator', () => {
  function aggregator(history = 3) {
    const closed: CandleBar[] = [];
    return { closed, candles: new CandleAggregator('BTC/USD', history, (bar) => closed.push(bar)) };
  }

  it('tracks open, high, low, close, volume and count within a bar', () => {
    const { candles } = aggregator();
    candles.addTrade(10 * S + 5, 100, 1);
    candles.addTrade(10 * S + 6, 120, 2);
    candles.addTrade(10 * S + 7, 90, 3);
    candles.addTrade(10 * S + 8, 110, 4);
    expect(candles.formingBar('1s')).toEqual({
      symbol: 'BTC/USD',
      interval: '1s',
      openTimeUs: 10 * S,
      openTicks: 100,
      highTicks: 120,
      lowTicks: 90,
      closeTicks: 110,
      volumeLots: 10,
      tradeCount: 4,
      closed: false,
    });
    expect(candles.formingBar('1m')).toMatchObject({ openTimeUs: 0, tradeCount: 4 });
  });

  it('closes a bar when a trade or the clock reaches its end', () => {
    const { candles, closed } = aggregator();
    candles.addTrade(10 * S, 100, 1);
    candles.advance(11 * S - 1);
    expect(closed).toEqual([]);
    candles.addTrade(11 * S, 105, 1);
    expect(closed).toMatchObject([{ interval: '1s', openTimeUs: 10 * S, closeTicks: 100, closed: true }]);
    candles.advance(60 * S);
    expect(closed.map((bar) => `${bar.interval}@${bar.openTimeUs / S}`)).toEqual(['1s@10', '1s@11', '1m@0']);
    expect(candles.formingBar('1s')).toBeNull();
  });

  it('keeps only the last closed bars and forgets everything on reset', () => {
    const { candles } = aggregator(2);
    for (let second = 0; second < 5; second++) candles.addTrade(second * S, 100 + second, 1);
    expect(candles.history('1s').map((bar) => bar.openTicks)).toEqual([102, 103]);
    candles.reset();
    expect(candles.history('1s')).toEqual([]);
    expect(candles.formingBar('1m')).toBeNull();
  });
});
