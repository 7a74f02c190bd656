// A client's copy of one symbol's L2 book, kept from book_snapshot + book_delta messages: detects
// sequence gaps through prev_seq and verifies the checksum after every message. Browser-safe.
// Level arrays are replaced on every change, never mutated, so a UI store (immer, React state)
// may hold them directly.
import { bookChecksum } from './checksum.js';
import type { BookDeltaMessage, BookSnapshotMessage, WireLevel } from './messages.js';

/** Why a book message could not be applied. After any of them, request a snapshot. */
export type BookSyncIssue = 'not_synced' | 'wrong_symbol' | 'gap' | 'checksum_mismatch';

/** The outcome of applying one book message. */
export type BookApplyResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly issue: BookSyncIssue; readonly message: string };

const OK: BookApplyResult = Object.freeze({ ok: true });

/** Applies changes to a sorted side: size 0 removes, otherwise insert or replace; returns a new array. */
function applySide(levels: readonly WireLevel[], changes: readonly WireLevel[], descending: boolean, depth: number): WireLevel[] {
  const next = levels.slice();
  for (const change of changes) {
    const price = change[0];
    // Binary search for the first level not better than `price`.
    let low = 0;
    let high = next.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const better = descending ? next[mid][0] > price : next[mid][0] < price;
      if (better) low = mid + 1;
      else high = mid;
    }
    const found = low < next.length && next[low][0] === price;
    if (change[1] === 0) {
      if (found) next.splice(low, 1);
    } else if (found) {
      next[low] = [price, change[1]];
    } else {
      next.splice(low, 0, [price, change[1]]);
    }
  }
  // The server removes levels that leave the top `depth` explicitly; trimming is a safety net.
  if (next.length > depth) next.length = depth;
  return next;
}

/** One symbol's book as a client holds it. */
export class LocalBook {
  /** The symbol this book follows. */
  readonly symbol: string;
  private bidLevels: readonly WireLevel[] = [];
  private askLevels: readonly WireLevel[] = [];
  private lastSeq = -1;
  private synced = false;
  private bookDepth = 0;
  private priceDecimals = 0;
  private sizeDecimals = 0;
  private lastTimeUs = 0;

  constructor(symbol: string) {
    this.symbol = symbol;
  }

  /** Bids, best (highest) first. Replaced, never mutated, on change. */
  get bids(): readonly WireLevel[] {
    return this.bidLevels;
  }

  /** Asks, best (lowest) first. Replaced, never mutated, on change. */
  get asks(): readonly WireLevel[] {
    return this.askLevels;
  }

  /** Sequence number of the last applied message; -1 before the first snapshot. */
  get seq(): number {
    return this.lastSeq;
  }

  /** Levels per side the subscription carries. */
  get depth(): number {
    return this.bookDepth;
  }

  /** Timestamp (µs) of the last applied message. */
  get timestamp(): number {
    return this.lastTimeUs;
  }

  /** True after a snapshot and until a gap or checksum mismatch; deltas are applied only then. */
  get isSynced(): boolean {
    return this.synced;
  }

  /** The checksum of the book as held now (compare with a message's `checksum`). */
  checksum(): number {
    return bookChecksum(this.bidLevels, this.askLevels, this.priceDecimals, this.sizeDecimals);
  }

  /** Applies a snapshot or a delta. */
  apply(message: BookSnapshotMessage | BookDeltaMessage): BookApplyResult {
    return message.type === 'book_snapshot' ? this.applySnapshot(message) : this.applyDelta(message);
  }

  /** Replaces the book with a snapshot; resynchronises after a gap. */
  applySnapshot(message: BookSnapshotMessage): BookApplyResult {
    if (message.symbol !== this.symbol) return this.wrongSymbol(message.symbol);
    this.bidLevels = message.bids.map((level) => [level[0], level[1]] as WireLevel);
    this.askLevels = message.asks.map((level) => [level[0], level[1]] as WireLevel);
    this.bookDepth = message.depth;
    this.priceDecimals = message.price_decimals;
    this.sizeDecimals = message.size_decimals;
    this.lastSeq = message.seq;
    this.lastTimeUs = message.timestamp;
    this.synced = true;
    return this.verify(message.checksum, message.seq);
  }

  /** Applies a delta when its prev_seq continues this book; otherwise reports a gap. */
  applyDelta(message: BookDeltaMessage): BookApplyResult {
    if (message.symbol !== this.symbol) return this.wrongSymbol(message.symbol);
    if (!this.synced) {
      return { ok: false, issue: 'not_synced', message: `book ${this.symbol} is waiting for a snapshot (delta seq ${message.seq} ignored)` };
    }
    if (message.prev_seq !== this.lastSeq) {
      this.synced = false;
      return {
        ok: false,
        issue: 'gap',
        message: `book ${this.symbol} gap: delta prev_seq ${message.prev_seq} does not follow seq ${this.lastSeq}`,
      };
    }
    if (message.bids.length > 0) this.bidLevels = applySide(this.bidLevels, message.bids, true, this.bookDepth);
    if (message.asks.length > 0) this.askLevels = applySide(this.askLevels, message.asks, false, this.bookDepth);
    this.lastSeq = message.seq;
    this.lastTimeUs = message.timestamp;
    return this.verify(message.checksum, message.seq);
  }

  private verify(expected: number, seq: number): BookApplyResult {
    const actual = this.checksum();
    if (actual === expected) return OK;
    this.synced = false;
    return {
      ok: false,
      issue: 'checksum_mismatch',
      message: `book ${this.symbol} checksum at seq ${seq} is ${actual}, message says ${expected}`,
    };
  }

  private wrongSymbol(symbol: string): BookApplyResult {
    return { ok: false, issue: 'wrong_symbol', message: `book for ${this.symbol} got a message for ${symbol}` };
  }
}
