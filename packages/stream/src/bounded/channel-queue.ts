import type { DeliveryPolicy, StreamGap, StreamItem, SubscriberCounters } from './types.js';

/** Running totals of the stream that every queue adds to (shared, so reads are O(1)). */
export interface StreamTotals {
  delivered: number;
  dropped: number;
  conflated: number;
}

/** Told when a full `wait` queue gets room again, so the producer's promise can resolve. */
export interface DrainListener {
  queueDrained(queue: ChannelQueue): void;
}

/** The subscription a queue belongs to: woken after an offer when its consumer is parked. */
export interface QueueOwner {
  readonly parked: boolean;
  wake(): void;
}

const POLICY_CONFLATE = 0;
const POLICY_DROP_OLDEST = 1;
const POLICY_WAIT = 2;
const POLICY_CODES: Record<DeliveryPolicy, number> = {
  conflate: POLICY_CONFLATE,
  'drop-oldest': POLICY_DROP_OLDEST,
  wait: POLICY_WAIT,
};

/** Ring slots a queue starts with; it doubles up to its capacity, so idle subscribers stay small. */
const INITIAL_SLOTS = 16;

function defaultKeyOf(item: unknown): unknown {
  return item !== null && typeof item === 'object' ? (item as { symbol?: unknown }).symbol : item;
}

/** Settings a queue is built from (validated by the subscription). */
export interface ChannelQueueSettings {
  readonly channel: string;
  readonly policy: DeliveryPolicy;
  readonly capacity: number;
  readonly keyOf?: (item: never) => unknown;
  readonly filter?: (item: never) => boolean;
}

/**
 * One subscriber's queue for one channel: a ring buffer with absolute head/tail counters, so
 * offer and take are O(1) with no shift() and no per-item allocation. Conflation keeps, per
 * key, the absolute index of the queued item and overwrites it in place (the slot keeps its
 * place in line, so a busy key cannot starve the others).
 */
export class ChannelQueue {
  readonly channel: string;
  readonly policy: DeliveryPolicy;
  readonly capacity: number;
  readonly owner: QueueOwner;
  /** True while this `wait` queue is full and the producer has been told to wait. */
  blocking = false;

  private readonly policyCode: number;
  private readonly keyOf: (item: unknown) => unknown;
  private readonly filter: ((item: unknown) => boolean) | undefined;
  private readonly totals: StreamTotals;
  private readonly drain: DrainListener;
  private ring: (StreamItem | undefined)[];
  /** Publish seq of the item first queued in each slot: the merge order across channels. */
  private orders: number[];
  /** Conflation key of each slot (conflate only). */
  private keys: unknown[];
  private mask: number;
  private head = 0;
  private tail = 0;
  private readonly keyIndex: Map<unknown, number> | undefined;
  private pendingGap = 0;
  private gapOrder = 0;
  private readonly counters: SubscriberCounters = { published: 0, delivered: 0, dropped: 0, conflated: 0, gaps: 0, queued: 0 };

  constructor(settings: ChannelQueueSettings, owner: QueueOwner, totals: StreamTotals, drain: DrainListener) {
    this.owner = owner;
    this.channel = settings.channel;
    this.policy = settings.policy;
    this.capacity = settings.capacity;
    this.policyCode = POLICY_CODES[settings.policy];
    this.keyOf = (settings.keyOf as ((item: unknown) => unknown) | undefined) ?? defaultKeyOf;
    this.filter = settings.filter as ((item: unknown) => boolean) | undefined;
    this.totals = totals;
    this.drain = drain;
    this.keyIndex = this.policyCode === POLICY_CONFLATE ? new Map() : undefined;
    const slots = this.initialSlots();
    this.ring = new Array(slots).fill(undefined);
    this.orders = new Array(slots).fill(0);
    this.keys = this.keyIndex ? new Array(slots).fill(undefined) : [];
    this.mask = slots - 1;
  }

  /** Items queued now. */
  get size(): number {
    return this.tail - this.head;
  }

  /** True for conflate and drop-oldest: the queues shed() may empty. */
  get lossy(): boolean {
    return this.policyCode !== POLICY_WAIT;
  }

  /**
   * Queues one published item. Returns true when this is a `wait` queue that is now full
   * (the producer must wait); lossy queues always return false and never grow past capacity.
   */
  offer(envelope: StreamItem): boolean {
    if (this.filter !== undefined && !this.filter(envelope.item)) return false;
    this.counters.published++;
    const code = this.policyCode;
    if (code === POLICY_CONFLATE) {
      const key = this.keyOf(envelope.item);
      const index = (this.keyIndex as Map<unknown, number>).get(key);
      if (index !== undefined) {
        this.ring[index & this.mask] = envelope;
        this.counters.conflated++;
        this.totals.conflated++;
        return false;
      }
      if (this.tail - this.head >= this.capacity) this.evictHead(false);
      (this.keyIndex as Map<unknown, number>).set(key, this.tail);
      this.append(envelope, key);
      return false;
    }
    if (code === POLICY_DROP_OLDEST) {
      if (this.tail - this.head >= this.capacity) this.evictHead(true);
      this.append(envelope, undefined);
      return false;
    }
    // wait: never lose an item. A producer that ignores the returned promise makes the queue
    // grow past capacity (as a Node Writable buffers past its highWaterMark).
    this.append(envelope, undefined);
    return this.tail - this.head >= this.capacity;
  }

