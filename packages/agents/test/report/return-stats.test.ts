import { aggregateReturns, autocorrelation, excessKurtosis, logReturns, quantile } from '@marksim/agents';
import { SeededRandom } from '@marksim/core';

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
});
