import { TIMER_CANCELLED, TIMER_QUEUED } from './scheduled-timer.js';
import type { CancelSink, ScheduledTimer } from './scheduled-timer.js';
import { TimerHeap } from './timer-heap.js';
import { TimerWindow } from './timer-window.js';

/** Compaction is not worth it for tiny queues. */
const COMPACT_MIN_CANCELLED = 64;
const INITIAL_CAPACITY = 1024;
const NO_SLOT = -1;

/**
 * The engine's priority queue of timers, ordered by (timeUs, seq): seq is the insertion order,
 * so equal times run first pushed, first run.
 *
 * A hybrid of two exact structures, merged on pop by comparing their fronts' (time, seq):
 * - a calendar window of one FIFO bucket per microsecond over the next ~262 ms (TimerWindow):
 *   a bucket holds one exact time in push order, so the common case in a simulation — periodic
 *   wake-ups and short latencies re-armed from inside handlers — pushes and pops in O(1);
 * - a 4-ary heap (TimerHeap) for everything further ahead, or pushed before the window moved.
 *
 * Records sit still in a slot table; both structures hold slot numbers in typed arrays, so no
 * record is dereferenced while ordering. The window starts where the last popped timer was (every
 * queued timer is at or after it), so it slides forward with the clock.
 *
 * Cancel is lazy (the record stays until popped) but the queue is compacted in O(n) once
 * cancelled records outnumber live ones, so heavy cancel traffic cannot grow it without bound.
 */
export class TimerQueue implements CancelSink {
  // TS-private rather than #private: these are read in the engine's innermost loop.
  private readonly heap = new TimerHeap();
  private readonly window = new TimerWindow();
  /** Slot table: records never move while queued. */
  private records: Array<ScheduledTimer | undefined> = [];
  /** Insertion sequence number of each slot's record. */
  private seqOf = new Float64Array(0);
  private freeSlots = new Int32Array(0);
  private freeCount = 0;
  private cancelledQueued = 0;
  /** Insertion sequence: breaks ties between equal times, first pushed runs first. */
  private nextSeq = 0;
  /** Set by locateFront: the front's time and its bucket, or NO_SLOT when it is the heap's root. */
  private frontTimeUs = 0;
  private frontBucket = NO_SLOT;

  constructor() {
    this.growSlots(INITIAL_CAPACITY);
  }

  /** Records in the queue, cancelled ones included. */
  get heapSize(): number {
    return this.heap.count + this.window.count;
  }

  /** Live (not cancelled) records in the queue. */
  get size(): number {
    return this.heap.count + this.window.count - this.cancelledQueued;
  }

  /** Adds a record keyed by (its current timeUs, next insertion sequence number). */
  push(timer: ScheduledTimer): void {
    if (this.freeCount === 0) this.growSlots(2 * this.records.length);
    const slot = this.freeSlots[--this.freeCount];
    const seq = this.nextSeq++;
    this.records[slot] = timer;
    this.seqOf[slot] = seq;
    const timeUs = timer.timeUs;
    if (this.window.covers(timeUs)) this.window.append(timeUs, slot);
    else this.heap.push(timeUs, seq, slot);
  }

  /** The earliest live record without removing it (drops cancelled records found in front). */
  peek(): ScheduledTimer | undefined {
    for (let slot = this.locateFront(); slot !== NO_SLOT; slot = this.locateFront()) {
      const timer = this.records[slot] as ScheduledTimer;
      if (timer.state !== TIMER_CANCELLED) return timer;
      this.removeFront(slot);
      this.cancelledQueued--;
    }
    return undefined;
  }

  /** Time of the earliest record, cancelled or not, or Infinity: a cheap lower bound. */
  peekTimeUs(): number {
    return this.locateFront() === NO_SLOT ? Infinity : this.frontTimeUs;
  }

