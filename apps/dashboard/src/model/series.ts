// Price history for the last-price line and bid/ask band, in two bounded resolutions so that
// every time window draws a few hundred points at most: fine 200 ms buckets for 1 and 5 minutes,
// coarse 5 s buckets for an hour. Times are simulation µs from the feed.

import { Ring } from './ring.js';

/** Last price with the best bid and ask at the end of one time bucket. */
export interface PricePoint {
  /** Start of the bucket, µs since the epoch (simulation time). */
  readonly timeUs: number;
  readonly last: number;
  readonly bid: number | null;
  readonly ask: number | null;
}

/** Bucket width and capacity of the fine series: 200 ms × 1 500 = 5 minutes. */
export const FINE_BUCKET_US = 200_000;
export const FINE_CAPACITY = 1_500;
/** Bucket width and capacity of the coarse series: 5 s × 720 = 1 hour. */
export const COARSE_BUCKET_US = 5_000_000;
export const COARSE_CAPACITY = 720;

/** Both resolutions of one symbol's price history. */
export interface PriceHistory {
  readonly fine: Ring<PricePoint>;
  readonly coarse: Ring<PricePoint>;
}

/** An empty history. */
export function emptyPriceHistory(): PriceHistory {
  return { fine: Ring.empty<PricePoint>(FINE_CAPACITY), coarse: Ring.empty<PricePoint>(COARSE_CAPACITY) };
}

/**
 * Records a quote into the ring's bucket: updates the newest bucket in place, opens a new one,
 * or — when time went backwards past the newest bucket (the server restarted with another
 * clock) — starts the history afresh rather than drawing a line back in time.
 */
export function recordIntoRing(ring: Ring<PricePoint>, bucketUs: number, timeUs: number, last: number, bid: number | null, ask: number | null): Ring<PricePoint> {
  const bucketTimeUs = Math.floor(timeUs / bucketUs) * bucketUs;
  const point: PricePoint = { timeUs: bucketTimeUs, last, bid, ask };
  const newest = ring.last();
  if (newest === undefined || bucketTimeUs > newest.timeUs) return ring.push(point);
  if (bucketTimeUs === newest.timeUs) return ring.replaceLast(point);
  return ring.clear().push(point);
}

/** The history with one quote recorded in both resolutions. */
export function recordPrice(history: PriceHistory, timeUs: number, last: number, bid: number | null, ask: number | null): PriceHistory {
  return {
    fine: recordIntoRing(history.fine, FINE_BUCKET_US, timeUs, last, bid, ask),
    coarse: recordIntoRing(history.coarse, COARSE_BUCKET_US, timeUs, last, bid, ask),
  };
}
