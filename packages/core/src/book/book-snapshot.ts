import type { BookLevel } from '../domain/market-data.js';
import type { Side } from '../domain/order.js';
import type { BookDepth, BookLevelsView } from './book-view.js';
import { sizeAtPrice, topLevels } from './level-tree.js';
import type { LevelTree } from './level-tree.js';

/** What a snapshot copies from the live book: scalars and the two level trees it clones. */
export interface SnapshotSource {
  readonly symbol: string;
  readonly seq: number;
  readonly timeUs: number;
  readonly lastTradePriceTicks: number;
  readonly tradeCount: number;
  readonly bestBid: BookLevel | undefined;
  readonly bestAsk: BookLevel | undefined;
  readonly bidTree: LevelTree;
  readonly askTree: LevelTree;
}

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
 * one is O(1): it holds `clone()`s of the two sorted-btrees, which share every node with the live
 * book until the book writes to one (copy-on-write), and the level summaries inside are immutable.
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

  constructor(source: SnapshotSource) {
    this.symbol = source.symbol;
    this.seq = source.seq;
    this.timeUs = source.timeUs;
    this.lastTradePriceTicks = source.lastTradePriceTicks;
    this.tradeCount = source.tradeCount;
    this.bestBid = source.bestBid;
    this.bestAsk = source.bestAsk;
    this.bidTree = source.bidTree.clone();
    this.askTree = source.askTree.clone();
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
