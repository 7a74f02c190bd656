import type { BookLevel, RestingOrderView } from '../domain/market-data.js';
import type { Side } from '../domain/order.js';
import { BookSide } from './book-side.js';
import { BookSnapshot } from './book-snapshot.js';
import type { BookDepth, BookView } from './book-view.js';
import type { LevelQueue } from './level-queue.js';
import { OrderIndex } from './order-index.js';
import { OrderPool } from './order-pool.js';
import { publishedLevel, sizeAtPrice, topLevels } from './level-tree.js';
import type { RestingOrder } from './resting-order.js';

/**
 * The limit order book of one instrument: two sides of price levels (sorted-btree keyed by
 * integer ticks, FIFO within a level) and an index orderId → resting order for O(1) cancel.
 * It stores and answers; it does not match. The MatchingEngine is its only writer, and hands its
 * users this object typed as the read-only BookView.
 */
export class OrderBook implements BookView {
  readonly symbol: string;
  readonly bids: BookSide;
  readonly asks: BookSide;
  /** Every resting order by id. */
  readonly index: OrderIndex;
  /** Nodes of orders that left the book, for the engine to reuse. */
  readonly pool: OrderPool;
  /** Stamped by the engine after each command. */
  seq: number;
  timeUs: number;
  lastTradePriceTicks: number;
  tradeCount: number;
  /** The last snapshot taken; reused while `seq` has not moved, since nothing can have changed. */
  private lastSnapshot: BookSnapshot | null;

  constructor(symbol: string) {
    this.symbol = symbol;
    this.bids = new BookSide('buy');
    this.asks = new BookSide('sell');
    this.index = new OrderIndex();
    this.pool = new OrderPool();
    this.seq = 0;
    this.timeUs = 0;
    this.lastTradePriceTicks = 0;
    this.tradeCount = 0;
    this.lastSnapshot = null;
  }

  /** The side an order of `side` rests on. */
  sideOf(side: Side): BookSide {
    return side === 'buy' ? this.bids : this.asks;
  }

  /** Indexes the order and appends it to the level at `priceTicks` (publish the returned queue afterwards). */
  rest(order: RestingOrder, priceTicks: number): LevelQueue {
    this.index.add(order);
    return this.sideOf(order.side).append(order, priceTicks);
  }

  /** Unlinks the order from its queue and the index (publish the queue afterwards). */
  remove(queue: LevelQueue, order: RestingOrder): void {
    queue.unlink(order);
    this.index.delete(order);
  }

  get bestBid(): BookLevel | undefined {
    return bestLevel(this.bids);
  }

  get bestAsk(): BookLevel | undefined {
    return bestLevel(this.asks);
  }

  get spreadTicks(): number | undefined {
    const bid = this.bids.best;
    const ask = this.asks.best;
    return bid === null || ask === null ? undefined : ask.priceTicks - bid.priceTicks;
  }

  get midTicks(): number | undefined {
    const bid = this.bids.best;
    const ask = this.asks.best;
    return bid === null || ask === null ? undefined : (ask.priceTicks + bid.priceTicks) / 2;
  }

  get bidLevelCount(): number {
    return this.bids.levelCount;
  }

  get askLevelCount(): number {
    return this.asks.levelCount;
  }

  get orderCount(): number {
    return this.index.size;
  }

  depth(maxLevels: number = Number.POSITIVE_INFINITY): BookDepth {
    return { bids: topLevels(this.bids.levels, null, maxLevels), asks: topLevels(this.asks.levels, null, maxLevels) };
  }

  levels(side: Side, maxLevels: number = Number.POSITIVE_INFINITY): BookLevel[] {
    return topLevels(this.sideOf(side).levels, null, maxLevels);
  }

  volumeAtPrice(side: Side, priceTicks: number): number {
    const bookSide = this.sideOf(side);
    return sizeAtPrice(bookSide.levels, null, bookSide.sign, priceTicks);
  }

  order(orderId: string): RestingOrderView | undefined {
    const order = this.index.get(orderId);
    return order === undefined ? undefined : restingOrderView(order);
  }

  orders(side: Side, maxLevels: number = Number.POSITIVE_INFINITY): RestingOrderView[] {
    const bookSide = this.sideOf(side);
    const result: RestingOrderView[] = [];
    let queue = bookSide.best;
    for (let level = 0; queue !== null && level < maxLevels; level++) {
      for (let order = queue.head; order !== null; order = order.next) result.push(restingOrderView(order));
      queue = bookSide.levelAfter(queue);
    }
    return result;
  }

  snapshot(): BookSnapshot {
    // Every change to the book emits an event and so moves seq: same seq, same book, same snapshot.
    const last = this.lastSnapshot;
    if (last !== null && last.seq === this.seq) return last;
    // Both trees are frozen as they are, and each side logs the sizes the snapshot saw before changing them.
    const bidTree = this.bids.freeze();
    const askTree = this.asks.freeze();
    const bid = this.bids.best;
    const ask = this.asks.best;
    const snapshot = new BookSnapshot(
      this.symbol,
      this.seq,
      this.timeUs,
      this.lastTradePriceTicks,
      this.tradeCount,
      bid === null ? 0 : bid.priceTicks,
      bid === null ? 0 : bid.publishedSizeLots,
      bid === null ? 0 : bid.publishedOrderCount,
      ask === null ? 0 : ask.priceTicks,
      ask === null ? 0 : ask.publishedSizeLots,
      ask === null ? 0 : ask.publishedOrderCount,
      bidTree,
      askTree,
      this.bids.changes.chunk,
      this.bids.changes.chunk.length,
      this.asks.changes.chunk,
      this.asks.changes.chunk.length,
    );
    this.lastSnapshot = snapshot;
    return snapshot;
  }
}

/** The best level of one side as published, as a new BookLevel. */
function bestLevel(side: BookSide): BookLevel | undefined {
  const best = side.best;
  return best === null ? undefined : publishedLevel(best);
}

/** A detached copy of a resting order, safe to hand out. */
function restingOrderView(order: RestingOrder): RestingOrderView {
  return {
    orderId: order.orderId,
    ownerId: order.ownerId,
    side: order.side,
    priceTicks: order.priceTicks,
    sizeLots: order.sizeLots,
    filledLots: order.filledLots,
    timeUs: order.timeUs,
  };
}
