// Builders of wire messages for tests, with the server's checksum computed the same way.
import type {
  BookDeltaMessage,
  BookSnapshotMessage,
  CandleMessage,
  StatusMessage,
  TickerMessage,
  TradeMessage,
  WireLevel,
} from '@marksim/ws-server/protocol';
import { bookChecksum } from '@marksim/ws-server/protocol';

export const SYMBOL = 'BTC/USD';
export const T0_US = Date.UTC(2024, 0, 2, 12, 0, 0) * 1000;

/** Parses a ladder table: one `price size` pair per line, asks above `--`, bids below. */
export function ladder(text: string): { bids: WireLevel[]; asks: WireLevel[] } {
  const [askText, bidText] = text.split('--');
  const rows = (part: string): WireLevel[] =>
    part
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map((line) => {
        const [price, size] = line.split(/\s+/).map(Number);
        return [price, size];
      });
  // Asks are written highest first, as a ladder shows them; the wire sends best first.
  return { asks: rows(askText).reverse(), bids: rows(bidText) };
}

/** Decimals of the test market: prices to 0.01, sizes to 0.001. */
export const PRICE_DECIMALS = 2;
export const SIZE_DECIMALS = 3;

function checksumOf(book: { bids: WireLevel[]; asks: WireLevel[] }): number {
  return bookChecksum(book.bids, book.asks, PRICE_DECIMALS, SIZE_DECIMALS);
}

export function snapshot(seq: number, book: { bids: WireLevel[]; asks: WireLevel[] }, depth = 20): BookSnapshotMessage {
  return {
    type: 'book_snapshot',
    symbol: SYMBOL,
    seq,
    depth,
    bids: book.bids,
    asks: book.asks,
    checksum: checksumOf(book),
    timestamp: T0_US,
    price_decimals: PRICE_DECIMALS,
    size_decimals: SIZE_DECIMALS,
  };
}

/** A delta, with the checksum of `after` (the book the server holds once it is applied). */
export function delta(prevSeq: number, seq: number, changes: { bids?: WireLevel[]; asks?: WireLevel[] }, after: { bids: WireLevel[]; asks: WireLevel[] }): BookDeltaMessage {
  return {
    type: 'book_delta',
    symbol: SYMBOL,
    seq,
    prev_seq: prevSeq,
    bids: changes.bids ?? [],
    asks: changes.asks ?? [],
    checksum: checksumOf(after),
    timestamp: T0_US,
  };
}

export function ticker(timeUs: number, last: number, bid = last - 0.5, ask = last + 0.5): TickerMessage {
  return { type: 'ticker', timestamp: timeUs, symbol: SYMBOL, last_price: last, bid_price: bid, ask_price: ask, bid_size: 1, ask_size: 2, volume_24h: 10, trade_count: 3 };
}

export function trade(id: number, price: number, side: 'buy' | 'sell' = 'buy', timeUs = T0_US): TradeMessage {
  return { type: 'trade', symbol: SYMBOL, seq: id, trade_id: id, price, size: 0.5, side, timestamp: timeUs };
}

export function candle(interval: '1s' | '1m', openTimeUs: number, close: number, closed = false): CandleMessage {
  return { type: 'candle', symbol: SYMBOL, interval, open_time: openTimeUs, open: close - 1, high: close + 1, low: close - 2, close, volume: 3, trade_count: 2, closed };
}

export function status(paused: boolean, speed = 10): StatusMessage {
  return { type: 'status', sim_time: T0_US, speed, paused, clients: 2, events_per_s: 150 };
}
