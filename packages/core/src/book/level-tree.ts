import type { BookLevel } from '../domain/market-data.js';
import { BTree } from './btree.js';
import type { LogReader } from './level-change-log.js';
import type { LevelQueue } from './level-queue.js';

/**
 * One side's price levels: a sorted-btree from key to the level's queue, ordered best level
 * first. The key is the price times the side's sign (asks +price, bids −price), so ascending keys
 * walk from the best level outwards on both sides and one numeric comparator serves both: a search
 * compares small integers held in each node's key array, never loading the queues it passes (with
 * thousands of levels those would be cache misses). The tree changes only when a level appears or
 * goes; sizes live in the queues' summaries, and a snapshot reads the sizes it saw through the
 * side's LevelChangeLog (BookSide.publish).
 */
export type LevelTree = BTree<number, LevelQueue>;

function compareKeys(a: number, b: number): number {
  return a - b;
}

/** An empty level tree (same for both sides: the key carries the side's sign). */
export function createLevelTree(): LevelTree {
  return new BTree<number, LevelQueue>(undefined, compareKeys);
}

/** The tree key of the level at `priceTicks` on the side with `sign` (+1 asks, −1 bids). */
export function levelKey(sign: number, priceTicks: number): number {
  return sign * priceTicks;
}

/** A new BookLevel for a reader; always built here so every one has the same shape. */
export function levelSummary(priceTicks: number, sizeLots: number, orderCount: number): BookLevel {
  return { priceTicks, sizeLots, orderCount };
}

/** The level of `queue` as published, as a new BookLevel. */
export function publishedLevel(queue: LevelQueue): BookLevel {
  return levelSummary(queue.priceTicks, queue.publishedSizeLots, queue.publishedOrderCount);
}

/**
 * The level at `key` (its queue in the tree) as `log` saw it: as a snapshot saw it when its
 * reader is given, or as it is now for the live book (null).
 */
function summaryOf(log: LogReader | null, key: number, queue: LevelQueue): BookLevel {
  // A queue that changed or left since the snapshot is in the log.
  return (log === null ? undefined : log.summaryAtOpen(key)) ?? publishedLevel(queue);
}

/** Up to `maxLevels` summaries from the best level outwards (see summaryOf for `log`). */
export function topLevels(tree: LevelTree, log: LogReader | null, maxLevels: number): BookLevel[] {
  const result: BookLevel[] = [];
  if (!(maxLevels > 0)) return result;
  tree.forEachPair((key, queue) => {
    result.push(summaryOf(log, key, queue));
    return result.length >= maxLevels ? STOP : undefined;
  });
  return result;
}

const STOP = { break: true };

/** Resting size at one price of the side with `sign`, 0 when there is no level (see summaryOf for `log`). */
export function sizeAtPrice(tree: LevelTree, log: LogReader | null, sign: number, priceTicks: number): number {
  const key = levelKey(sign, priceTicks);
  const queue = tree.get(key);
  return queue === undefined ? 0 : summaryOf(log, key, queue).sizeLots;
}