  /** Merge order of the next delivery (a gap marker comes first), or Infinity when empty. */
  nextOrder(): number {
    if (this.pendingGap > 0) return this.gapOrder;
    return this.tail > this.head ? this.orders[this.head & this.mask] : Infinity;
  }

  /** Takes the next delivery: the pending gap marker first, then the oldest item. */
  take(): StreamItem | StreamGap | undefined {
    if (this.pendingGap > 0) {
      const gap: StreamGap = { type: 'gap', channel: this.channel, missed: this.pendingGap };
      this.pendingGap = 0;
      this.counters.gaps++;
      return gap;
    }
    if (this.tail === this.head) return undefined;
    const slot = this.head & this.mask;
    const envelope = this.ring[slot] as StreamItem;
    this.ring[slot] = undefined;
    if (this.keyIndex !== undefined) {
      this.keyIndex.delete(this.keys[slot]);
      this.keys[slot] = undefined;
    }
    this.head++;
    this.counters.delivered++;
    this.totals.delivered++;
    // Release the producer at half capacity, not at the first free slot, so it publishes in
    // bursts instead of waking once per item.
    if (this.blocking && this.tail - this.head <= this.capacity >> 1) this.drain.queueDrained(this);
    return envelope;
  }

  /**
   * Drops the whole backlog of a lossy queue and gives its memory back; drop-oldest queues
   * owe the consumer a gap marker for it. Returns the number of items dropped.
   */
  shed(): number {
    const dropped = this.tail - this.head;
    if (!this.lossy || dropped === 0) return 0;
    if (this.policyCode === POLICY_DROP_OLDEST) {
      this.pendingGap += dropped;
      this.gapOrder = this.orders[(this.tail - 1) & this.mask];
    }
    this.counters.dropped += dropped;
    this.totals.dropped += dropped;
    this.reset();
    return dropped;
  }

  /** Forgets everything queued (the subscriber left); returns how many items were discarded. */
  discard(): number {
    const discarded = this.tail - this.head;
    this.pendingGap = 0;
    this.reset();
    return discarded;
  }

  /** This queue's counters (a fresh copy). */
  snapshotCounters(): SubscriberCounters {
    return { ...this.counters, queued: this.tail - this.head };
  }

  private initialSlots(): number {
    // Smallest power of two ≥ min(capacity, INITIAL_SLOTS): masks need a power of two.
    let slots = 1;
    while (slots < this.capacity && slots < INITIAL_SLOTS) slots <<= 1;
    return slots;
  }

  private reset(): void {
    const slots = this.initialSlots();
    this.ring = new Array(slots).fill(undefined);
    this.orders = new Array(slots).fill(0);
    if (this.keyIndex !== undefined) {
      this.keys = new Array(slots).fill(undefined);
      this.keyIndex.clear();
    }
    this.mask = slots - 1;
    this.head = 0;
    this.tail = 0;
    if (this.blocking) this.drain.queueDrained(this);
  }

  private evictHead(markGap: boolean): void {
    const slot = this.head & this.mask;
    if (markGap) {
      this.pendingGap++;
      this.gapOrder = this.orders[slot];
    }
    this.ring[slot] = undefined;
    if (this.keyIndex !== undefined) {
      this.keyIndex.delete(this.keys[slot]);
      this.keys[slot] = undefined;
    }
    this.head++;
    this.counters.dropped++;
    this.totals.dropped++;
  }

  private append(envelope: StreamItem, key: unknown): void {
    if (this.tail - this.head === this.ring.length) this.grow();
    const slot = this.tail & this.mask;
    this.ring[slot] = envelope;
    this.orders[slot] = envelope.seq;
    if (this.keyIndex !== undefined) this.keys[slot] = key;
    this.tail++;
  }

  /** Doubles the ring, keeping every absolute index valid (slot = index & mask). */
  private grow(): void {
    const slots = this.ring.length * 2;
    const mask = slots - 1;
    const ring: (StreamItem | undefined)[] = new Array(slots).fill(undefined);
    const orders: number[] = new Array(slots).fill(0);
    const keys: unknown[] = this.keyIndex !== undefined ? new Array(slots).fill(undefined) : this.keys;
    for (let index = this.head; index < this.tail; index++) {
      const from = index & this.mask;
      ring[index & mask] = this.ring[from];
      orders[index & mask] = this.orders[from];
      if (this.keyIndex !== undefined) keys[index & mask] = this.keys[from];
    }
    this.ring = ring;
    this.orders = orders;
    this.keys = keys;
    this.mask = mask;
  }
}
