import type { BookLevel } from '../domain/market-data.js';
import { levelSummary } from './level-tree.js';

/** Entries per chunk: a chunk is allocated per this many level changes. */
const CHUNK_ENTRIES = 1024;
/** Numbers per entry: tree key, then the level's size and order count before the change. */
const STRIDE = 3;

/** A run of log entries; `next` is the chunk written after this one filled up. */
export class LogChunk {
  readonly entries = new Float64Array(CHUNK_ENTRIES * STRIDE);
  length = 0;
  next: LogChunk | null = null;
}

/**
 * One side's log of level sizes as snapshots saw them. BookSide appends a level's size and order
 * count before its first change after each snapshot (for a level that snapshot has); a snapshot
 * keeps the position the log was at when it was taken, and a level it has reads, from there on,
 * either the first entry for its key (it changed since) or its queue's current summary (it did not).
 *
 * So the book changes a level's size without writing the level tree, where a write after a
 * snapshot copies the path from the root and, with thousands of levels, reads a cold leaf. Entries
 * are numbers in chunks of typed arrays, not summary objects: a chunk lives as long as the oldest
 * snapshot reading it, and objects held from there would outlive the young generation.
 */
export class LevelChangeLog {
  /** The chunk being written. */
  chunk = new LogChunk();

  /** Appends the state of the level at `key` before a change. */
  record(key: number, sizeLots: number, orderCount: number): void {
    let chunk = this.chunk;
    if (chunk.length === CHUNK_ENTRIES) {
      const next = new LogChunk();
      chunk.next = next;
      this.chunk = chunk = next;
    }
    const at = STRIDE * chunk.length++;
    chunk.entries[at] = key;
    chunk.entries[at + 1] = sizeLots;
    chunk.entries[at + 2] = orderCount;
  }
}

/**
 * A snapshot's reading of one side's log from the position it was taken at: the levels that
 * changed since, as they were then. Indexes the entries into a map on the first read after the
 * log moved on, and then only the entries appended since; a snapshot read before any change
 * allocates nothing.
 */
export class LogReader {
  private chunk: LogChunk;
  private index: number;
  private readonly priceSign: number;
  /** Levels changed since the snapshot, by key, as the snapshot saw them; null until needed. */
  private before: Map<number, BookLevel> | null = null;

  /** Reads from entry `index` of `chunk` on (a snapshot's position); `sign` is the side's (+1 asks, −1 bids). */
  constructor(chunk: LogChunk, index: number, sign: number) {
    this.chunk = chunk;
    this.index = index;
    this.priceSign = sign;
  }

  /** The level at `key` as the snapshot saw it, if it changed since; else undefined. */
  summaryAtOpen(key: number): BookLevel | undefined {
    this.catchUp();
    return this.before === null ? undefined : this.before.get(key);
  }

  /** Indexes the entries appended since the last read; the first entry of a key wins. */
  private catchUp(): void {
    let chunk = this.chunk;
    let index = this.index;
    if (index === chunk.length && chunk.next === null) return;
    const before = (this.before ??= new Map());
    for (;;) {
      const entries = chunk.entries;
      for (; index < chunk.length; index++) {
        const key = entries[STRIDE * index]!;
        if (!before.has(key)) before.set(key, levelSummary(this.priceSign * key, entries[STRIDE * index + 1]!, entries[STRIDE * index + 2]!));
      }
      if (chunk.next === null) break;
      chunk = chunk.next;
      index = 0;
    }
    this.chunk = chunk;
    this.index = index;
  }
}
