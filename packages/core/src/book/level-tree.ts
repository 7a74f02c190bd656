import type { BookLevel } from '../domain/market-data.js';
import { BTree } from './btree.js';

/**
 * One side's L2 levels: a sorted-btree from key to level summary, ordered best level first. The
 * key is the price times the side's sign (asks +price, bids −price), so ascending keys walk from
 * the best level outwards on both sides and one numeric comparator serves both: a search compares
 * small integers held in each node's key array, never loading the summaries it passes (with
 * thousands of levels those would be cache misses). A summary's price never changes, and neither
 * does its size once a snapshot or caller can see it (BookSide.publish).
 */
export type LevelTree = BTree<number, BookLevel>;

function compareKeys(a: number, b: number): number {
  return a - b;
}

/** An empty level tree (same for both sides: the key carries the side's sign). */
export function createLevelTree(): LevelTree {
  return new BTree<number, BookLevel>(undefined, compareKeys);
}

/** The tree key of the level at `priceTicks` on the side with `sign` (+1 asks, −1 bids). */
export function levelKey(sign: number, priceTicks: number): number {
  return sign * priceTicks;
}

/**
 * The summary object stored in the tree: a BookLevel the book may still update in place until it
 * is handed out (see BookSide.publish). Readers outside the book only ever see it as BookLevel.
 */
export interface LevelSummary extends BookLevel {
  sizeLots: number;
  orderCount: number;
}

/** A new summary; always built here so every one has the same shape. */
export function levelSummary(priceTicks: number, sizeLots: number, orderCount: number): LevelSummary {
  return { priceTicks, sizeLots, orderCount };
}

/** Up to `maxLevels` summaries from the best level outwards. */
export function topLevels(tree: LevelTree, maxLevels: number): BookLevel[] {
  const result: BookLevel[] = [];
  if (!(maxLevels > 0)) return result;
  tree.forEachPair((_key, level) => {
    result.push(level);
    return result.length >= maxLevels ? STOP : undefined;
  });
  return result;
}

const STOP = { break: true };

/** Resting size at one price of the side with `sign`, 0 when there is no level. */
export function sizeAtPrice(tree: LevelTree, sign: number, priceTicks: number): number {
  const level = tree.get(levelKey(sign, priceTicks));
  return level === undefined ? 0 : level.sizeLots;
}
