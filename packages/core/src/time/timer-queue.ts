import { TIMER_CANCELLED, TIMER_QUEUED } from './scheduled-timer.js';
import type { CancelSink, ScheduledTimer } from './scheduled-timer.js';

/** Compaction is not worth it for tiny heaps. */
const COMPACT_MIN_CANCELLED = 64;
const INITIAL_CAPACITY = 1024;

/**
 * An array-backed binary min-heap of timers ordered by (timeUs, seq).
 *
 * The heap itself is three typed arrays — time, seq and a slot number per node — and records
 * sit still in a slot table. Sifting therefore compares keys in contiguous memory and moves
 * only numbers: no record is dereferenced and no pointer store (with its GC write barrier)
 * happens per level. Removal uses Floyd's bottom-up sift (walk the hole to a leaf with one
 * comparison per level, then sift the displaced last node up), halving the comparisons.
 *
 * Cancel is lazy (the record stays until popped) but the heap is compacted in O(n) once
 * cancelled records outnumber live ones, so heavy cancel traffic cannot grow it without bound.
 */
export class TimerQueue implements CancelSink {
  // TS-private rather than #private: these are read in the engine's innermost loop.
  private times = new Float64Array(INITIAL_CAPACITY);
  private seqs = new Float64Array(INITIAL_CAPACITY);
  private slotOf = new Int32Array(INITIAL_CAPACITY);
  /** Slot table: records never move while queued. */
  private records: Array<ScheduledTimer | undefined> = new Array<ScheduledTimer | undefined>(INITIAL_CAPACITY).fill(undefined);
  private freeSlots = new Int32Array(INITIAL_CAPACITY);
  private freeCount = 0;
  private count = 0;
  private cancelledInHeap = 0;
  /** Insertion sequence: breaks ties between equal times, first pushed runs first. */
  private nextSeq = 0;

  constructor() {
    this.resetSlots();
  }

  /** Records in the heap, cancelled ones included. */
  get heapSize(): number {
    return this.count;
  }

  /** Live (not cancelled) records in the heap. */
  get size(): number {
    return this.count - this.cancelledInHeap;
  }

  /** Adds a record keyed by (its current timeUs, next insertion sequence number). */
  push(timer: ScheduledTimer): void {
    if (this.count === this.times.length) this.grow();
    const slot = this.freeSlots[--this.freeCount];
    this.records[slot] = timer;
    this.siftUp(this.count++, timer.timeUs, this.nextSeq++, slot);
  }

  /** The earliest live record without removing it (drops cancelled records found on top). */
  peek(): ScheduledTimer | undefined {
    while (this.count > 0) {
      const top = this.records[this.slotOf[0]] as ScheduledTimer;
      if (top.state !== TIMER_CANCELLED) return top;
      this.removeTop();
      this.cancelledInHeap--;
    }
    return undefined;
  }

  /** Time of the earliest record, cancelled or not, or Infinity: a cheap lower bound. */
  peekTimeUs(): number {
    return this.count > 0 ? this.times[0] : Infinity;
  }

  /** Removes and returns the earliest live record if its time is ≤ `limitUs`. */
  popUpTo(limitUs: number): ScheduledTimer | undefined {
    while (this.count > 0) {
      const top = this.records[this.slotOf[0]] as ScheduledTimer;
      if (top.state === TIMER_CANCELLED) {
        this.removeTop();
        this.cancelledInHeap--;
        continue;
      }
      if (this.times[0] > limitUs) return undefined;
      this.removeTop();
      return top;
    }
    return undefined;
  }

  /** Drops every record (engine stop), marking queued ones cancelled. */
  clear(): void {
    for (let i = 0; i < this.count; i++) {
      const timer = this.records[this.slotOf[i]] as ScheduledTimer;
      if (timer.state === TIMER_QUEUED) timer.state = TIMER_CANCELLED;
    }
    this.times = new Float64Array(INITIAL_CAPACITY);
    this.seqs = new Float64Array(INITIAL_CAPACITY);
    this.slotOf = new Int32Array(INITIAL_CAPACITY);
    this.records = new Array<ScheduledTimer | undefined>(INITIAL_CAPACITY).fill(undefined);
    this.freeSlots = new Int32Array(INITIAL_CAPACITY);
    this.count = 0;
    this.cancelledInHeap = 0;
    this.resetSlots();
  }

