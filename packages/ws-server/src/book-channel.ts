// The book channel: one view per (symbol, depth) in use, each a chain of messages linked by
// prev_seq. Level events only mark a symbol dirty; once per event-loop turn each of its views is
// diffed against the feed's book and one delta per view is serialised and sent to all its
// subscribers. Snapshots for (re)subscribers come from the view's own last state, so the next
// delta always continues them.
import type { BookLevel } from '@marksim/core';
import { diffSide } from './book-diff.js';
import type { MarketFeed } from './market-feed.js';
import { CHECKSUM_LEVELS, bookChecksum } from './protocol/checksum.js';
import { encodeBookDelta, encodeBookSnapshot, encodeLevels } from './protocol/encode.js';
import type { WireUnits } from './protocol/encode.js';
import { toFrame } from './session.js';
import type { Session } from './session.js';
import { publish } from './symbol-subscribers.js';

interface BookView {
  readonly symbol: string;
  readonly depth: number;
  readonly subscribers: Set<Session>;
  bids: readonly BookLevel[];
  asks: readonly BookLevel[];
  seq: number;
  timeUs: number;
  /** The encoded snapshot of this state, shared by everyone who subscribes before it changes. */
  snapshotFrame: Buffer | null;
}

/** L2 snapshots and deltas for every symbol. */
export class BookChannel {
  private readonly views = new Map<string, Map<number, BookView>>();
  private readonly dirty = new Set<string>();

  constructor(
    private readonly feed: MarketFeed,
    private readonly units: ReadonlyMap<string, WireUnits>,
  ) {}

  /** A level changed; returns true when someone follows the symbol's book (flush needed). */
  markDirty(symbol: string): boolean {
    if (!this.views.has(symbol)) return false;
    this.dirty.add(symbol);
    return true;
  }

  /** Sends one delta per changed view. */
  flush(): void {
    for (const symbol of this.dirty) {
      const views = this.views.get(symbol);
      if (views !== undefined) for (const view of views.values()) this.update(view);
    }
    this.dirty.clear();
  }

  /** Subscribes a session at `depth` (moving it from another depth) and sends the snapshot. */
  subscribe(session: Session, symbol: string, depth: number): void {
    const current = session.bookDepths.get(symbol);
    if (current === depth) return;
    if (current !== undefined) this.unsubscribe(session, symbol);
    let views = this.views.get(symbol);
    if (views === undefined) {
      views = new Map();
      this.views.set(symbol, views);
    }
    let view = views.get(depth);
    if (view === undefined) {
      const book = this.feed.book(symbol, depth);
      view = { symbol, depth, subscribers: new Set(), bids: book.bids, asks: book.asks, seq: book.seq, timeUs: book.timeUs, snapshotFrame: null };
      views.set(depth, view);
    }
    view.subscribers.add(session);
    session.bookDepths.set(symbol, depth);
    session.send(this.snapshotFrame(view), null);
  }

  /** Sends a subscribed session its view's snapshot again; false when it has no book subscription. */
  resend(session: Session, symbol: string): boolean {
    const depth = session.bookDepths.get(symbol);
    const view = depth === undefined ? undefined : this.views.get(symbol)?.get(depth);
    if (view === undefined) return false;
    session.send(this.snapshotFrame(view), null);
    return true;
  }

  /** A snapshot of the live book for a client without a subscription (not part of any chain). */
  oneOff(symbol: string, depth: number): Buffer {
    const book = this.feed.book(symbol, depth);
    return toFrame(encodeBookSnapshot({ symbol, seq: book.seq, timeUs: book.timeUs, bids: book.bids, asks: book.asks }, depth, this.units.get(symbol)!));
  }

  unsubscribe(session: Session, symbol: string): void {
    const depth = session.bookDepths.get(symbol);
    if (depth === undefined) return;
    session.bookDepths.delete(symbol);
    const views = this.views.get(symbol);
    const view = views?.get(depth);
    if (views === undefined || view === undefined) return;
    view.subscribers.delete(session);
    if (view.subscribers.size > 0) return;
    views.delete(depth);
    if (views.size === 0) {
      this.views.delete(symbol);
      this.dirty.delete(symbol);
    }
  }

  /** Forgets a closed session. */
  remove(session: Session): void {
    for (const symbol of [...session.bookDepths.keys()]) this.unsubscribe(session, symbol);
  }

  /** The book changed discontinuously: every view restarts from a fresh snapshot. */
  reset(symbol: string): void {
    const views = this.views.get(symbol);
    if (views === undefined) return;
    this.dirty.delete(symbol);
    for (const view of views.values()) {
      const book = this.feed.book(symbol, view.depth);
      view.bids = book.bids;
      view.asks = book.asks;
      view.seq = book.seq;
      view.timeUs = book.timeUs;
      view.snapshotFrame = null;
      publish(view.subscribers, this.snapshotFrame(view), null);
    }
  }

  private update(view: BookView): void {
    const book = this.feed.book(view.symbol, view.depth);
    const bidChanges = diffSide(view.bids, book.bids, true);
    const askChanges = diffSide(view.asks, book.asks, false);
    if (bidChanges.length === 0 && askChanges.length === 0) return;
    const units = this.units.get(view.symbol)!;
    const checksum = bookChecksum(
      encodeLevels(book.bids.length > CHECKSUM_LEVELS ? book.bids.slice(0, CHECKSUM_LEVELS) : book.bids, units),
      encodeLevels(book.asks.length > CHECKSUM_LEVELS ? book.asks.slice(0, CHECKSUM_LEVELS) : book.asks, units),
      units.priceDecimals,
      units.sizeDecimals,
    );
    const frame = toFrame(
      encodeBookDelta(
        { symbol: view.symbol, seq: book.seq, prevSeq: view.seq, timeUs: book.timeUs, bids: bidChanges, asks: askChanges, checksum },
        units,
      ),
    );
    view.bids = book.bids;
    view.asks = book.asks;
    view.seq = book.seq;
    view.timeUs = book.timeUs;
    view.snapshotFrame = null;
    publish(view.subscribers, frame, null);
  }

  private snapshotFrame(view: BookView): Buffer {
    view.snapshotFrame ??= toFrame(encodeBookSnapshot(view, view.depth, this.units.get(view.symbol)!));
    return view.snapshotFrame;
  }
}
