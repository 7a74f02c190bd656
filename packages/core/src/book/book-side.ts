import type { Side } from '../domain/order.js';
import { LevelChangeLog } from './level-change-log.js';
import { LevelIndex } from './level-index.js';
import { LevelQueue } from './level-queue.js';
import { createLevelTree, levelKey } from './level-tree.js';
import type { LevelTree } from './level-tree.js';
import type { RestingOrder } from './resting-order.js';

/**
 * One side of the book. Two views of the same levels: `levels`, a sorted-btree of the levels'
 * queues by key that snapshots hold (copy-on-write), and `queues`, the same queues by price for
 * the book's own lookups. A queue's changes are published (its published size and order count,
 * what readers see) when the engine `publish`es it, once per level per command, so a sweep
 * through a level costs one update, not one per fill. Readers get BookLevel objects made for
 * them, so nothing they hold ever changes and publishing allocates nothing.
 *
 * Snapshots take the tree object itself (`freeze`), not a clone: the side stops writing to it and
 * clones it (O(1), copy-on-write) on its next new or removed level. A snapshot reads sizes through
 * the queues, so `changes` records each of its levels' published size and order count before the
 * level's first change after the snapshot (the log's position at the snapshot starts its reading).
 * A size change then costs no tree write, which after a snapshot would copy the path from the
 * root (and with thousands of levels read a cold leaf). A side that does not change between two
 * snapshots hands both the same tree.
 */
export class BookSide {
  readonly side: Side;
  /** +1 for asks, −1 for bids: `sign × a < sign × b` when price a is better than price b. */
  readonly sign: number;
  /** The live level tree. Replaced by a clone on the first write after `freeze` handed it out. */
  levels: LevelTree;
  private readonly queues: LevelIndex;
  /** The best level's queue, kept current so matching and top-of-book reads are O(1). */
  best: LevelQueue | null;
  /** True while `levels` is held by a snapshot: the next write must go to a clone. */
  private frozen: boolean;
  /** Levels as snapshots saw them, before their changes since (see the class comment). */
  readonly changes: LevelChangeLog;
  /** Snapshots taken of this side since it was created (freezes that began a new period); a safe integer. */
  private generation: number;
  /** The log's length (over all chunks) at the last freeze: an unchanged side reuses its snapshot tree. */
  private loggedAtFreeze: number;
  /** Entries appended to the log so far. */
  private logged: number;

  constructor(side: Side) {
    this.side = side;
    this.sign = side === 'sell' ? 1 : -1;
    this.levels = createLevelTree();
    this.queues = new LevelIndex();
    this.best = null;
    this.frozen = false;
    this.changes = new LevelChangeLog();
    this.generation = 0;
    this.loggedAtFreeze = 0;
    this.logged = 0;
  }

  /**
   * The level tree as of now, for a snapshot to keep, reading sizes through `changes` from its
   * current position: the tree never changes afterwards (the side writes to a clone of it from its
   * next new or removed level on), and the log records each of its levels before the level
   * changes. O(1), and no allocation.
   */
  freeze(): LevelTree {
    // Unchanged since the last snapshot (a new or removed level would have unfrozen the tree, a
    // changed one would be in the log): that snapshot's tree serves this one as it is.
    if (this.frozen && this.logged === this.loggedAtFreeze) return this.levels;
    this.frozen = true;
    this.generation++;
    this.loggedAtFreeze = this.logged;
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
      this.queues.add(queue);
      if (this.best === null || this.isBetter(priceTicks, this.best.priceTicks)) this.best = queue;
    }
    queue.append(order);
    return queue;
  }

  /**
   * Publishes the queue's totals, or removes the level when it is empty (moving `best` on).
   * Invariant relied on: when a level is removed, every other non-empty level of this side has
   * been published, so the tree's smallest key is the true best.
   */
  publish(queue: LevelQueue): void {
    const key = levelKey(this.sign, queue.priceTicks);
    if (queue.orderCount === 0) {
      this.logBeforeChange(queue, key);
      this.writableLevels().delete(key);
      this.queues.delete(queue);
      queue.bornGeneration = -1;
      if (this.best === queue) this.best = this.levelAfter(queue);
      return;
    }
    if (queue.bornGeneration < 0) {
      // A new level: with removals, the only change that writes the tree.
      queue.bornGeneration = this.generation;
      this.writableLevels().set(key, queue);
    } else {
      this.logBeforeChange(queue, key);
    }
    queue.publishedSizeLots = queue.sizeLots;
    queue.publishedOrderCount = queue.orderCount;
  }

  /**
   * Logs the level's published state before its first change since the last snapshot, if that
   * snapshot has the level (it entered the tree before the snapshot). Older snapshots read on
   * past their own position, so they find it too.
   */
  private logBeforeChange(queue: LevelQueue, key: number): void {
    const generation = this.generation;
    if (queue.bornGeneration < 0 || queue.bornGeneration >= generation || queue.loggedGeneration === generation) return;
    this.changes.record(key, queue.publishedSizeLots, queue.publishedOrderCount);
    this.logged++;
    queue.loggedGeneration = generation;
  }

  /** The next worse level after `queue`'s price, or null. O(log levels). */
  levelAfter(queue: LevelQueue): LevelQueue | null {
    const key = this.levels.nextHigherKey(levelKey(this.sign, queue.priceTicks));
    if (key === undefined) return null;
    return this.queues.get(this.sign * key) ?? null;
  }
}
