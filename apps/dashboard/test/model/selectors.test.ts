import { produce } from 'immer';
import { applySnapshot, emptyBook } from '../../src/model/book.js';
import { reduce } from '../../src/model/reducer.js';
import { largeTradeThreshold, MAX_CANDLES, selectCandleSeries, selectDepth, selectLadder, selectPriceSeries, selectTape, selectWindowChange } from '../../src/model/selectors.js';
import { initialState, type DashboardState } from '../../src/model/state.js';
import { candle, ladder, snapshot, T0_US, ticker, trade } from '../helpers/messages.js';

function withTickers(count: number, stepUs: number): DashboardState {
  const messages = Array.from({ length: count }, (_, i) => ticker(T0_US + i * stepUs, 100 + (i % 7)));
  return reduce(initialState({ url: 'ws://x:1' }), { type: 'messages', messages, receivedAtMs: 0 });
}

describe('selectors', () => {
  it('draws at most 300 points for one minute and for five minutes, and 720 for an hour', () => {
    const state = withTickers(20_000, 100_000); // 2 000 s of 10 tickers a second
    const oneMinute = selectPriceSeries(state, '1m');
    const fiveMinutes = selectPriceSeries(state, '5m');
    const hour = selectPriceSeries(state, '1h');
    expect(oneMinute.length).toBeLessThanOrEqual(301);
    expect(oneMinute.length).toBeGreaterThan(290);
    expect(fiveMinutes.length).toBeLessThanOrEqual(301);
    expect(fiveMinutes.length).toBeGreaterThan(290);
    expect(hour.length).toBeLessThanOrEqual(720);
    expect(hour.length).toBeGreaterThan(390);
    // Every view ends at the newest price.
    const newest = state.prices.fine.last()!;
    for (const series of [oneMinute, fiveMinutes]) expect(series[series.length - 1].last).toBe(newest.last);
  });

  it('gives the bid/ask band and the change over the window', () => {
    const state = reduce(initialState({ url: 'ws://x:1' }), {
      type: 'messages',
      messages: [ticker(T0_US, 100, 99, 101), ticker(T0_US + 1_000_000, 110, 109, 111)],
      receivedAtMs: 0,
    });
    const series = selectPriceSeries(state, '1m');
    expect(series.map((p) => p.band)).toEqual([[99, 101], [109, 111]]);
    expect(selectWindowChange(state, '1m')).toEqual({ change: 10, ratio: 0.1, from: 100 });
  });

  it('cuts candles to the window', () => {
    const messages = Array.from({ length: 400 }, (_, i) => candle('1s', T0_US + i * 1_000_000, 100 + i));
    const state = reduce(initialState({ url: 'ws://x:1' }), { type: 'messages', messages, receivedAtMs: 0 });
    const oneMinute = selectCandleSeries(state, '1m');
    expect(oneMinute.barUs).toBe(1_000_000);
    expect(oneMinute.bars).toHaveLength(60);
    expect(oneMinute.bars[59]).toMatchObject({ open: 498, close: 499, range: [497, 500], rising: true });
  });

  it('merges 1 s bars into clock-aligned 5 s bars when the window holds more than MAX_CANDLES', () => {
    const messages = Array.from({ length: 400 }, (_, i) => candle('1s', T0_US + i * 1_000_000, 100 + i, true));
    const state = reduce(initialState({ url: 'ws://x:1' }), { type: 'messages', messages, receivedAtMs: 0 });
    const five = selectCandleSeries(state, '5m');
    expect(five.barUs).toBe(5_000_000);
    expect(five.bars.length).toBeLessThanOrEqual(MAX_CANDLES);
    expect(five.bars).toHaveLength(60);
    // The newest 5 s bar holds the feed bars of seconds 395..399.
    expect(five.bars[59]).toMatchObject({ timeMs: (T0_US + 395_000_000) / 1000, open: 494, close: 499, high: 500, low: 493, volume: 15 });
  });

  it('accumulates depth outward from the spread, prices ascending', () => {
    const book = produce(emptyBook(), (draft) => applySnapshot(draft, snapshot(1, ladder('102 2\n101 1\n--\n100 3\n99 4'))));
    expect(selectDepth(book)).toEqual([
      { price: 99, bidDepth: 7, askDepth: null },
      { price: 100, bidDepth: 3, askDepth: null },
      { price: 101, bidDepth: null, askDepth: 1 },
      { price: 102, bidDepth: null, askDepth: 3 },
    ]);
    const view = selectLadder(book, 1);
    expect(view.bids.map((l) => [l.price, l.cumulative])).toEqual([[100, 3]]);
    expect(view.maxCumulative).toBe(3);
    expect(view.spread).toBe(1);
    expect(view.mid).toBe(100.5);
  });

  it('lists the tape newest first', () => {
    const state = reduce(initialState({ url: 'ws://x:1' }), { type: 'messages', messages: [trade(1, 1), trade(2, 2), trade(3, 3)], receivedAtMs: 0 });
    expect(selectTape(state.trades, 2).map((t) => t.id)).toEqual([3, 2]);
  });

  it('marks as large only trades well above the usual size', () => {
    expect(largeTradeThreshold([1, 1, 1])).toBe(Infinity);
    expect(largeTradeThreshold(Array.from({ length: 20 }, () => 1))).toBe(3);
    const sizes = [...Array.from({ length: 18 }, () => 0.1), 2, 5];
    expect(largeTradeThreshold(sizes)).toBe(2);
  });
});
