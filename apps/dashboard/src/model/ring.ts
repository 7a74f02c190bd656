// A persistent (immutable) bounded ring buffer for history kept in the dashboard store.
//
// Why chunks: the store is updated through immer once per animation frame, and a plain array
// would be copied whole on every append (O(capacity) per frame). Here an append copies only the
// last chunk and the chunk index, and older chunks are shared between versions. Eviction drops
// whole chunks from the front, so memory is bounded by capacity + one chunk, however long the
// tab stays open. Instances are frozen and have no `immerable` mark: immer stores them as
// opaque values and never drafts or re-freezes them.

/** Items per chunk unless a ring is created with another size. */
export const DEFAULT_RING_CHUNK_SIZE = 64;

/** An immutable ring of at most `capacity` items; every update returns a new ring. */
export class Ring<T> {
  readonly capacity: number;
  readonly size: number;
  private readonly chunkSize: number;
  private readonly chunks: readonly (readonly T[])[];
  /** Items of the first chunk already evicted. */
  private readonly head: number;

  private constructor(capacity: number, chunkSize: number, chunks: readonly (readonly T[])[], head: number, size: number) {
    this.capacity = capacity;
    this.chunkSize = chunkSize;
    this.chunks = chunks;
    this.head = head;
    this.size = size;
    Object.freeze(this);
  }

  /** An empty ring holding at most `capacity` items (`capacity` ≥ 1). */
  static empty<T>(capacity: number, chunkSize: number = DEFAULT_RING_CHUNK_SIZE): Ring<T> {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be an integer >= 1 (got ${capacity}) at Ring.empty`);
    }
    if (!Number.isInteger(chunkSize) || chunkSize < 1) {
      throw new RangeError(`chunkSize must be an integer >= 1 (got ${chunkSize}) at Ring.empty`);
    }
    return new Ring<T>(capacity, Math.min(chunkSize, capacity), Object.freeze([]), 0, 0);
  }

  /** A ring with `items` appended; the oldest items are evicted beyond capacity. */
  append(items: readonly T[]): Ring<T> {
    if (items.length === 0) return this;
    const chunks = this.chunks.slice();
    let offset = 0;
    const lastIndex = chunks.length - 1;
    if (lastIndex >= 0 && chunks[lastIndex].length < this.chunkSize) {
      const take = Math.min(this.chunkSize - chunks[lastIndex].length, items.length);
      chunks[lastIndex] = Object.freeze(chunks[lastIndex].concat(items.slice(0, take)));
      offset = take;
    }
    while (offset < items.length) {
      const take = Math.min(this.chunkSize, items.length - offset);
      chunks.push(Object.freeze(items.slice(offset, offset + take)));
      offset += take;
    }
    let size = this.size + items.length;
    let head = this.head;
    if (size > this.capacity) {
      head += size - this.capacity;
      size = this.capacity;
      let drop = 0;
      while (head >= chunks[drop].length && drop < chunks.length - 1) {
        head -= chunks[drop].length;
        drop += 1;
      }
      if (drop > 0) chunks.splice(0, drop);
    }
    return new Ring<T>(this.capacity, this.chunkSize, Object.freeze(chunks), head, size);
  }

  /** A ring with one item appended. */
  push(item: T): Ring<T> {
    return this.append([item]);
  }

  /** A ring whose newest item is replaced (e.g. a candle still forming); appends when empty. */
  replaceLast(item: T): Ring<T> {
    if (this.size === 0) return this.push(item);
    return this.replaceAt(this.size - 1, item);
  }

  /** A ring with the item at `index` (0 = oldest kept) replaced. */
  replaceAt(index: number, item: T): Ring<T> {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) {
      throw new RangeError(`index must be an integer in [0, ${this.size}) (got ${index}) at Ring.replaceAt`);
    }
    const [chunkIndex, within] = this.locate(index);
    const chunk = this.chunks[chunkIndex].slice();
    chunk[within] = item;
    const chunks = this.chunks.slice();
    chunks[chunkIndex] = Object.freeze(chunk);
    return new Ring<T>(this.capacity, this.chunkSize, Object.freeze(chunks), this.head, this.size);
  }

  /** A ring of the oldest `count` items only (the newer ones dropped). */
  truncate(count: number): Ring<T> {
    if (count >= this.size) return this;
    return Ring.empty<T>(this.capacity, this.chunkSize).append(this.slice(0, Math.max(0, count)));
  }

  /** An empty ring of the same capacity. */
  clear(): Ring<T> {
    return this.size === 0 ? this : Ring.empty<T>(this.capacity, this.chunkSize);
  }

  /** The item at `index` (0 = oldest kept; negative counts from the newest), or undefined. */
  at(index: number): T | undefined {
    const i = index < 0 ? this.size + index : index;
    if (i < 0 || i >= this.size) return undefined;
    const [chunkIndex, within] = this.locate(i);
    return this.chunks[chunkIndex][within];
  }

  /** The newest item, or undefined when empty. */
  last(): T | undefined {
    return this.at(this.size - 1);
  }

  /** Items from `start` (inclusive) to `end` (exclusive), oldest first, as a fresh array. */
  slice(start = 0, end: number = this.size): T[] {
    const from = Math.max(0, start < 0 ? this.size + start : start);
    const to = Math.min(this.size, end < 0 ? this.size + end : end);
    const out: T[] = [];
    for (let i = from; i < to; i += 1) {
      const [chunkIndex, within] = this.locate(i);
      out.push(this.chunks[chunkIndex][within]);
    }
    return out;
  }

  /** All items, oldest first. */
  toArray(): T[] {
    return this.slice();
  }

  /**
   * The first index whose key is ≥ `value`, for items sorted by `key` (binary search); `size`
   * when there is none. Used to cut a time window out of a history.
   */
  lowerBound(key: (item: T) => number, value: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (key(this.at(mid) as T) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private locate(index: number): [number, number] {
    // Chunks before the last are always full, and the first is offset by head.
    const absolute = index + this.head;
    const chunkIndex = Math.floor(absolute / this.chunkSize);
    return [chunkIndex, absolute - chunkIndex * this.chunkSize];
  }
}
