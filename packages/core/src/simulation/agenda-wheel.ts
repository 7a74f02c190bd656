// The agenda's near-future calendar: 4 096 buckets of 64 µs (≈ 262 ms, more than a 100 ms
// wake-up interval), used circularly. A bucket is an unsorted list of nodes; the agenda sorts a
// bucket's few entries only when it reaches it. Its arrays (16 KB of heads, 512 B of bits) stay
// in L1 however many agents wait, unlike a 1 µs calendar (1 MB) or a heap of every entry.

/** Bucket width: 2^6 µs. */
export const WHEEL_BUCKET_US = 64;
/** Buckets in the ring. */
export const WHEEL_BUCKETS = 4096;
/** Time the ring spans. */
export const WHEEL_SPAN_US = WHEEL_BUCKET_US * WHEEL_BUCKETS;
const MASK = WHEEL_BUCKETS - 1;
const WORDS = WHEEL_BUCKETS >>> 5;
const NONE = -1;

/** Index of the lowest set bit of a non-zero 32-bit word. */
function lowestBit(word: number): number {
  return 31 - Math.clz32(word & -word);
}

/**
 * Buckets [baseBucket, baseBucket + WHEEL_BUCKETS) of nodes, where bucket b holds the times
 * [b, b + 1) × WHEEL_BUCKET_US; one occupancy bit per bucket. For `Agenda` only.
 */
export class AgendaWheel {
  /** First bucket the ring covers (an absolute bucket number); never after a held node's bucket. */
  baseBucket = 0;
  /** Nodes held. */
  count = 0;
  /** Next node in the same bucket, by node; NONE ends a list. */
  next = new Int32Array(0);
  /** Ring position of baseBucket, so that no bit operation touches a bucket number above 2^31. */
  private baseIndex = 0;
  private readonly head = new Int32Array(WHEEL_BUCKETS).fill(NONE);
  private readonly bits = new Int32Array(WORDS);

  /** Makes room for node numbers below `capacity`. */
  ensureNodes(capacity: number): void {
    if (this.next.length >= capacity) return;
    const next = new Int32Array(capacity);
    next.set(this.next);
    this.next = next;
  }

  /** Adds `node` to bucket `bucket`, which must be within the ring. */
  append(bucket: number, node: number): void {
    const index = (this.baseIndex + (bucket - this.baseBucket)) & MASK;
    this.next[node] = this.head[index]!;
    this.head[index] = node;
    this.bits[index >>> 5]! |= 1 << (index & 31);
    this.count++;
  }

  /** Offset from baseBucket of the first non-empty bucket (requires count > 0). */
  firstOffset(): number {
    const bits = this.bits;
    const start = this.baseIndex;
    let word = start >>> 5;
    let pending = bits[word]! & (-1 << (start & 31));
    // At most WORDS + 1 words: the start word's bits below `start` are the ring's last buckets.
    while (pending === 0) {
      word = (word + 1) & (WORDS - 1);
      pending = bits[word]!;
    }
    return (((word << 5) | lowestBit(pending)) - start) & MASK;
  }

  /** Empties the bucket at `offset` from baseBucket and returns its first node (lists end with NONE). */
  take(offset: number): number {
    const index = (this.baseIndex + offset) & MASK;
    const node = this.head[index]!;
    this.head[index] = NONE;
    this.bits[index >>> 5]! &= ~(1 << (index & 31));
    return node;
  }

  /** Counts `taken` nodes as removed (after take). */
  removed(taken: number): void {
    this.count -= taken;
  }

  /** Moves the ring start to bucket `bucket`, which must not be after any held node's bucket. */
  advanceTo(bucket: number): void {
    const offset = bucket - this.baseBucket;
    if (offset <= 0) return;
    this.baseIndex = offset < WHEEL_BUCKETS ? (this.baseIndex + offset) & MASK : bucket % WHEEL_BUCKETS;
    this.baseBucket = bucket;
  }

  /** Empties every bucket and restarts the ring at bucket 0. */
  clear(): void {
    this.head.fill(NONE);
    this.bits.fill(0);
    this.count = 0;
    this.baseBucket = 0;
    this.baseIndex = 0;
  }
}
