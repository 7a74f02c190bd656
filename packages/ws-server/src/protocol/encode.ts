// Domain (integer ticks, lots, µs, camelCase) → wire (decimal numbers, snake_case). The only place
// where the two namings meet. Field order is fixed so that every message of a type serialises
// the same way (and V8 keeps one hidden class per message type).
import type { BookLevel, Ticker, TradeEvent } from '@marksim/core';
import { bookChecksum } from './checksum.js';
import type {
  BookDeltaMessage,
  BookSnapshotMessage,
  CandleInterval,
  CandleMessage,
  StatusMessage,
  TickerMessage,
  TickerWire,
  TradeMessage,
  WireLevel,
} from './messages.js';

/**
 * Converts integer units to wire numbers. core's `DecimalUnits` satisfies it; the protocol only
 * needs its shape, so browsers never load big.js.
 */
export interface WireUnits {
  ticksToNumber(ticks: number): number;
  lotsToNumber(lots: number): number;
  readonly priceDecimals: number;
  readonly sizeDecimals: number;
}

/** The seed's ticker, exactly its 9 fields in its order: what a client that sends nothing gets. */
export function encodeTicker(ticker: Ticker, units: WireUnits): TickerWire {
  return {
    timestamp: ticker.timeUs,
    symbol: ticker.symbol,
    last_price: units.ticksToNumber(ticker.lastPriceTicks),
    bid_price: units.ticksToNumber(ticker.bidPriceTicks),
    ask_price: units.ticksToNumber(ticker.askPriceTicks),
    bid_size: units.lotsToNumber(ticker.bidSizeLots),
    ask_size: units.lotsToNumber(ticker.askSizeLots),
    volume_24h: units.lotsToNumber(ticker.volume24hLots),
    trade_count: ticker.tradeCount,
  };
}

/** The ticker for a subscribed client: `type: "ticker"` followed by the seed's 9 fields. */
export function encodeTickerMessage(ticker: Ticker, units: WireUnits): TickerMessage {
  // Encoded once per publication (not per client), so the spread costs nothing that matters.
  return { type: 'ticker', ...encodeTicker(ticker, units) };
}

/** One trade; `side` is the aggressor's. */
export function encodeTrade(trade: TradeEvent, units: WireUnits): TradeMessage {
  return {
    type: 'trade',
    symbol: trade.symbol,
    seq: trade.seq,
    trade_id: trade.tradeId,
    price: units.ticksToNumber(trade.priceTicks),
    size: units.lotsToNumber(trade.sizeLots),
    side: trade.aggressor,
    timestamp: trade.timeUs,
  };
}

/** L2 levels as [price, size] pairs, in the order given. */
export function encodeLevels(levels: readonly BookLevel[], units: WireUnits): WireLevel[] {
  const wire: WireLevel[] = new Array(levels.length);
  for (let i = 0; i < levels.length; i++) {
    wire[i] = [units.ticksToNumber(levels[i].priceTicks), units.lotsToNumber(levels[i].sizeLots)];
  }
  return wire;
}

/** A book as the feed holds it: sorted levels (bids descending, asks ascending) at a sequence number. */
export interface BookState {
  readonly symbol: string;
  readonly seq: number;
  readonly timeUs: number;
  readonly bids: readonly BookLevel[];
  readonly asks: readonly BookLevel[];
}

/** A full snapshot of the top `depth` levels, with its checksum. */
export function encodeBookSnapshot(book: BookState, depth: number, units: WireUnits): BookSnapshotMessage {
  const bids = encodeLevels(book.bids.length > depth ? book.bids.slice(0, depth) : book.bids, units);
  const asks = encodeLevels(book.asks.length > depth ? book.asks.slice(0, depth) : book.asks, units);
  return {
    type: 'book_snapshot',
    symbol: book.symbol,
    seq: book.seq,
    depth,
    bids,
    asks,
    checksum: bookChecksum(bids, asks, units.priceDecimals, units.sizeDecimals),
    timestamp: book.timeUs,
    price_decimals: units.priceDecimals,
    size_decimals: units.sizeDecimals,
  };
}

/** Level changes between two book messages; `checksum` is that of the book after applying them. */
export interface BookChanges {
  readonly symbol: string;
  readonly seq: number;
  readonly prevSeq: number;
  readonly timeUs: number;
  /** Changed bid levels; size 0 removes the level. */
  readonly bids: readonly BookLevel[];
  readonly asks: readonly BookLevel[];
  readonly checksum: number;
}

/** A book delta message. */
export function encodeBookDelta(changes: BookChanges, units: WireUnits): BookDeltaMessage {
  return {
    type: 'book_delta',
    symbol: changes.symbol,
    seq: changes.seq,
    prev_seq: changes.prevSeq,
    bids: encodeLevels(changes.bids, units),
    asks: encodeLevels(changes.asks, units),
    checksum: changes.checksum,
    timestamp: changes.timeUs,
  };
}

/** An OHLCV bar in integer units, as the server's candle aggregator keeps it. */
export interface CandleBar {
  readonly symbol: string;
  readonly interval: CandleInterval;
  readonly openTimeUs: number;
  readonly openTicks: number;
  readonly highTicks: number;
  readonly lowTicks: number;
  readonly closeTicks: number;
  readonly volumeLots: number;
  readonly tradeCount: number;
  readonly closed: boolean;
}

/** One candle update (forming or closed). */
export function encodeCandle(bar: CandleBar, units: WireUnits): CandleMessage {
  return {
    type: 'candle',
    symbol: bar.symbol,
    interval: bar.interval,
    open_time: bar.openTimeUs,
    open: units.ticksToNumber(bar.openTicks),
    high: units.ticksToNumber(bar.highTicks),
    low: units.ticksToNumber(bar.lowTicks),
    close: units.ticksToNumber(bar.closeTicks),
    volume: units.lotsToNumber(bar.volumeLots),
    trade_count: bar.tradeCount,
    closed: bar.closed,
  };
}

/** Simulation and server state for the `status` channel. */
export interface StatusState {
  readonly simTimeUs: number;
  readonly speed: number;
  readonly paused: boolean;
  readonly clients: number;
  readonly eventsPerS: number;
}

/** A status message; events/s is rounded to a whole number. */
export function encodeStatus(status: StatusState): StatusMessage {
  return {
    type: 'status',
    sim_time: status.simTimeUs,
    speed: status.speed,
    paused: status.paused,
    clients: status.clients,
    events_per_s: Math.round(status.eventsPerS),
  };
}
