import type { RestingOrder } from './resting-order.js';

// Smallest table; always a power of two so a hash maps to a slot with a mask.
const MIN_CAPACITY = 1024;
// Grow when more than 3/4 of the slots are used. Hashes sit 16 to a cache line, so even long
// linear probes stay within one or two lines.
const MAX_LOAD_NUMERATOR = 3;
const MAX_LOAD_DENOMINATOR = 4;

/**
 * FNV-1a over the UTF-16 code units, then murmur3's finaliser to spread the bits; never 0
 * (0 marks an empty slot).
 */
function hashOrderId(orderId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < orderId.length; i++) hash = Math.imul(hash ^ orderId.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash === 0 ? 1 : hash;
}

/**
 * The index orderId → resting order: an open-addressing hash table with linear probing and
 * backward-shift deletion. It does the job of a `Map<string, RestingOrder>` with fewer cache
 * misses, which is what a deep book's cancels and duplicate-id checks pay for: a probe reads the
 * 32-bit hashes packed in an Int32Array and touches an order only when its full hash matches,
 * where a Map walks a bucket chain and loads every candidate key string. The key is the order's
 * own `orderId`, so the table stores one reference per slot.
 */
export class OrderIndex {
  private hashes: Int32Array;
  private orders: (RestingOrder | null)[];
  private mask: number;
  private count: number;
  // What the last `get` learnt, kept until the table next changes: engines look an id up and then
  // add it (new order: the miss ended at the very empty slot an insert would take) or delete it
  // (cancel: the hit's slot), so the second call needs no second hash and probe.
  /** Id of the last lookup, or null once the table changed since. */
  private lastId: string | null;
  /** Its hash. */
  private lastHash: number;
  /** The slot it was found in, or the empty slot its probe ended at. */
  private lastSlot: number;
  /** What it found. */
  private lastOrder: RestingOrder | null;

  constructor() {
    this.hashes = new Int32Array(MIN_CAPACITY);
    this.orders = new Array<RestingOrder | null>(MIN_CAPACITY).fill(null);
    this.mask = MIN_CAPACITY - 1;
    this.count = 0;
    this.lastId = null;
    this.lastHash = 0;
    this.lastSlot = 0;
    this.lastOrder = null;
  }

  /** Number of orders indexed. */
  get size(): number {
    return this.count;
  }

  /** The resting order with this id, or undefined. */
  get(orderId: string): RestingOrder | undefined {
    const hash = hashOrderId(orderId);
    const hashes = this.hashes;
    const mask = this.mask;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const stored = hashes[slot];
      if (stored === 0) return this.remember(orderId, hash, slot, null);
      if (stored === hash) {
        const order = this.orders[slot] as RestingOrder;
        if (order.orderId === orderId) return this.remember(orderId, hash, slot, order);
      }
    }
  }

  private remember(orderId: string, hash: number, slot: number, order: RestingOrder | null): RestingOrder | undefined {
    this.lastId = orderId;
    this.lastHash = hash;
    this.lastSlot = slot;
    this.lastOrder = order;
    return order === null ? undefined : order;
  }

  /** True when an order with this id rests. */
  has(orderId: string): boolean {
    return this.get(orderId) !== undefined;
  }

  /** Indexes an order under its orderId; the id must not be indexed already. */
  add(order: RestingOrder): void {
    if ((this.count + 1) * MAX_LOAD_DENOMINATOR > this.hashes.length * MAX_LOAD_NUMERATOR) this.grow();
    if (this.lastId === order.orderId && this.lastOrder === null) {
      // The last lookup missed this id at an empty slot and nothing changed since: that slot.
      this.hashes[this.lastSlot] = this.lastHash;
      this.orders[this.lastSlot] = order;
    } else {
      this.insert(hashOrderId(order.orderId), order);
    }
    this.lastId = null;
    this.count++;
  }

  /** Removes an indexed order (found by identity, so no key comparison is needed). */
  delete(order: RestingOrder): void {
    const hashes = this.hashes;
    const orders = this.orders;
    const mask = this.mask;
    let slot = this.lastId !== null && this.lastOrder === order ? this.lastSlot : hashOrderId(order.orderId) & mask;
    while (orders[slot] !== order) {
      if (hashes[slot] === 0) return;
      slot = (slot + 1) & mask;
    }
    this.lastId = null;
    this.lastOrder = null;
    // Backward-shift deletion: pull later members of the probe run into the hole, so lookups
    // never need tombstones and the table never degrades under churn.
    let hole = slot;
    for (let next = (hole + 1) & mask; hashes[next] !== 0; next = (next + 1) & mask) {
      const home = hashes[next] & mask;
      // The entry at `next` may fill the hole unless its home lies cyclically in (hole, next].
      const stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
      if (!stays) {
        hashes[hole] = hashes[next];
        orders[hole] = orders[next];
        hole = next;
      }
    }
    hashes[hole] = 0;
    orders[hole] = null;
    this.count--;
  }

  /** Calls `visit` for every indexed order, in no particular order. */
  forEach(visit: (order: RestingOrder) => void): void {
    const orders = this.orders;
    for (let slot = 0; slot < orders.length; slot++) {
      const order = orders[slot];
      if (order !== null) visit(order);
    }
  }

  private insert(hash: number, order: RestingOrder): void {
    const hashes = this.hashes;
    const mask = this.mask;
    let slot = hash & mask;
    while (hashes[slot] !== 0) slot = (slot + 1) & mask;
    hashes[slot] = hash;
    this.orders[slot] = order;
  }

  private grow(): void {
    const oldHashes = this.hashes;
    const oldOrders = this.orders;
    const capacity = oldHashes.length * 2;
    this.lastId = null;
    this.lastOrder = null;
    this.hashes = new Int32Array(capacity);
    this.orders = new Array<RestingOrder | null>(capacity).fill(null);
    this.mask = capacity - 1;
    for (let slot = 0; slot < oldOrders.length; slot++) {
      const order = oldOrders[slot];
      if (order !== null) this.insert(oldHashes[slot], order);
    }
  }
}
