// OHLCV bars of one symbol from its trades, per interval, on simulation time. A bar closes when a
// trade or the clock (tickers, status ticks) reaches its end; intervals without trades have no
// bar. The last closed bars are kept for new subscribers.
import type { CandleBar } from './protocol/encode.js';
import type { CandleInterval } from './protocol/messages.js';
import { CANDLE_INTERVALS } from './protocol/messages.js';

/** Length of each candle interval in µs. */
export const CANDLE_INTERVAL_US: Readonly<Record<CandleInterval, number>> = Object.freeze({ '1s': 1_000_000, '1m': 60_000_000 });

interface FormingBar {
  openTimeUs: number;
  openTicks: number;
  highTicks: number;
  lowTicks: number;
  closeTicks: number;
  volumeLots: number;
  tradeCount: number;
}

/** Builds candles for one symbol. */
export class CandleAggregator {
  private readonly forming: (FormingBar | null)[] = CANDLE_INTERVALS.map(() => null);
  private readonly closed: CandleBar[][] = CANDLE_INTERVALS.map(() => []);

  constructor(
    readonly symbol: string,
    private readonly historyLength: number,
    private readonly onClosed: (bar: CandleBar) => void,
  ) {}

  /** Adds a trade to the bar of each interval, closing bars that ended before it. */
  addTrade(timeUs: number, priceTicks: number, sizeLots: number): void {
    this.advance(timeUs);
    for (let i = 0; i < CANDLE_INTERVALS.length; i++) {
      const bar = this.forming[i];
      if (bar === null) {
        const intervalUs = CANDLE_INTERVAL_US[CANDLE_INTERVALS[i]];
        this.forming[i] = {
          openTimeUs: timeUs - (timeUs % intervalUs),
          openTicks: priceTicks,
          highTicks: priceTicks,
          lowTicks: priceTicks,
          closeTicks: priceTicks,
          volumeLots: sizeLots,
          tradeCount: 1,
        };
      } else {
        if (priceTicks > bar.highTicks) bar.highTicks = priceTicks;
        if (priceTicks < bar.lowTicks) bar.lowTicks = priceTicks;
        bar.closeTicks = priceTicks;
        bar.volumeLots += sizeLots;
        bar.tradeCount++;
      }
    }
  }

  /** Moves the clock: closes every bar whose interval ended at or before `timeUs`. */
  advance(timeUs: number): void {
    for (let i = 0; i < CANDLE_INTERVALS.length; i++) {
      const bar = this.forming[i];
      if (bar === null || timeUs < bar.openTimeUs + CANDLE_INTERVAL_US[CANDLE_INTERVALS[i]]) continue;
      const closedBar = this.toCandle(i, bar, true);
      this.forming[i] = null;
      const history = this.closed[i];
      history.push(closedBar);
      if (history.length > this.historyLength) history.splice(0, history.length - this.historyLength);
      this.onClosed(closedBar);
    }
  }

  /** The bar still forming for an interval, or null. */
  formingBar(interval: CandleInterval): CandleBar | null {
    const index = CANDLE_INTERVALS.indexOf(interval);
    const bar = this.forming[index];
    return bar === null ? null : this.toCandle(index, bar, false);
  }

  /** The last closed bars of an interval, oldest first. */
  history(interval: CandleInterval): readonly CandleBar[] {
    return this.closed[CANDLE_INTERVALS.indexOf(interval)];
  }

  /** Forgets every bar (the market was reset). */
  reset(): void {
    this.forming.fill(null);
    for (const history of this.closed) history.length = 0;
  }

  private toCandle(index: number, bar: FormingBar, closed: boolean): CandleBar {
    return {
      symbol: this.symbol,
      interval: CANDLE_INTERVALS[index],
      openTimeUs: bar.openTimeUs,
      openTicks: bar.openTicks,
      highTicks: bar.highTicks,
      lowTicks: bar.lowTicks,
      closeTicks: bar.closeTicks,
      volumeLots: bar.volumeLots,
      tradeCount: bar.tradeCount,
      closed,
    };
  }
}
