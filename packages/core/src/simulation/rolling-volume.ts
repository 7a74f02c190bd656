// Traded size over a rolling window of simulated time, in O(1) memory: the window is cut into
// fixed buckets (86 400 one-second buckets for 24 h), so a day of trades costs 700 kB, not one
// record per trade. The window edge is exact to one bucket.

/** 24 h of simulated time, µs. */
export const DAY_US = 86_400_000_000;

/** Rolling sum of lots over the last `windowUs`, at `bucketUs` resolution. */
export class RollingVolume {
  private readonly bucketUs: number;
  private readonly buckets: Float64Array;
  /** Index (time / bucketUs) of the newest bucket. */
  private headBucket = Number.NEGATIVE_INFINITY;
  private totalLots = 0;

  constructor(windowUs = DAY_US, bucketUs = 1_000_000) {
    this.bucketUs = bucketUs;
    this.buckets = new Float64Array(Math.max(1, Math.ceil(windowUs / bucketUs)));
  }

  /** Adds a trade of `lots` at `timeUs` (times never go backwards). */
  add(timeUs: number, lots: number): void {
    this.advance(timeUs);
    this.buckets[this.headBucket % this.buckets.length] += lots;
    this.totalLots += lots;
  }

  /** Lots traded in the window ending at `timeUs`. */
  totalAt(timeUs: number): number {
    this.advance(timeUs);
    return this.totalLots;
  }

  private advance(timeUs: number): void {
    const bucket = Math.floor(timeUs / this.bucketUs);
    if (bucket <= this.headBucket) return;
    const length = this.buckets.length;
    if (bucket - this.headBucket >= length || this.headBucket === Number.NEGATIVE_INFINITY) {
      this.buckets.fill(0);
      this.totalLots = 0;
    } else {
      // Expire the buckets the window slid past.
      for (let b = this.headBucket + 1; b <= bucket; b++) {
        const slot = b % length;
        this.totalLots -= this.buckets[slot]!;
        this.buckets[slot] = 0;
      }
    }
    this.headBucket = bucket;
  }
}
