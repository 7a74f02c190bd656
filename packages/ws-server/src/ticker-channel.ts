// Tickers: the seed's 9-field message for silent clients, `type: "ticker"` for subscribers. Each
// form is serialised once per update; a slow client gets them conflated per symbol.
import type { Ticker } from '@marksim/core';
import { encodeTicker, encodeTickerMessage } from './protocol/encode.js';
import type { WireUnits } from './protocol/encode.js';
import { toFrame } from './session.js';
import type { Session } from './session.js';
import { publish, SymbolSubscribers } from './symbol-subscribers.js';

/** The ticker channel and the default feed of silent clients. */
export class TickerChannel {
  /** Clients that never subscribed: they get the seed's tickers for every symbol. */
  private readonly silent = new Set<Session>();
  private readonly subscribers = new SymbolSubscribers();
  private readonly last = new Map<string, Ticker>();

  constructor(private readonly units: ReadonlyMap<string, WireUnits>) {}

  /** Broadcasts one ticker update. */
  publish(ticker: Ticker): void {
    const units = this.units.get(ticker.symbol);
    if (units === undefined) return;
    this.last.set(ticker.symbol, ticker);
    if (this.silent.size > 0) publish(this.silent, toFrame(encodeTicker(ticker, units)), ticker.symbol);
    const subscribers = this.subscribers.of(ticker.symbol);
    if (subscribers.size > 0) publish(subscribers, toFrame(encodeTickerMessage(ticker, units)), ticker.symbol);
  }

  /** A new connection starts on the default feed, with the latest ticker of each symbol. */
  addSilent(session: Session): void {
    this.silent.add(session);
    for (const [symbol, ticker] of this.last) session.send(toFrame(encodeTicker(ticker, this.units.get(symbol)!)), symbol);
  }

  /** The client subscribed to something: its default feed ends. */
  removeSilent(session: Session): void {
    this.silent.delete(session);
  }

  /** Subscribes and sends the latest ticker of each symbol. */
  subscribe(session: Session, symbols: readonly string[]): void {
    for (const symbol of symbols) {
      if (this.subscribers.has(session, symbol)) continue;
      this.subscribers.add(session, symbol);
      const ticker = this.last.get(symbol);
      if (ticker !== undefined) session.send(toFrame(encodeTickerMessage(ticker, this.units.get(symbol)!)), symbol);
    }
  }

  unsubscribe(session: Session, symbols: readonly string[]): void {
    for (const symbol of symbols) this.subscribers.delete(session, symbol);
  }

  /**
   * The market was reset: the latest ticker belongs to the old market (its trade count, volume
   * and clock), so it is no longer what a new client is sent; the new market's first ticker is.
   */
  reset(symbol: string): void {
    this.last.delete(symbol);
  }

  /** Forgets a closed session. */
  remove(session: Session): void {
    this.silent.delete(session);
    this.subscribers.deleteAll(session);
  }
}
