import { aggregateReturns, autocorrelation, excessKurtosis, logReturns, quantile, robustAutocorrelationStandardError } from '@marksim/agents';
import { SeededRandom } from '@marksim/core';

/** n standard normal draws of a seeded stream. */
function normals(seed: number, n: number): number[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: n }, () => random.normal());
}

describe('return statistics', () => {
  it('computes log returns and refuses non-positive prices', () => {
    expect(logReturns([100, 110, 99])).toEqual([Math.log(1.1), Math.log(0.9)]);
    expect(() => logReturns([100, 0])).toThrow('prices must be > 0');
  });

  it('gives about zero excess kurtosis for normal draws and a large one for a jump mixture', () => {
    const random = new SeededRandom(1);
    const normal = Array.from({ length: 50_000 }, () => random.normal());
    expect(Math.abs(excessKurtosis(normal))).toBeLessThan(0.1);
    const jumpy = normal.map((x, i) => (i % 50 === 0 ? x * 8 : x));
    expect(excessKurtosis(jumpy)).toBeGreaterThan(10);
  });

  it('finds -1-like autocorrelation in an alternating series and none in noise', () => {
    expect(autocorrelation([1, -1, 1, -1, 1, -1, 1, -1], 1)).toBeCloseTo(-0.875, 10);
    const random = new SeededRandom(2);
    const noise = Array.from({ length: 20_000 }, () => random.normal());
    expect(Math.abs(autocorrelation(noise, 1))).toBeLessThan(0.03);
  });

  it('sums returns into longer bars and drops a partial last bar', () => {
    expect(aggregateReturns([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([6, 15]);
  });

  it('interpolates quantiles', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([4, 1, 3, 2], 1)).toBe(4);
  });

  describe('robust standard error of an autocorrelation', () => {
    it('is √(Σ d_t² d_{t−k}²) / Σ d_t² on the demeaned series', () => {
      // [3, 1, 4, 0] has mean 2, so d = [1, -1, 2, -2] and Σ d² = 10.
      // lag 1: 1·1 + 4·1 + 4·4 = 21; lag 2: 4·1 + 4·1 = 8; lag 3: 4·1 = 4.
      expect(robustAutocorrelationStandardError([3, 1, 4, 0], 1)).toBeCloseTo(Math.sqrt(21) / 10, 12);
      expect(robustAutocorrelationStandardError([3, 1, 4, 0], 2)).toBeCloseTo(Math.sqrt(8) / 10, 12);
      expect(robustAutocorrelationStandardError([3, 1, 4, 0], 3)).toBeCloseTo(2 / 10, 12);
    });

    it('is NaN when the lag leaves no pairs or the series is flat, and refuses a lag below 1', () => {
      expect(robustAutocorrelationStandardError([1, 2, 3], 3)).toBeNaN();
      expect(robustAutocorrelationStandardError([5, 5, 5, 5], 1)).toBeNaN();
      expect(() => robustAutocorrelationStandardError([1, 2, 3], 0)).toThrow('lag must be an integer >= 1 (got 0)');
    });

    it('is about 1/√n for returns of constant size', () => {
      // 20 000 draws: the estimate's own relative spread is about 1 %, so 5 % is 4 or more spreads.
      const noise = normals(3, 20_000);
      for (const lag of [1, 2, 5, 20]) {
        expect(Math.abs(robustAutocorrelationStandardError(noise, lag) * Math.sqrt(noise.length) - 1)).toBeLessThan(0.05);
      }
    });

    it('is larger than 1/√n when large returns cluster', () => {
      // Spells of 50 calm (size 1) and 50 busy (size 5) returns, otherwise independent. Where both
      // ends of a pair share a spell, E[d_t² d_{t−k}²] is (1 + 625) / 2 against (Σ σ²/n)² = 13²,
      // so at lags 1..5 (90 % or more of pairs in one spell) the SE is about 1.3/√n.
      const draws = normals(4, 4_000);
      const clustered = draws.map((z, t) => (Math.floor(t / 50) % 2 === 0 ? z : 5 * z));
      for (const lag of [1, 2, 3, 5]) {
        expect(robustAutocorrelationStandardError(clustered, lag) * Math.sqrt(clustered.length)).toBeGreaterThan(1.2);
      }
      expect(robustAutocorrelationStandardError(draws, 2) * Math.sqrt(draws.length)).toBeLessThan(1.1);
    });
  });
});
