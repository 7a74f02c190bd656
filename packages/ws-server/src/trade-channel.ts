// Trades: every trade, lossless, serialised once per trade.
import type { TradeEvent } from '@marksim/core';
import { encodeTrade } from './protocol/encode.js';
import type { WireUnits } from './protocol/encode.js';
import { toFrame } from './session.js';
import type { Session } from './session.js';
import { publish, SymbolSubscribers } from './symbol-subscribers.js';

/** The trades channel. */
export class TradeChannel {
  private readonly subscribers = new SymbolSubscribers();

  constructor(private readonly units: ReadonlyMap<string, WireUnits>) {}

  /** Broadcasts one trade to the symbol's subscribers. */
  publish(trade: TradeEvent): void {
    const subscribers = this.subscribers.of(trade.symbol);
    if (subscribers.size === 0) return;
    const units = this.units.get(trade.symbol);
    if (units !== undefined) publish(subscribers, toFrame(encodeTrade(trade, units)), null);
  }

  subscribe(session: Session, symbols: readonly string[]): void {
    for (const symbol of symbols) this.subscribers.add(session, symbol);
  }

  unsubscribe(session: Session, symbols: readonly string[]): void {
    for (const symbol of symbols) this.subscribers.delete(session, symbol);
  }

  /** Forgets a closed session. */
  remove(session: Session): void {
    this.subscribers.deleteAll(session);
  }
}
