/** The window spans 2^18 µs ≈ 262 ms: one bucket per microsecond, covering 100 ms agent wake-ups and order latencies. */
export const TIMER_WINDOW_BITS = 18;
const WINDOW_US = 1 << TIMER_WINDOW_BITS;
const MASK = WINDOW_US - 1;
/** One occupancy bit per bucket, one summary bit per occupancy word. */
const BIT_WORDS = WINDOW_US >>> 5;
const SUMMARY_WORDS = BIT_WORDS >>> 5;
const NO_SLOT = -1;

/** Index of the lowest set bit of a non-zero 32-bit word. */
function lowestBit(word: number): number {
  return 31 - Math.clz32(word & -word);
}

/**
 * The near-future part of the timer queue: a calendar of one FIFO bucket per microsecond over
 * [baseUs, baseUs + 2^17), used circularly. A bucket holds timers of one exact time, appended in
 * push order, so its FIFO order is the (time, seq) order and pushing or popping is O(1). Two
 * levels of occupancy bits (bucket → word → summary) find the next non-empty bucket in a few
 * word operations even when the window is sparse.
 *
 * Buckets are circular singly linked lists through `next`, indexed by the queue's record slots:
 * a bucket stores only its last slot, whose `next` is the first, so one Int32Array per bucket
 * suffices. It (1 MB) is allocated on first use, so an engine that never schedules costs nothing. Fields are public for the queue's hot path; nothing outside `time/` sees this class.
 */
export class TimerWindow {
  /** Earliest time the window covers; never after a bucketed timer's time. */
  baseUs = 0;
  /** Bucket of baseUs (baseUs mod window), kept so that no bit operation touches a time above 2^31. */
  baseIndex = 0;
  /** Timers in the buckets, cancelled ones included. */
  count = 0;
  /** Next slot in the same bucket, by slot. */
  next = new Int32Array(0);
  /** Last slot of each non-empty bucket (its `next` is the bucket's first slot). */
  private tail = new Int32Array(0);
  private bits = new Int32Array(BIT_WORDS);
  private summary = new Int32Array(SUMMARY_WORDS);

  /** true when `timeUs` falls inside the window. */
  covers(timeUs: number): boolean {
    const offsetUs = timeUs - this.baseUs;
    return offsetUs >= 0 && offsetUs < WINDOW_US;
  }

  /** Makes room for slot numbers below `capacity`. */
  ensureSlots(capacity: number): void {
    if (this.next.length >= capacity) return;
    const next = new Int32Array(capacity);
    next.set(this.next);
    this.next = next;
  }

  /** Appends `slot` to the bucket of `timeUs`, which the window must cover. */
  append(timeUs: number, slot: number): void {
    if (this.tail.length === 0) this.tail = new Int32Array(WINDOW_US);
    const index = (this.baseIndex + (timeUs - this.baseUs)) & MASK;
    const word = index >>> 5;
    const bit = 1 << (index & 31);
    const bits = this.bits[word];
    if ((bits & bit) === 0) {
      this.next[slot] = slot;
      if (bits === 0) this.summary[word >>> 5] |= 1 << (word & 31);
      this.bits[word] = bits | bit;
    } else {
      const last = this.tail[index];
      this.next[slot] = this.next[last];
      this.next[last] = slot;
    }
    this.tail[index] = slot;
    this.count++;
  }

  /** The earliest non-empty bucket (requires count > 0). */
  firstBucket(): number {
    const bits = this.bits;
    const start = this.baseIndex;
    const startWord = start >>> 5;
    const here = bits[startWord] & (-1 << (start & 31));
    if (here !== 0) return (startWord << 5) | lowestBit(here);
    // Later words, via the summary, wrapping round to the words before (and bits below) the start.
    // On wrapping back to startSummary the bits above startWord are known to be clear.
    const summary = this.summary;
    const startSummary = startWord >>> 5;
    let summaryIndex = startSummary;
    let words = summary[startSummary] & (-2 << (startWord & 31)); // the words after startWord
    while (words === 0) {
      summaryIndex = (summaryIndex + 1) & (SUMMARY_WORDS - 1);
      words = summary[summaryIndex];
    }
    const word = (summaryIndex << 5) | lowestBit(words);
    return (word << 5) | lowestBit(bits[word]);
  }

  /** Time of bucket `index`. */
  bucketTimeUs(index: number): number {
    return this.baseUs + ((index - this.baseIndex) & MASK);
  }

  /** First slot of non-empty bucket `index`. */
  headSlot(index: number): number {
    return this.next[this.tail[index]];
  }

  /** Unlinks the first slot of non-empty bucket `index`. */
  removeHead(index: number): void {
    const last = this.tail[index];
    const first = this.next[last];
    this.count--;
    if (first !== last) {
      this.next[last] = this.next[first];
      return;
    }
    const word = index >>> 5;
    const bits = this.bits[word] & ~(1 << (index & 31));
    this.bits[word] = bits;
    if (bits === 0) this.summary[word >>> 5] &= ~(1 << (word & 31));
  }

  /** Moves the window start to `timeUs`, which must not be after any bucketed timer. */
  advanceTo(timeUs: number): void {
    const offsetUs = timeUs - this.baseUs;
    if (offsetUs <= 0) return;
    this.baseIndex = offsetUs < WINDOW_US ? (this.baseIndex + offsetUs) & MASK : timeUs % WINDOW_US;
    this.baseUs = timeUs;
  }

  /** Keeps only the slots that pass `keep`, preserving each bucket's order (used by compaction). */
  retain(keep: (slot: number) => boolean): void {
    for (let word = 0; word < BIT_WORDS; word++) {
      let pending = this.bits[word];
      while (pending !== 0) {
        const index = (word << 5) | lowestBit(pending);
        pending &= pending - 1;
        const oldLast = this.tail[index];
        let first = NO_SLOT;
        let last = NO_SLOT;
        let slot = this.next[oldLast];
        for (;;) {
          const following = this.next[slot];
          if (keep(slot)) {
            if (last === NO_SLOT) first = slot;
            else this.next[last] = slot;
            last = slot;
          } else {
            this.count--;
          }
          if (slot === oldLast) break;
          slot = following;
        }
        if (last !== NO_SLOT) {
          this.next[last] = first;
          this.tail[index] = last;
        } else {
          this.bits[word] &= ~(1 << (index & 31));
        }
      }
      if (this.bits[word] === 0) this.summary[word >>> 5] &= ~(1 << (word & 31));
    }
  }

  /** Empties every bucket and returns the bucket memory. */
  clear(): void {
    this.tail = new Int32Array(0);
    this.bits.fill(0);
    this.summary.fill(0);
    this.count = 0;
  }
}
