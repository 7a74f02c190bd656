import type { BookLevel } from '../domain/market-data.js';
import type { Side } from '../domain/order.js';
import { LevelQueue } from './level-queue.js';
import { createLevelTree, levelSummary } from './level-tree.js';
import type { LevelTree } from './level-tree.js';
import type { RestingOrder } from './resting-order.js';

/**
 * One side of the book. Two views of the same levels: `levels`, a sorted-btree of immutable
 * summaries that snapshots clone (copy-on-write), and `queues`, the mutable FIFOs by price that
 * only the book touches. A queue's changes reach the tree when the engine `publish`es it, once per
 * level per command, so a sweep through a level costs one btree write, not one per fill.
 */
export class BookSide {
  readonly side: Side;
  /** +1 for asks, −1 for bids: tree keys are sign × priceTicks, best level = smallest key. */
  readonly sign: number;
  readonly levels: LevelTree;
  private readonly queues: Map<number, LevelQueue>;
  /** The best level's queue, kept current so matching and top-of-book reads are O(1). */
  best: LevelQueue | null;

  constructor(side: Side) {
    this.side = side;
    this.sign = side === 'sell' ? 1 : -1;
    this.levels = createLevelTree();
    this.queues = new Map();
    this.best = null;
  }

  /** Number of price levels with resting orders. */
  get levelCount(): number {
    return this.levels.size;
  }

  /** The mutable queue at a price, if the level exists. */
  queueAt(priceTicks: number): LevelQueue | undefined {
    return this.queues.get(priceTicks);
  }

  /** True when `a` is a better price than `b` on this side (higher bid, lower ask). */
  isBetter(aTicks: number, bTicks: number): boolean {
    return this.sign * aTicks < this.sign * bTicks;
  }

  /** Appends the order to the back of the level at `priceTicks`, creating the level if needed. Not yet published. */
  append(order: RestingOrder, priceTicks: number): LevelQueue {
    let queue = this.queues.get(priceTicks);
    if (queue === undefined) {
      queue = new LevelQueue(priceTicks);
      this.queues.set(priceTicks, queue);
      if (this.best === null || this.isBetter(priceTicks, this.best.priceTicks)) this.best = queue;
    }
    queue.append(order);
    return queue;
  }

  /**
   * Writes the queue's totals to the btree as a fresh immutable summary, or removes the level when
   * it is empty (moving `best` on). Returns the new summary, or null when the level is gone.
   * Invariant relied on: when a level is removed, every other non-empty level of this side has
   * been published, so the tree's smallest key is the true best.
   */
  publish(queue: LevelQueue): BookLevel | null {
    const key = this.sign * queue.priceTicks;
    if (queue.orderCount === 0) {
      this.levels.delete(key);
      this.queues.delete(queue.priceTicks);
      queue.summary = null;
      if (this.best === queue) this.best = this.levelAfter(queue);
      return null;
    }
    const summary = levelSummary(queue.priceTicks, queue.sizeLots, queue.orderCount);
    queue.summary = summary;
    this.levels.set(key, summary);
    return summary;
  }

  /** The next worse level after `queue`'s price, or null. O(log levels). */
  levelAfter(queue: LevelQueue): LevelQueue | null {
    const key = this.levels.nextHigherKey(this.sign * queue.priceTicks);
    if (key === undefined) return null;
    return this.queues.get(this.sign * key) ?? null;
  }
}