  /** Removes and returns the earliest live record if its time is ≤ `limitUs`. */
  popUpTo(limitUs: number): ScheduledTimer | undefined {
    for (let slot = this.locateFront(); slot !== NO_SLOT; slot = this.locateFront()) {
      const timer = this.records[slot] as ScheduledTimer;
      if (timer.state === TIMER_CANCELLED) {
        this.removeFront(slot);
        this.cancelledQueued--;
        continue;
      }
      if (this.frontTimeUs > limitUs) return undefined;
      this.removeFront(slot);
      return timer;
    }
    return undefined;
  }

  /** Drops every record (engine stop), marking queued ones cancelled. */
  clear(): void {
    for (const timer of this.records) {
      if (timer !== undefined && timer.state === TIMER_QUEUED) timer.state = TIMER_CANCELLED;
    }
    this.heap.clear();
    this.window.clear();
    this.records = [];
    this.seqOf = new Float64Array(0);
    this.freeSlots = new Int32Array(0);
    this.freeCount = 0;
    this.cancelledQueued = 0;
    this.growSlots(INITIAL_CAPACITY);
  }

  /** Called by a queued record's cancel(). */
  onQueuedTimerCancelled(): void {
    this.cancelledQueued++;
    if (this.cancelledQueued >= COMPACT_MIN_CANCELLED && this.cancelledQueued * 2 > this.heapSize) this.compact();
  }

  /**
   * Finds the earliest record, cancelled or not: the heap's root or the first bucket's head,
   * whichever has the smaller (time, seq). Returns its slot (NO_SLOT if empty) and leaves its
   * time in frontTimeUs and its bucket (NO_SLOT for the heap) in frontBucket.
   */
  private locateFront(): number {
    const window = this.window;
    const heap = this.heap;
    if (window.count > 0) {
      const bucket = window.firstBucket();
      const slot = window.headSlot(bucket);
      const timeUs = window.bucketTimeUs(bucket);
      if (heap.count > 0) {
        const heapTimeUs = heap.keys[0];
        if (heapTimeUs < timeUs || (heapTimeUs === timeUs && heap.keys[1] < this.seqOf[slot])) {
          this.frontTimeUs = heapTimeUs;
          this.frontBucket = NO_SLOT;
          return heap.slots[0];
        }
      }
      this.frontTimeUs = timeUs;
      this.frontBucket = bucket;
      return slot;
    }
    if (heap.count === 0) return NO_SLOT;
    this.frontTimeUs = heap.keys[0];
    this.frontBucket = NO_SLOT;
    return heap.slots[0];
  }

  /** Removes the record locateFront just found, frees its slot and slides the window to its time. */
  private removeFront(slot: number): void {
    if (this.frontBucket === NO_SLOT) this.heap.removeTop();
    else this.window.removeHead(this.frontBucket);
    this.records[slot] = undefined; // release the record for the garbage collector
    this.freeSlots[this.freeCount++] = slot;
    // Everything still queued is at or after the front, so the window may start there.
    this.window.advanceTo(this.frontTimeUs);
  }

  private growSlots(capacity: number): void {
    const oldCapacity = this.records.length;
    const seqOf = new Float64Array(capacity);
    seqOf.set(this.seqOf);
    this.seqOf = seqOf;
    const freeSlots = new Int32Array(capacity);
    freeSlots.set(this.freeSlots.subarray(0, this.freeCount));
    // The new slots are free; hand out low numbers first.
    for (let slot = capacity - 1; slot >= oldCapacity; slot--) freeSlots[this.freeCount++] = slot;
    this.freeSlots = freeSlots;
    for (let slot = oldCapacity; slot < capacity; slot++) this.records.push(undefined);
    this.window.ensureSlots(capacity);
  }

  /** Drops cancelled records from both structures in O(n) and frees their slots. */
  private compact(): void {
    const keep = (slot: number): boolean => {
      if ((this.records[slot] as ScheduledTimer).state !== TIMER_CANCELLED) return true;
      this.records[slot] = undefined;
      this.freeSlots[this.freeCount++] = slot;
      return false;
    };
    this.heap.retain(keep);
    this.window.retain(keep);
    this.cancelledQueued = 0;
  }
}
