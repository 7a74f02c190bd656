// The dashboard's local copy of one symbol's L2 book, kept in sync with the feed: a snapshot,
// then deltas whose prev_seq must equal the seq we hold, each verified against the server's
// checksum (the protocol package's `bookChecksum`, so the rule lives in one place). Any gap or mismatch puts the book in `resyncing` and counts a resync request; the
// store sees the counter move and asks the server for a fresh snapshot. These functions mutate
// an immer draft, so they are only called inside `produce` (see reducer.ts).

import type { Draft } from 'immer';
import { bookChecksum, type BookDeltaMessage, type BookSnapshotMessage, type WireLevel } from '@marksim/ws-server/protocol';

/** How a level last changed, for the ladder's flash. */
export type LevelChange = 'none' | 'new' | 'up' | 'down';

/** One price level as the ladder shows it. */
export interface BookLevel {
  readonly price: number;
  readonly size: number;
  /** Store batch in which the size last changed (0 for levels from a snapshot). */
  readonly changedBatch: number;
  readonly change: LevelChange;
}

/** `waiting`: no snapshot yet; `live`: in sync; `resyncing`: a fresh snapshot is awaited. */
export type BookSync = 'waiting' | 'live' | 'resyncing';

/** The local book and its sync bookkeeping. */
export interface BookState {
  readonly symbol: string | null;
  readonly sync: BookSync;
  /** Sequence number of the last book message applied. */
  readonly seq: number;
  /** Levels per side the server sends; deeper levels are trimmed as the server does. */
  readonly depth: number;
  /** Decimals of prices and sizes as the snapshot states them; the checksum writes numbers so. */
  readonly priceDecimals: number;
  readonly sizeDecimals: number;
  /** Best first (descending prices). */
  readonly bids: readonly BookLevel[];
  /** Best first (ascending prices). */
  readonly asks: readonly BookLevel[];
  /** null before the first verification; then whether our checksum equalled the server's. */
  readonly checksumOk: boolean | null;
  readonly lastChecksum: number | null;
  readonly snapshots: number;
  readonly deltas: number;
  readonly gaps: number;
  readonly checksumFailures: number;
  /** Incremented each time a fresh snapshot is needed; the store sends one request per step. */
  readonly resyncRequests: number;
  /** Why the last resync was needed, for the status line. */
  readonly lastProblem: string | null;
}

/** A book with nothing in it, waiting for its first snapshot. */
export function emptyBook(symbol: string | null = null): BookState {
  return {
    symbol,
    sync: 'waiting',
    seq: 0,
    depth: 0,
    priceDecimals: 0,
    sizeDecimals: 0,
    bids: [],
    asks: [],
    checksumOk: null,
    lastChecksum: null,
    snapshots: 0,
    deltas: 0,
    gaps: 0,
    checksumFailures: 0,
    resyncRequests: 0,
    lastProblem: null,
  };
}

function levelsFrom(levels: readonly WireLevel[]): BookLevel[] {
  const out: BookLevel[] = [];
  for (const [price, size] of levels) {
    if (size > 0) out.push({ price, size, changedBatch: 0, change: 'none' });
  }
  return out;
}

function pairs(levels: readonly BookLevel[]): WireLevel[] {
  const out: WireLevel[] = [];
  for (const level of levels) out.push([level.price, level.size]);
  return out;
}

/** Our checksum of the book as held. */
export function localChecksum(book: Pick<BookState, 'bids' | 'asks' | 'priceDecimals' | 'sizeDecimals'>): number {
  return bookChecksum(pairs(book.bids), pairs(book.asks), book.priceDecimals, book.sizeDecimals);
}

function verify(book: Draft<BookState>, serverChecksum: number, what: string): void {
  const ours = localChecksum(book);
  book.lastChecksum = serverChecksum;
  if (ours === serverChecksum) {
    book.checksumOk = true;
    return;
  }
  book.checksumOk = false;
  book.checksumFailures += 1;
  requestResync(book, `checksum mismatch after ${what} seq ${book.seq} (ours ${ours}, server ${serverChecksum})`);
}

