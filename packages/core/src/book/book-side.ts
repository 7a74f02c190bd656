import type { Side } from '../domain/order.js';
import { LevelQueue } from './level-queue.js';
import { createLevelTree, levelKey, levelSummary } from './level-tree.js';
import type { LevelSummary, LevelTree } from './level-tree.js';
import type { RestingOrder } from './resting-order.js';

/**
 * One side of the book. Two views of the same levels: `levels`, a sorted-btree of level summaries
 * that snapshots clone (copy-on-write), and `queues`, the mutable FIFOs by price that only the
 * book touches. A queue's changes reach its summary when the engine `publish`es it, once per level
 * per command, so a sweep through a level costs one summary update, not one per fill.
 *
 * Summaries are copy-on-write by epoch: `epoch` moves on whenever the tree's summaries may be
 * held outside the book (a snapshot cloned the tree, a live query handed some out). A summary
 * created in the current epoch is held by no one else, so publish updates it in place: no
 * allocation and no btree write. An older one is replaced by a fresh summary written to the tree,
 * leaving the one the snapshot or caller holds unchanged.
 *
 * Snapshots take the tree object itself (`freeze`), not a clone: the side stops writing to it and
 * clones it (O(1), copy-on-write) on its next write. A side that does not change between two
 * snapshots hands both the same tree, so a snapshot allocates a tree object only per changed side.
 */
export class BookSide {
  readonly side: Side;
  /** +1 for asks, −1 for bids: `sign × a < sign × b` when price a is better than price b. */
  readonly sign: number;
  /** The live level tree. Replaced by a clone on the first write after `freeze` handed it out. */
  levels: LevelTree;
  private readonly queues: Map<number, LevelQueue>;
  /** The best level's queue, kept current so matching and top-of-book reads are O(1). */
  best: LevelQueue | null;
  /** Moves on each time the summaries may have been handed out (see `share`); a safe integer. */
  private epoch: number;
  /** True while `levels` is held by a snapshot: the next write must go to a clone. */
  private frozen: boolean;

  constructor(side: Side) {
    this.side = side;
    this.sign = side === 'sell' ? 1 : -1;
    this.levels = createLevelTree();
    this.queues = new Map();
    this.best = null;
    this.epoch = 0;
    this.frozen = false;
  }

  /**
   * Marks every summary in the tree as held outside the book, so the next change to any level
   * replaces its summary instead of updating it. O(1). Call before cloning the tree or handing out
   * summaries.
   */
  share(): void {
    this.epoch++;
  }

  /**
   * The level tree as of now, for a snapshot to keep: it never changes afterwards, since the side
   * writes to a clone of it from its next change on. O(1), and no allocation.
   */
  freeze(): LevelTree {
    if (!this.frozen) {
      this.frozen = true;
      // The summaries inside are now held outside the book too.
      this.epoch++;
    }
    return this.levels;
  }

  /** The tree to write to: the live one, or a copy-on-write clone of it once a snapshot holds it. */
  private writableLevels(): LevelTree {
    if (this.frozen) {
      this.levels = this.levels.clone();
      this.frozen = false;
    }
    return this.levels;
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
   * Brings the queue's summary in the btree up to date with its totals, or removes the level when
   * it is empty (moving `best` on). Returns the summary, or null when the level is gone.
   * Invariant relied on: when a level is removed, every other non-empty level of this side has
   * been published, so the tree's smallest key is the true best.
   */
  publish(queue: LevelQueue): LevelSummary | null {
    if (queue.orderCount === 0) {
      this.writableLevels().delete(levelKey(this.sign, queue.priceTicks));
      this.queues.delete(queue.priceTicks);
      queue.summary = null;
      if (this.best === queue) this.best = this.levelAfter(queue);
      return null;
    }
    const current = queue.summary;
    if (current !== null && queue.summaryEpoch === this.epoch) {
      // Created since the last share(): no snapshot or caller can hold it.
      current.sizeLots = queue.sizeLots;
      current.orderCount = queue.orderCount;
      return current;
    }
    const summary = levelSummary(queue.priceTicks, queue.sizeLots, queue.orderCount);
    queue.summary = summary;
    queue.summaryEpoch = this.epoch;
    // Replaces the old summary at the same key.
    this.writableLevels().set(levelKey(this.sign, queue.priceTicks), summary);
    return summary;
  }

  /** The next worse level after `queue`'s price, or null. O(log levels). */
  levelAfter(queue: LevelQueue): LevelQueue | null {
    const key = this.levels.nextHigherKey(levelKey(this.sign, queue.priceTicks));
    if (key === undefined) return null;
    return this.queues.get(this.sign * key) ?? null;
  }
}
