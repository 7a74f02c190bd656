const INITIAL_CAPACITY = 256;
/** Children per node: a 4-ary heap is half as deep as a binary one and its siblings share cache lines. */
const ARITY = 4;

/**
 * A 4-ary min-heap of (timeUs, seq, slot) nodes ordered by (timeUs, seq): the far-future part of
 * the timer queue. Keys are interleaved in one Float64Array (`keys[2i]` = time, `keys[2i + 1]` =
 * seq of node i), so the four children of a node are 64 consecutive bytes; `slots[i]` names the
 * record. Sifting moves numbers only: no object is dereferenced and no pointer is stored.
 *
 * Fields are public for the queue's hot path; nothing outside `time/` sees this class.
 */
export class TimerHeap {
  keys = new Float64Array(2 * INITIAL_CAPACITY);
  slots = new Int32Array(INITIAL_CAPACITY);
  count = 0;

  /** Adds a node. */
  push(timeUs: number, seq: number, slot: number): void {
    if (this.count === this.slots.length) this.grow();
    this.siftUp(this.count++, timeUs, seq, slot);
  }

  /**
   * Removes the root: the hole walks down to a leaf along the smallest children (three
   * comparisons per level, none against the displaced node), then the old last node, which is
   * large and so rarely climbs, sifts up from there (Floyd's bottom-up deletion).
   */
  removeTop(): void {
    const last = --this.count;
    if (last === 0) return;
    const keys = this.keys;
    const slots = this.slots;
    let i = 0;
    for (;;) {
      const first = ARITY * i + 1;
      if (first >= last) break;
      let child = first;
      let childTime = keys[2 * first];
      let childSeq = keys[2 * first + 1];
      const end = first + ARITY < last ? first + ARITY : last;
      for (let c = first + 1; c < end; c++) {
        const t = keys[2 * c];
        if (t < childTime || (t === childTime && keys[2 * c + 1] < childSeq)) {
          child = c;
          childTime = t;
          childSeq = keys[2 * c + 1];
        }
      }
      keys[2 * i] = childTime;
      keys[2 * i + 1] = childSeq;
      slots[i] = slots[child];
      i = child;
    }
    this.siftUp(i, keys[2 * last], keys[2 * last + 1], slots[last]);
  }

  /** Keeps only the nodes whose slot passes `keep`, then re-heapifies in O(n) (used by compaction). */
  retain(keep: (slot: number) => boolean): void {
    const keys = this.keys;
    const slots = this.slots;
    let kept = 0;
    for (let i = 0; i < this.count; i++) {
      if (!keep(slots[i])) continue;
      keys[2 * kept] = keys[2 * i];
      keys[2 * kept + 1] = keys[2 * i + 1];
      slots[kept] = slots[i];
      kept++;
    }
    this.count = kept;
    for (let i = Math.floor((kept - 2) / ARITY); i >= 0; i--) this.siftDown(i);
  }

  /** Empties the heap and returns its memory. */
  clear(): void {
    this.keys = new Float64Array(2 * INITIAL_CAPACITY);
    this.slots = new Int32Array(INITIAL_CAPACITY);
    this.count = 0;
  }

  /** Moves node (timeUs, seq, slot) up from hole `start` to where it belongs. */
  private siftUp(start: number, timeUs: number, seq: number, slot: number): void {
    const keys = this.keys;
    const slots = this.slots;
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const parentTime = keys[2 * parent];
      if (parentTime < timeUs || (parentTime === timeUs && keys[2 * parent + 1] < seq)) break;
      keys[2 * i] = parentTime;
      keys[2 * i + 1] = keys[2 * parent + 1];
      slots[i] = slots[parent];
      i = parent;
    }
    keys[2 * i] = timeUs;
    keys[2 * i + 1] = seq;
    slots[i] = slot;
  }

  /** Classic top-down sift of node `start` (heapify only). */
  private siftDown(start: number): void {
    const keys = this.keys;
    const slots = this.slots;
    const n = this.count;
    const timeUs = keys[2 * start];
    const seq = keys[2 * start + 1];
    const slot = slots[start];
    let i = start;
    for (;;) {
      const first = ARITY * i + 1;
      if (first >= n) break;
      let child = first;
      const end = first + ARITY < n ? first + ARITY : n;
      for (let c = first + 1; c < end; c++) {
        const t = keys[2 * c];
        if (t < keys[2 * child] || (t === keys[2 * child] && keys[2 * c + 1] < keys[2 * child + 1])) child = c;
      }
      const childTime = keys[2 * child];
      if (timeUs < childTime || (timeUs === childTime && seq < keys[2 * child + 1])) break;
      keys[2 * i] = childTime;
      keys[2 * i + 1] = keys[2 * child + 1];
      slots[i] = slots[child];
      i = child;
    }
    keys[2 * i] = timeUs;
    keys[2 * i + 1] = seq;
    slots[i] = slot;
  }

  private grow(): void {
    const keys = new Float64Array(2 * 2 * this.slots.length);
    const slots = new Int32Array(2 * this.slots.length);
    keys.set(this.keys);
    slots.set(this.slots);
    this.keys = keys;
    this.slots = slots;
  }
}
