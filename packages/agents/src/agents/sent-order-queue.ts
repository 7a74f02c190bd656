// A FIFO of an agent's own orders (id and send time), as a ring that grows by doubling and never
// shrinks. With thousands of agents each order lives a simulated minute, so every queue entry
// outlives a young-generation collection: an array that re-allocates as it is pushed and sliced
// turns each order into promoted garbage, where a ring at its steady size allocates nothing.

const MIN_CAPACITY = 8;

/** Order ids with their send times, oldest first. */
export class SentOrderQueue {
  private ids: (string | undefined)[] = new Array<string | undefined>(MIN_CAPACITY).fill(undefined);
  private timesUs = new Float64Array(MIN_CAPACITY);
  /** Slot of the oldest entry. */
  private head = 0;
  private count = 0;

  /** Number of queued orders. */
  get size(): number {
    return this.count;
  }

  /** Queues an order sent at `timeUs`. */
  push(orderId: string, timeUs: number): void {
    if (this.count === this.ids.length) this.grow();
    const slot = (this.head + this.count) & (this.ids.length - 1);
    this.ids[slot] = orderId;
    this.timesUs[slot] = timeUs;
    this.count++;
  }

  /** Id of the oldest order; only when size > 0. */
  oldestId(): string {
    return this.ids[this.head]!;
  }

  /** Send time of the oldest order; only when size > 0. */
  oldestTimeUs(): number {
    return this.timesUs[this.head]!;
  }

  /** Drops the oldest order (no-op when empty). */
  dropOldest(): void {
    if (this.count === 0) return;
    // Let go of the id: the queue must not keep finished orders' strings alive.
    this.ids[this.head] = undefined;
    this.head = (this.head + 1) & (this.ids.length - 1);
    this.count--;
  }

  /** Empties the queue, keeping its capacity. */
  clear(): void {
    this.ids.fill(undefined);
    this.head = 0;
    this.count = 0;
  }

  private grow(): void {
    const capacity = this.ids.length;
    const ids = new Array<string | undefined>(capacity * 2).fill(undefined);
    const timesUs = new Float64Array(capacity * 2);
    for (let i = 0; i < this.count; i++) {
      const slot = (this.head + i) & (capacity - 1);
      ids[i] = this.ids[slot];
      timesUs[i] = this.timesUs[slot]!;
    }
    this.ids = ids;
    this.timesUs = timesUs;
    this.head = 0;
  }
}