/** Marks the book stale and asks (through the store) for a fresh snapshot; one request per stale period. */
export function requestResync(book: Draft<BookState>, reason: string): void {
  book.lastProblem = reason;
  if (book.sync === 'resyncing') return;
  book.sync = 'resyncing';
  book.resyncRequests += 1;
}

/** Forget the book (reconnect or symbol change): the server's next snapshot rebuilds it. */
export function resetBook(book: Draft<BookState>, symbol: string | null): void {
  book.symbol = symbol;
  book.sync = 'waiting';
  book.seq = 0;
  book.bids = [];
  book.asks = [];
  book.checksumOk = null;
}

/** Replaces the book with a snapshot and verifies it. */
export function applySnapshot(book: Draft<BookState>, message: BookSnapshotMessage): void {
  book.symbol = message.symbol;
  book.seq = message.seq;
  book.depth = message.depth;
  book.priceDecimals = message.price_decimals;
  book.sizeDecimals = message.size_decimals;
  book.bids = levelsFrom(message.bids);
  book.asks = levelsFrom(message.asks);
  book.snapshots += 1;
  book.sync = 'live';
  verify(book, message.checksum, 'snapshot');
}

/** Index of `price` in a best-first side, or the index where it would be inserted (negated − 1). */
function search(levels: readonly BookLevel[], price: number, descending: boolean): number {
  let lo = 0;
  let hi = levels.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const midPrice = levels[mid].price;
    if (midPrice === price) return mid;
    const before = descending ? midPrice > price : midPrice < price;
    if (before) lo = mid + 1;
    else hi = mid - 1;
  }
  return -lo - 1;
}

function applySide(levels: Draft<BookLevel>[], changes: readonly WireLevel[], descending: boolean, batchId: number): void {
  for (const [price, size] of changes) {
    const index = search(levels, price, descending);
    if (index >= 0) {
      if (size <= 0) levels.splice(index, 1);
      else {
        const previous = levels[index].size;
        levels[index] = { price, size, changedBatch: batchId, change: size > previous ? 'up' : size < previous ? 'down' : 'none' };
      }
    } else if (size > 0) {
      levels.splice(-index - 1, 0, { price, size, changedBatch: batchId, change: 'new' });
    }
  }
}

/**
 * Applies a delta if it continues our sequence; otherwise records a gap and requests a resync.
 * Deltas that arrive while waiting for a snapshot are ignored (the snapshot supersedes them).
 */
export function applyDelta(book: Draft<BookState>, message: BookDeltaMessage, batchId: number): void {
  if (book.sync !== 'live') return;
  if (message.prev_seq !== book.seq) {
    book.gaps += 1;
    requestResync(book, `sequence gap: expected prev_seq ${book.seq}, got ${message.prev_seq} (seq ${message.seq})`);
    return;
  }
  applySide(book.bids, message.bids, true, batchId);
  applySide(book.asks, message.asks, false, batchId);
  // The server sends only its top `depth` levels; a level pushed below that is no longer ours.
  if (book.depth > 0) {
    if (book.bids.length > book.depth) book.bids.splice(book.depth);
    if (book.asks.length > book.depth) book.asks.splice(book.depth);
  }
  book.seq = message.seq;
  book.deltas += 1;
  verify(book, message.checksum, 'delta');
}

/** Best bid, best ask and mid, or nulls when a side is empty. */
export function bestPrices(book: Pick<BookState, 'bids' | 'asks'>): { bid: number | null; ask: number | null; mid: number | null } {
  const bid = book.bids.length > 0 ? book.bids[0].price : null;
  const ask = book.asks.length > 0 ? book.asks[0].price : null;
  return { bid, ask, mid: bid !== null && ask !== null ? (bid + ask) / 2 : null };
}
