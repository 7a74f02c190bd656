// Pure views of the state for the charts, the ladder and the stats: each picks at most a few
// hundred points for the selected window, so what React and Recharts draw stays small whatever
// the history holds.

import { bestPrices, type BookLevel, type BookState } from './book.js';
import type { Ring } from './ring.js';
import type { PricePoint } from './series.js';
import type { CandleView, DashboardState } from './state.js';
import { INTERVAL_US, WINDOW_US, type TimeWindow } from './windows.js';

/** One point of the price chart; `band` is [bid, ask] for the shaded spread. */
export interface PriceChartPoint {
  /** Simulation time in ms since the epoch (what the axis formats). */
  readonly timeMs: number;
  readonly last: number;
  readonly bid: number | null;
  readonly ask: number | null;
  readonly band: [number, number] | null;
}

/** Width in µs that the 5-minute view thins the 200 ms series to. */
const FIVE_MINUTE_STEP_US = 1_000_000;

function toChartPoint(point: PricePoint): PriceChartPoint {
  return {
    timeMs: point.timeUs / 1000,
    last: point.last,
    bid: point.bid,
    ask: point.ask,
    band: point.bid !== null && point.ask !== null ? [point.bid, point.ask] : null,
  };
}

function pointsSince(ring: Ring<PricePoint>, fromUs: number): PricePoint[] {
  return ring.slice(ring.lowerBound((point) => point.timeUs, fromUs));
}

/** The newest price time held, in µs, or null. */
export function newestPriceTimeUs(state: Pick<DashboardState, 'prices'>): number | null {
  return state.prices.fine.last()?.timeUs ?? null;
}

/** Price points of the window, oldest first: ≤ 300 at 1 min and 5 min, ≤ 720 at 1 hour. */
export function selectPriceSeries(state: Pick<DashboardState, 'prices'>, window: TimeWindow): PriceChartPoint[] {
  const newestUs = newestPriceTimeUs(state);
  if (newestUs === null) return [];
  const fromUs = newestUs - WINDOW_US[window];
  if (window === '1h') return pointsSince(state.prices.coarse, fromUs).map(toChartPoint);
  const points = pointsSince(state.prices.fine, fromUs);
  if (window === '1m') return points.map(toChartPoint);
  // Keep the last point of each second: the line ends where the market is.
  const thinned: PriceChartPoint[] = [];
  for (let i = 0; i < points.length; i += 1) {
    const next = points[i + 1];
    if (next === undefined || Math.floor(next.timeUs / FIVE_MINUTE_STEP_US) !== Math.floor(points[i].timeUs / FIVE_MINUTE_STEP_US)) {
      thinned.push(toChartPoint(points[i]));
    }
  }
  return thinned;
}

/** Change of the last price over the window: absolute, ratio, and the price it is measured from. */
export function selectWindowChange(state: Pick<DashboardState, 'prices'>, window: TimeWindow): { change: number; ratio: number; from: number } | null {
  const newest = state.prices.fine.last();
  if (newest === undefined) return null;
  const ring = window === '1h' ? state.prices.coarse : state.prices.fine;
  const first = ring.at(ring.lowerBound((point) => point.timeUs, newest.timeUs - WINDOW_US[window]));
  if (first === undefined) return null;
  const change = newest.last - first.last;
  return { change, ratio: first.last !== 0 ? change / first.last : 0, from: first.last };
}

/** One bar of the candle chart; `range` is [low, high] for the wick. */
export interface CandleChartPoint {
  readonly timeMs: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
  readonly range: [number, number];
  readonly rising: boolean;
  readonly closed: boolean;
}

/** Most bars the candle chart draws; more feed bars than this are merged into wider bars. */
export const MAX_CANDLES = 120;

/** Feed bars merged into one drawn bar, chosen so the width stays a round number. */
const MERGE_FACTORS: readonly number[] = [1, 2, 5, 10, 15, 30, 60];

/** Candles of the window, and the width in µs of each drawn bar. */
export interface CandleSeries {
  readonly bars: CandleChartPoint[];
  readonly barUs: number;
}

function toCandlePoint(openTimeUs: number, candles: readonly CandleView[]): CandleChartPoint {
  const first = candles[0];
  const last = candles[candles.length - 1];
  let high = first.high;
  let low = first.low;
  let volume = 0;
  for (const candle of candles) {
    if (candle.high > high) high = candle.high;
    if (candle.low < low) low = candle.low;
    volume += candle.volume;
  }
  return {
    timeMs: openTimeUs / 1000,
    open: first.open,
    high,
    low,
    close: last.close,
    volume,
    range: [low, high],
    rising: last.close >= first.open,
    closed: last.closed,
  };
}

