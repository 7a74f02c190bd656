import type { BookLevel } from '../domain/market-data.js';
import type { Side } from '../domain/order.js';
import type { BookDepth, BookLevelsView } from './book-view.js';
import { levelSummary, sizeAtPrice, topLevels } from './level-tree.js';
import { LogReader } from './level-change-log.js';
import type { LogChunk } from './level-change-log.js';
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
 * one is O(1) and allocates only this object: it holds the two sorted-btrees of level queues the
 * book had frozen (BookSide.freeze), which the book never writes again (it writes to copy-on-write
 * clones that share every unchanged node), and each side's change-log position at that moment. A
 * level changed since is read from the log, as it was then; any other from its queue's published
 * totals. The best levels are kept as numbers. Levels are handed out as new objects, so nothing a
 * reader holds changes.
 */
export class BookSnapshot implements BookLevelsView {
  readonly symbol: string;
  readonly seq: number;
  readonly timeUs: number;
  readonly lastTradePriceTicks: number;
  readonly tradeCount: number;
  // The best levels as numbers (price 0: the side is empty); objects are made when asked for.
  private readonly bidPriceTicks: number;
  private readonly bidSizeLots: number;
  private readonly bidOrderCount: number;
  private readonly askPriceTicks: number;
  private readonly askSizeLots: number;
  private readonly askOrderCount: number;
  private bidLevel: BookLevel | null = null;
  private askLevel: BookLevel | null = null;
  private readonly bidTree: LevelTree;
  private readonly askTree: LevelTree;
  // Change-log positions; readers are made at the first depth read.
  private readonly bidChunk: LogChunk;
  private readonly bidIndex: number;
  private readonly askChunk: LogChunk;
  private readonly askIndex: number;
  private bidReader: LogReader | null = null;
  private askReader: LogReader | null = null;

  // Positional parameters, not a source object with getters: this may run after every event.
  /** Trees must be frozen ones (BookSide.freeze), each with its side's change-log chunk and length right after. */
  constructor(
    symbol: string,
    seq: number,
    timeUs: number,
    lastTradePriceTicks: number,
    tradeCount: number,
    bidPriceTicks: number,
    bidSizeLots: number,
    bidOrderCount: number,
    askPriceTicks: number,
    askSizeLots: number,
    askOrderCount: number,
    bidTree: LevelTree,
    askTree: LevelTree,
    bidChunk: LogChunk,
    bidIndex: number,
    askChunk: LogChunk,
    askIndex: number,
  ) {
    this.symbol = symbol;
    this.seq = seq;
    this.timeUs = timeUs;
    this.lastTradePriceTicks = lastTradePriceTicks;
    this.tradeCount = tradeCount;
    this.bidPriceTicks = bidPriceTicks;
    this.bidSizeLots = bidSizeLots;
    this.bidOrderCount = bidOrderCount;
    this.askPriceTicks = askPriceTicks;
    this.askSizeLots = askSizeLots;
    this.askOrderCount = askOrderCount;
    this.bidTree = bidTree;
    this.askTree = askTree;
    this.bidChunk = bidChunk;
    this.bidIndex = bidIndex;
    this.askChunk = askChunk;
    this.askIndex = askIndex;
  }

  private bidLog(): LogReader {
    return (this.bidReader ??= new LogReader(this.bidChunk, this.bidIndex, -1));
  }

  private askLog(): LogReader {
    return (this.askReader ??= new LogReader(this.askChunk, this.askIndex, 1));
  }

  get bestBid(): BookLevel | undefined {
    if (this.bidPriceTicks === 0) return undefined;
    return (this.bidLevel ??= levelSummary(this.bidPriceTicks, this.bidSizeLots, this.bidOrderCount));
  }

  get bestAsk(): BookLevel | undefined {
    if (this.askPriceTicks === 0) return undefined;
    return (this.askLevel ??= levelSummary(this.askPriceTicks, this.askSizeLots, this.askOrderCount));
  }

  get spreadTicks(): number | undefined {
    const bid = this.bidPriceTicks;
    const ask = this.askPriceTicks;
    return bid === 0 || ask === 0 ? undefined : ask - bid;
  }

  get midTicks(): number | undefined {
    const bid = this.bidPriceTicks;
    const ask = this.askPriceTicks;
    return bid === 0 || ask === 0 ? undefined : (ask + bid) / 2;
  }

  get bidLevelCount(): number {
    return this.bidTree.size;
  }

  get askLevelCount(): number {
    return this.askTree.size;
  }

  depth(maxLevels: number = Number.POSITIVE_INFINITY): BookDepth {
    return { bids: topLevels(this.bidTree, this.bidLog(), maxLevels), asks: topLevels(this.askTree, this.askLog(), maxLevels) };
  }

  levels(side: Side, maxLevels: number = Number.POSITIVE_INFINITY): BookLevel[] {
    return side === 'buy' ? topLevels(this.bidTree, this.bidLog(), maxLevels) : topLevels(this.askTree, this.askLog(), maxLevels);
  }

  volumeAtPrice(side: Side, priceTicks: number): number {
    return side === 'buy' ? sizeAtPrice(this.bidTree, this.bidLog(), -1, priceTicks) : sizeAtPrice(this.askTree, this.askLog(), 1, priceTicks);
  }

  /** Every field and all levels, for logs, tests and wire encoders. */
  toJSON(): BookSnapshotJson {
    return {
      symbol: this.symbol,
      seq: this.seq,
      timeUs: this.timeUs,
      lastTradePriceTicks: this.lastTradePriceTicks,
      tradeCount: this.tradeCount,
      bids: topLevels(this.bidTree, this.bidLog(), Number.POSITIVE_INFINITY),
      asks: topLevels(this.askTree, this.askLog(), Number.POSITIVE_INFINITY),
    };
  }
}
