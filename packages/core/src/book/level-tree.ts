import type { BookLevel } from '../domain/market-data.js';
import { BTree } from './btree.js';

/**
 * One side's L2 levels: a sorted-btree used as a sorted set of level summaries, ordered best level
 * first (asks by rising price, bids by falling price), so iterating ascending walks from the best
 * level outwards. The summaries are the keys and the values are unused: sorted-btree then shares
 * one empty values array between all nodes, so the path copy a write makes after a snapshot
 * copies one array per node instead of two. A summary's price never changes, so the order of the
 * keys is stable; its size does not change either once a snapshot or caller can see it
 * (BookSide.publish).
 */
export type LevelTree = BTree<BookLevel, undefined>;

function compareAsks(a: BookLevel, b: BookLevel): number {
  return a.priceTicks - b.priceTicks;
}

function compareBids(a: BookLevel, b: BookLevel): number {
  return b.priceTicks - a.priceTicks;
}

/** An empty level tree for the side with `sign` (+1 asks, −1 bids). */
export function createLevelTree(sign: number): LevelTree {
  return new BTree<BookLevel, undefined>(undefined, sign > 0 ? compareAsks : compareBids);
}

/**
 * The summary object stored in the tree: a BookLevel the book may still update in place until it
 * is handed out (see BookSide.publish). Readers outside the book only ever see it as BookLevel.
 */
export interface LevelSummary extends BookLevel {
  sizeLots: number;
  orderCount: number;
}

/** A new summary; always built here so every one has the same shape (and the tree's compares stay monomorphic). */
export function levelSummary(priceTicks: number, sizeLots: number, orderCount: number): LevelSummary {
  return { priceTicks, sizeLots, orderCount };
}

// The search key for lookups by price, same shape as a summary. Reused (no allocation per lookup):
// lookups, `delete` and `nextHigherKey` only compare against it, and it is never `set` into a tree.
const PROBE: { priceTicks: number; sizeLots: number; orderCount: number } = { priceTicks: 0, sizeLots: 0, orderCount: 0 };

/** The shared search key for `priceTicks`; valid until the next call, never to be stored. */
export function probeAt(priceTicks: number): BookLevel {
  PROBE.priceTicks = priceTicks;
  return PROBE;
}

/** Up to `maxLevels` summaries from the best level outwards. */
export function topLevels(tree: LevelTree, maxLevels: number): BookLevel[] {
  const result: BookLevel[] = [];
  if (!(maxLevels > 0)) return result;
  let level = tree.minKey();
  while (level !== undefined && result.length < maxLevels) {
    result.push(level);
    level = tree.nextHigherKey(level);
  }
  return result;
}

/** The summary of the level at `priceTicks`, or undefined when there is none. */
export function levelAt(tree: LevelTree, priceTicks: number): BookLevel | undefined {
  const pair = tree.getPairOrNextHigher(probeAt(priceTicks));
  return pair !== undefined && pair[0].priceTicks === priceTicks ? pair[0] : undefined;
}

/** Resting size at one price, 0 when there is no level. */
export function sizeAtPrice(tree: LevelTree, priceTicks: number): number {
  const level = levelAt(tree, priceTicks);
  return level === undefined ? 0 : level.sizeLots;
}
