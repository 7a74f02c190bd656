import { TIMER_CANCELLED, TIMER_QUEUED } from './scheduled-timer.js';
import type { CancelSink, ScheduledTimer } from './scheduled-timer.js';

/** Compaction is not worth it for tiny heaps. */
const COMPACT_MIN_CANCELLED = 64;

function before(x: ScheduledTimer, y: ScheduledTimer): boolean {
  return x.timeUs < y.timeUs || (x.timeUs === y.timeUs && x.seq < y.seq);
}

/**
 * An array-backed binary min-heap of timers ordered by (timeUs, seq). Cancel is lazy (the record
 * stays until popped) but the heap is compacted in O(n) once cancelled records outnumber live
 * ones, so heavy cancel traffic cannot grow it without bound.
 */
export class TimerQueue implements CancelSink {
  #heap: ScheduledTimer[] = [];
  #cancelledInHeap = 0;

  /** Records in the heap, cancelled ones included. */
  get heapSize(): number {
    return this.#heap.length;
  }

  /** Live (not cancelled) records in the heap. */
  get size(): number {
    return this.#heap.length - this.#cancelledInHeap;
  }

  push(timer: ScheduledTimer): void {
    const heap = this.#heap;
    let i = heap.length;
    heap.push(timer);
    // Hole-based sift-up: move parents down, write the new record once.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent];
      if (!before(timer, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = timer;
  }

  /** The earliest live record without removing it (drops cancelled records found on top). */
  peek(): ScheduledTimer | undefined {
    const heap = this.#heap;
    while (heap.length > 0) {
      const top = heap[0];
      if (top.state !== TIMER_CANCELLED) return top;
      this.#removeTop();
      this.#cancelledInHeap--;
    }
    return undefined;
  }

  /** Time of the earliest record, cancelled or not, or Infinity: a cheap lower bound. */
  peekTimeUs(): number {
    return this.#heap.length > 0 ? this.#heap[0].timeUs : Infinity;
  }

  /** Removes and returns the earliest live record if its time is ≤ `limitUs`. */
  popUpTo(limitUs: number): ScheduledTimer | undefined {
    const heap = this.#heap;
    while (heap.length > 0) {
      const top = heap[0];
      if (top.state === TIMER_CANCELLED) {
        this.#removeTop();
        this.#cancelledInHeap--;
        continue;
      }
      if (top.timeUs > limitUs) return undefined;
      this.#removeTop();
      return top;
    }
    return undefined;
  }

  /** Drops every record (engine stop), marking queued ones cancelled. */
  clear(): void {
    for (const timer of this.#heap) if (timer.state === TIMER_QUEUED) timer.state = TIMER_CANCELLED;
    this.#heap = [];
    this.#cancelledInHeap = 0;
  }

  onQueuedTimerCancelled(): void {
    this.#cancelledInHeap++;
    if (this.#cancelledInHeap >= COMPACT_MIN_CANCELLED && this.#cancelledInHeap * 2 > this.#heap.length) this.#compact();
  }

  #removeTop(): void {
    const heap = this.#heap;
    const last = heap.pop() as ScheduledTimer;
    const n = heap.length;
    if (n === 0) return;
    // Hole-based sift-down of `last` from the root.
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && before(heap[right], heap[child])) child = right;
      const c = heap[child];
      if (!before(c, last)) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = last;
  }

  /** Filters cancelled records in place and rebuilds the heap bottom-up (Floyd, O(n)). */
  #compact(): void {
    const heap = this.#heap;
    let kept = 0;
    for (let i = 0; i < heap.length; i++) {
      const timer = heap[i];
      if (timer.state !== TIMER_CANCELLED) heap[kept++] = timer;
    }
    heap.length = kept;
    this.#cancelledInHeap = 0;
    for (let i = (kept >> 1) - 1; i >= 0; i--) this.#siftDownAt(i);
  }

  #siftDownAt(start: number): void {
    const heap = this.#heap;
    const n = heap.length;
    const timer = heap[start];
    let i = start;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && before(heap[right], heap[child])) child = right;
      const c = heap[child];
      if (!before(c, timer)) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = timer;
  }
}
