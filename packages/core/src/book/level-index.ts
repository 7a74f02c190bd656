import type { LevelQueue } from './level-queue.js';

const MIN_SLOTS = 256;
/** Enough for a book whose levels span 65 536 ticks (±327 USD at a 0.01 tick) without collisions. */
const MAX_SLOTS = 1 << 16;

/**
 * One side's levels by price: a direct-mapped table indexed by the price's low bits, with a Map
 * for the rare level whose slot another price holds. A book's levels crowd a band of prices around
 * the touch, so at a fourth full or less nearly every level has its own slot, and finding the level
 * a new order joins reads one slot and the queue; a Map reads a bucket and the entries along its
 * chain first, which with thousands of levels are cache misses.
 */
export class LevelIndex {
  private slots: (LevelQueue | undefined)[] = new Array<LevelQueue | undefined>(MIN_SLOTS).fill(undefined);
  private mask = MIN_SLOTS - 1;
  private readonly overflow = new Map<number, LevelQueue>();
  private count = 0;

  /** The level at `priceTicks`, if there is one. */
  get(priceTicks: number): LevelQueue | undefined {
    const queue = this.slots[priceTicks & this.mask];
    if (queue !== undefined && queue.priceTicks === priceTicks) return queue;
    return this.overflow.size === 0 ? undefined : this.overflow.get(priceTicks);
  }

  /** Adds a level; its price must not have one already. */
  add(queue: LevelQueue): void {
    if (++this.count * 4 > this.slots.length && this.slots.length < MAX_SLOTS) this.grow();
    this.place(queue);
  }

  /** Removes a level that was added. */
  delete(queue: LevelQueue): void {
    this.count--;
    const slot = queue.priceTicks & this.mask;
    if (this.slots[slot] === queue) this.slots[slot] = undefined;
    else this.overflow.delete(queue.priceTicks);
  }

  private place(queue: LevelQueue): void {
    const slot = queue.priceTicks & this.mask;
    if (this.slots[slot] === undefined) this.slots[slot] = queue;
    else this.overflow.set(queue.priceTicks, queue);
  }

  private grow(): void {
    const queues = [...this.slots.filter((queue) => queue !== undefined), ...this.overflow.values()];
    const size = this.slots.length * 2;
    this.slots = new Array<LevelQueue | undefined>(size).fill(undefined);
    this.mask = size - 1;
    this.overflow.clear();
    for (const queue of queues) this.place(queue);
  }
}
