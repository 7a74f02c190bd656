import { TokenBucket } from '../src/rate-limiter.js';

describe('TokenBucket', () => {
  it('allows a burst, then refills at the rate', () => {
    let nowMs = 0;
    const bucket = new TokenBucket(10, 3, () => nowMs);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    nowMs += 100; // one token at 10/s
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    nowMs += 10_000; // never more than the burst
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });
});
