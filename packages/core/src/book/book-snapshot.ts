import type { BookLevel } from '../domain/market-data.js';
import type { Side } from '../domain/order.js';
import type { BookDepth, BookLevelsView } from './book-view.js';
import { sizeAtPrice, topLevels } from './level-tree.js';
import type { LevelTree } from './level-tree.js';

/** The serialisable form of a snapshot: every field plus all levels of both sides. */
export interface BookSnapshotJson {
  readonly symbol: string;
  readonly seq: number;
  readonly timeUs: number;
  readonly lastTradePriceTicks: number;
  readonly tradeCount: number;
  readonly bids: readonly BookLevel[];
  readonly asks: readonly BookLevel[];
}

/**
 * A read-only L2 view of the book at one sequence number that never changes afterwards. Taking
 * one is O(1) and allocates only this object: it holds the two sorted-btrees the book had frozen
 * (BookSide.freeze), which the book never writes again (it writes to copy-on-write clones that
 * share every unchanged node), and the level summaries inside are immutable.
 */
export class BookSnapshot implements BookLevelsView {
  readonly symbol: string;
  readonly seq: number;
  readonly timeUs: number;
  readonly lastTradePriceTicks: number;
  readonly tradeCount: number;
  readonly bestBid: BookLevel | undefined;
  readonly bestAsk: BookLevel | undefined;
  private readonly bidTree: LevelTree;
  private readonly askTree: LevelTree;

  // Positional parameters, not a source object with getters: this may run after every event.
  /** Trees must be frozen ones (BookSide.freeze): the snapshot keeps them as they are. */
  constructor(
    symbol: string,
    seq: number,
    timeUs: number,
    lastTradePriceTicks: number,
    tradeCount: number,
    bestBid: BookLevel | undefined,
    bestAsk: BookLevel | undefined,
    bidTree: LevelTree,
    askTree: LevelTree,
  ) {
    this.symbol = symbol;
    this.seq = seq;
    this.timeUs = timeUs;
    this.lastTradePriceTicks = lastTradePriceTicks;
    this.tradeCount = tradeCount;
    this.bestBid = bestBid;
    this.bestAsk = bestAsk;
    this.bidTree = bidTree;
    this.askTree = askTree;
  }

  get spreadTicks(): number | undefined {
    const bid = this.bestBid;
    const ask = this.bestAsk;
    return bid === undefined || ask === undefined ? undefined : ask.priceTicks - bid.priceTicks;
  }

  get midTicks(): number | undefined {
    const bid = this.bestBid;
    const ask = this.bestAsk;
    return bid === undefined || ask === undefined ? undefined : (ask.priceTicks + bid.priceTicks) / 2;
  }

  get bidLevelCount(): number {
    return this.bidTree.size;
  }

  get askLevelCount(): number {
    return this.askTree.size;
  }

  depth(maxLevels: number = Number.POSITIVE_INFINITY): BookDepth {
    return { bids: topLevels(this.bidTree, maxLevels), asks: topLevels(this.askTree, maxLevels) };
  }

  levels(side: Side, maxLevels: number = Number.POSITIVE_INFINITY): BookLevel[] {
    return topLevels(side === 'buy' ? this.bidTree : this.askTree, maxLevels);
  }

  volumeAtPrice(side: Side, priceTicks: number): number {
    return side === 'buy' ? sizeAtPrice(this.bidTree, -1, priceTicks) : sizeAtPrice(this.askTree, 1, priceTicks);
  }

  /** Every field and all levels, for logs, tests and wire encoders. */
  toJSON(): BookSnapshotJson {
    return {
      symbol: this.symbol,
      seq: this.seq,
      timeUs: this.timeUs,
      lastTradePriceTicks: this.lastTradePriceTicks,
      tradeCount: this.tradeCount,
      bids: topLevels(this.bidTree, Number.POSITIVE_INFINITY),
      asks: topLevels(this.askTree, Number.POSITIVE_INFINITY),
    };
  }
}
