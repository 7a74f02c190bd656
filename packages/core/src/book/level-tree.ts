import type { BookLevel } from '../domain/market-data.js';
import { BTree } from './btree.js';

/**
 * One side's L2 levels: BookLevel summaries keyed by `sign × priceTicks` (asks +1, bids −1), so
 * the best level of either side is the smallest key and iterating ascending walks from the best
 * level outwards. A summary never changes once a snapshot or caller can see it (BookSide.publish).
 */
export type LevelTree = BTree<number, BookLevel>;

function compareKeys(a: number, b: number): number {
  return a - b;
}

/** An empty level tree with integer keys. */
export function createLevelTree(): LevelTree {
  return new BTree<number, BookLevel>(undefined, compareKeys);
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
  const pair: [number, BookLevel] = [0, undefined as unknown as BookLevel];
  let key: number | undefined = undefined;
  while (result.length < maxLevels) {
    const next = tree.nextHigherPair(key, pair);
    if (next === undefined) break;
    key = next[0];
    result.push(next[1]);
  }
  return result;
}

/** Resting size at one price of the side keyed with `sign`, 0 when there is no level. */
export function sizeAtPrice(tree: LevelTree, sign: number, priceTicks: number): number {
  const level = tree.get(sign * priceTicks);
  return level === undefined ? 0 : level.sizeLots;
}