  /** Called by a queued record's cancel(). */
  onQueuedTimerCancelled(): void {
    this.cancelledInHeap++;
    if (this.cancelledInHeap >= COMPACT_MIN_CANCELLED && this.cancelledInHeap * 2 > this.count) this.compact();
  }

  /** Moves node (timeUs, seq, slot) up from position `start` to where it belongs. */
  private siftUp(start: number, timeUs: number, seq: number, slot: number): void {
    const times = this.times;
    const seqs = this.seqs;
    const slotOf = this.slotOf;
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentTime = times[parent];
      if (parentTime < timeUs || (parentTime === timeUs && seqs[parent] < seq)) break;
      times[i] = parentTime;
      seqs[i] = seqs[parent];
      slotOf[i] = slotOf[parent];
      i = parent;
    }
    times[i] = timeUs;
    seqs[i] = seq;
    slotOf[i] = slot;
  }

  private removeTop(): void {
    const slotOf = this.slotOf;
    const topSlot = slotOf[0];
    this.records[topSlot] = undefined; // release the record for the garbage collector
    this.freeSlots[this.freeCount++] = topSlot;
    const last = --this.count;
    if (last === 0) return;
    const times = this.times;
    const seqs = this.seqs;
    // Bottom-up: walk the hole from the root to a leaf along the smaller children...
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      const right = child + 1;
      if (right < last) {
        const leftTime = times[child];
        const rightTime = times[right];
        if (rightTime < leftTime || (rightTime === leftTime && seqs[right] < seqs[child])) child = right;
      }
      times[i] = times[child];
      seqs[i] = seqs[child];
      slotOf[i] = slotOf[child];
      i = child;
    }
    // ...then put the old last node there and sift it up: it is large, so it rarely climbs.
    this.siftUp(i, times[last], seqs[last], slotOf[last]);
  }

  private grow(): void {
    const oldCapacity = this.times.length;
    const capacity = oldCapacity * 2;
    const times = new Float64Array(capacity);
    const seqs = new Float64Array(capacity);
    const slotOf = new Int32Array(capacity);
    const freeSlots = new Int32Array(capacity);
    times.set(this.times);
    seqs.set(this.seqs);
    slotOf.set(this.slotOf);
    freeSlots.set(this.freeSlots.subarray(0, this.freeCount));
    // The new slots are free; hand out low numbers first.
    for (let slot = capacity - 1; slot >= oldCapacity; slot--) freeSlots[this.freeCount++] = slot;
    for (let slot = oldCapacity; slot < capacity; slot++) this.records.push(undefined);
    this.times = times;
    this.seqs = seqs;
    this.slotOf = slotOf;
    this.freeSlots = freeSlots;
  }

  private resetSlots(): void {
    const capacity = this.freeSlots.length;
    for (let k = 0; k < capacity; k++) this.freeSlots[k] = capacity - 1 - k;
    this.freeCount = capacity;
  }

  /** Filters cancelled records out and rebuilds the heap bottom-up (Floyd, O(n)). */
  private compact(): void {
    const times = this.times;
    const seqs = this.seqs;
    const slotOf = this.slotOf;
    const records = this.records;
    let kept = 0;
    for (let i = 0; i < this.count; i++) {
      const slot = slotOf[i];
      if ((records[slot] as ScheduledTimer).state === TIMER_CANCELLED) {
        records[slot] = undefined;
        this.freeSlots[this.freeCount++] = slot;
        continue;
      }
      times[kept] = times[i];
      seqs[kept] = seqs[i];
      slotOf[kept] = slot;
      kept++;
    }
    this.count = kept;
    this.cancelledInHeap = 0;
    for (let i = (kept >> 1) - 1; i >= 0; i--) this.siftDownFrom(i);
  }

  /** Classic top-down sift of the node at `start` (used by heapify only). */
  private siftDownFrom(start: number): void {
    const times = this.times;
    const seqs = this.seqs;
    const slotOf = this.slotOf;
    const n = this.count;
    const timeUs = times[start];
    const seq = seqs[start];
    const slot = slotOf[start];
    let i = start;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && (times[right] < times[child] || (times[right] === times[child] && seqs[right] < seqs[child]))) child = right;
      if (timeUs < times[child] || (timeUs === times[child] && seq < seqs[child])) break;
      times[i] = times[child];
      seqs[i] = seqs[child];
      slotOf[i] = slotOf[child];
      i = child;
    }
    times[i] = timeUs;
    seqs[i] = seq;
    slotOf[i] = slot;
  }
}
