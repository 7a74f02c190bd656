// The candles channel: closed bars as they close, the forming bar at most once per event-loop
// turn (coalesced like book deltas), and recent history to new subscribers.
import type { TradeEvent } from '@marksim/core';
import { CandleAggregator } from './candle-aggregator.js';
import { encodeCandle } from './protocol/encode.js';
import type { CandleBar, WireUnits } from './protocol/encode.js';
import { CANDLE_INTERVALS } from './protocol/messages.js';
import type { CandleInterval } from './protocol/messages.js';
import { toFrame } from './session.js';
import type { Session } from './session.js';
import { publish, SymbolSubscribers } from './symbol-subscribers.js';

/** Closed bars per interval and symbol sent to a new subscriber. */
export const CANDLE_HISTORY_LENGTH = 60;

/** Candles for every symbol. */
export class CandleChannel {
  private readonly aggregators = new Map<string, CandleAggregator>();
  private readonly subscribers = new Map<CandleInterval, SymbolSubscribers>(
    CANDLE_INTERVALS.map((interval) => [interval, new SymbolSubscribers()]),
  );
  private readonly dirty = new Set<string>();

  constructor(private readonly units: ReadonlyMap<string, WireUnits>) {
    for (const symbol of units.keys()) {
      this.aggregators.set(symbol, new CandleAggregator(symbol, CANDLE_HISTORY_LENGTH, this.onClosed));
    }
  }

  /** Adds a trade; the forming bar goes out at the next flush. */
  addTrade(trade: TradeEvent): void {
    const aggregator = this.aggregators.get(trade.symbol);
    if (aggregator === undefined) return;
    aggregator.addTrade(trade.timeUs, trade.priceTicks, trade.sizeLots);
    this.dirty.add(trade.symbol);
  }

  /** Moves one symbol's clock (closes ended bars). */
  advance(symbol: string, timeUs: number): void {
    this.aggregators.get(symbol)?.advance(timeUs);
  }

  /** Moves every symbol's clock. */
  advanceAll(timeUs: number): void {
    for (const aggregator of this.aggregators.values()) aggregator.advance(timeUs);
  }

  /** Sends the forming bars that changed since the last flush. */
  flush(): void {
    for (const symbol of this.dirty) {
      const aggregator = this.aggregators.get(symbol)!;
      for (const interval of CANDLE_INTERVALS) {
        const subscribers = this.subscribers.get(interval)!.of(symbol);
        if (subscribers.size === 0) continue;
        const bar = aggregator.formingBar(interval);
        if (bar !== null) publish(subscribers, toFrame(encodeCandle(bar, this.units.get(symbol)!)), null);
      }
    }
    this.dirty.clear();
  }

  /** Subscribes and sends the recent closed bars, then the forming one. */
  subscribe(session: Session, symbols: readonly string[], intervals: readonly CandleInterval[]): void {
    for (const symbol of symbols) {
      const aggregator = this.aggregators.get(symbol)!;
      const units = this.units.get(symbol)!;
      for (const interval of intervals) {
        const subscribers = this.subscribers.get(interval)!;
        if (subscribers.has(session, symbol)) continue;
        subscribers.add(session, symbol);
        for (const bar of aggregator.history(interval)) session.send(toFrame(encodeCandle(bar, units)), null);
        const forming = aggregator.formingBar(interval);
        if (forming !== null) session.send(toFrame(encodeCandle(forming, units)), null);
      }
    }
  }

  /** Unsubscribes every interval of the symbols. */
  unsubscribe(session: Session, symbols: readonly string[]): void {
    for (const subscribers of this.subscribers.values()) for (const symbol of symbols) subscribers.delete(session, symbol);
  }

  /** Forgets a closed session. */
  remove(session: Session): void {
    for (const subscribers of this.subscribers.values()) subscribers.deleteAll(session);
  }

  /** The market was reset: bars start afresh. */
  reset(symbol: string): void {
    this.aggregators.get(symbol)?.reset();
    this.dirty.delete(symbol);
  }

  private readonly onClosed = (bar: CandleBar): void => {
    const subscribers = this.subscribers.get(bar.interval)!.of(bar.symbol);
    if (subscribers.size > 0) publish(subscribers, toFrame(encodeCandle(bar, this.units.get(bar.symbol)!)), null);
  };
}
