import { backoffDelayMs, DEFAULT_BACKOFF } from '../../src/feed/backoff.js';

describe('reconnect backoff', () => {
  it('doubles the delay cap per attempt up to the maximum', () => {
    const caps = [0, 1, 2, 3, 4, 5, 6, 7].map((attempt) => backoffDelayMs(attempt, 1));
    expect(caps).toEqual([250, 500, 1000, 2000, 4000, 8000, 10000, 10000]);
  });

  it('keeps half of the cap fixed and jitters the other half', () => {
    expect(backoffDelayMs(2, 0)).toBe(500);
    expect(backoffDelayMs(2, 0.5)).toBe(750);
    for (let i = 0; i < 100; i += 1) {
      const delay = backoffDelayMs(3, Math.random());
      expect(delay).toBeGreaterThanOrEqual(1000);
      expect(delay).toBeLessThanOrEqual(2000);
    }
  });

  it('accepts other settings', () => {
    expect(backoffDelayMs(1, 1, { ...DEFAULT_BACKOFF, initialDelayMs: 100, factor: 3 })).toBe(300);
  });
});
