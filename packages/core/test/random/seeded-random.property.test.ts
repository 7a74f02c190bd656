import fc from 'fast-check';
import { SeededRandom } from '@marksim/core';

const seedArb = fc.oneof(fc.integer(), fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }));
const pathArb = fc.array(fc.string(), { maxLength: 3 });

describe('SeededRandom properties', () => {
  it('gives the same draws for the same seed and path', () => {
    fc.assert(
      fc.property(seedArb, pathArb, (seed, path) => {
        const a = new SeededRandom(seed, path);
        const b = new SeededRandom(seed, path);
        for (let i = 0; i < 20; i++) expect(a.next()).toBe(b.next());
      }),
    );
  });

  it('keeps int(lo, hi) within its inclusive bounds', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 2 ** 40 }), fc.integer(), (lo, width, seed) => {
        const random = new SeededRandom(seed);
        const x = random.int(lo, lo + width);
        expect(Number.isSafeInteger(x)).toBe(true);
        expect(x >= lo && x <= lo + width).toBe(true);
      }),
    );
  });

  it('shuffles into a permutation of the input', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (items, seed) => {
        const shuffled = new SeededRandom(seed).shuffle(items.slice());
        expect(shuffled.slice().sort((x, y) => x - y)).toEqual(items.slice().sort((x, y) => x - y));
      }),
    );
  });

  it('keeps uniform, exponential and Poisson draws in range', () => {
    fc.assert(
      fc.property(fc.integer(), fc.double({ min: 0, max: 5000, noNaN: true }), (seed, mean) => {
        const random = new SeededRandom(seed);
        const u = random.next();
        expect(u >= 0 && u < 1).toBe(true);
        expect(random.exponential(1 / (mean + 1))).toBeGreaterThanOrEqual(0);
        const k = random.poisson(mean);
        expect(Number.isInteger(k) && k >= 0).toBe(true);
      }),
    );
  });
});