/**
 * The candles of the selected interval inside the window. When the window holds more than
 * MAX_CANDLES feed bars (1 s bars over 5 minutes), consecutive bars are merged into 2, 5, 10 …
 * times wider ones aligned on the clock, as a charting terminal does.
 */
export function selectCandleSeries(state: Pick<DashboardState, 'candles' | 'interval'>, window: TimeWindow): CandleSeries {
  const intervalUs = INTERVAL_US[state.interval];
  const ring = state.candles[state.interval];
  const newest = ring.last();
  if (newest === undefined) return { bars: [], barUs: intervalUs };
  const fromUs = newest.openTimeUs - WINDOW_US[window];
  const candles = ring.slice(ring.lowerBound((candle) => candle.openTimeUs, fromUs + 1));
  const spanBars = Math.ceil((newest.openTimeUs - candles[0].openTimeUs) / intervalUs) + 1;
  const factor = MERGE_FACTORS.find((f) => spanBars / f <= MAX_CANDLES) ?? MERGE_FACTORS[MERGE_FACTORS.length - 1];
  const barUs = intervalUs * factor;
  const bars: CandleChartPoint[] = [];
  let group: CandleView[] = [];
  let groupStartUs = -1;
  for (const candle of candles) {
    const startUs = Math.floor(candle.openTimeUs / barUs) * barUs;
    if (startUs !== groupStartUs && group.length > 0) {
      bars.push(toCandlePoint(groupStartUs, group));
      group = [];
    }
    groupStartUs = startUs;
    group.push(candle);
  }
  if (group.length > 0) bars.push(toCandlePoint(groupStartUs, group));
  return { bars: bars.slice(-MAX_CANDLES), barUs };
}

/** One point of the depth chart: cumulative size at a price on one side (the other is null). */
export interface DepthPoint {
  readonly price: number;
  readonly bidDepth: number | null;
  readonly askDepth: number | null;
}

/** Cumulative bid and ask size by price, ascending prices, for a stepped area chart. */
export function selectDepth(book: Pick<BookState, 'bids' | 'asks'>): DepthPoint[] {
  const points: DepthPoint[] = [];
  const bidCumulative: number[] = [];
  let total = 0;
  for (const level of book.bids) {
    total += level.size;
    bidCumulative.push(total);
  }
  for (let i = book.bids.length - 1; i >= 0; i -= 1) {
    points.push({ price: book.bids[i].price, bidDepth: bidCumulative[i], askDepth: null });
  }
  total = 0;
  for (const level of book.asks) {
    total += level.size;
    points.push({ price: level.price, bidDepth: null, askDepth: total });
  }
  return points;
}

/** One side's row of the ladder. */
export interface LadderLevel extends BookLevel {
  /** Size of this and every better level. */
  readonly cumulative: number;
}

/** The ladder: top `levels` of each side with cumulative sizes, and the scale for depth bars. */
export interface LadderView {
  readonly bids: readonly LadderLevel[];
  readonly asks: readonly LadderLevel[];
  readonly maxCumulative: number;
  readonly spread: number | null;
  readonly mid: number | null;
}

function withCumulative(levels: readonly BookLevel[], count: number): LadderLevel[] {
  const out: LadderLevel[] = [];
  let total = 0;
  for (let i = 0; i < Math.min(count, levels.length); i += 1) {
    total += levels[i].size;
    out.push({ ...levels[i], cumulative: total });
  }
  return out;
}

/** Ladder rows for the top `levels` per side (20 by default). */
export function selectLadder(book: Pick<BookState, 'bids' | 'asks'>, levels = 20): LadderView {
  const bids = withCumulative(book.bids, levels);
  const asks = withCumulative(book.asks, levels);
  const { bid, ask, mid } = bestPrices(book);
  return {
    bids,
    asks,
    maxCumulative: Math.max(bids.length > 0 ? bids[bids.length - 1].cumulative : 0, asks.length > 0 ? asks[asks.length - 1].cumulative : 0),
    spread: bid !== null && ask !== null ? ask - bid : null,
    mid,
  };
}

/** The newest `count` trades, newest first. */
export function selectTape<T>(trades: Ring<T>, count: number): T[] {
  return trades.slice(-count).reverse();
}

/**
 * Size from which a trade on the tape counts as large: at least the 90th percentile of the
 * trades shown and three times their median, so a quiet tape of equal sizes marks nothing.
 */
export function largeTradeThreshold(sizes: readonly number[]): number {
  if (sizes.length < 10) return Infinity;
  const sorted = [...sizes].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const p90 = sorted[Math.floor(sorted.length * 0.9)];
  return Math.max(p90, median * 3);
}
