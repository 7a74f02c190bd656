import fc from 'fast-check';
import type { BookLevel } from '@marksim/core';
import { diffSide } from '../src/book-diff.js';

const level = (priceTicks: number, sizeLots: number): BookLevel => ({ priceTicks, sizeLots, orderCount: 1 });

describe('diffSide', () => {
  it('lists new, changed and removed levels in price order (bids descending)', () => {
    // before: 100×1  99×2  98×3      after: 101×5  100×1  98×4
    const before = [level(100, 1), level(99, 2), level(98, 3)];
    const after = [level(101, 5), level(100, 1), level(98, 4)];
    expect(diffSide(before, after, true)).toEqual([level(101, 5), { priceTicks: 99, sizeLots: 0, orderCount: 0 }, level(98, 4)]);
  });

  it('applied to the previous side always gives the next side', () => {
    const side = fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 20 }).chain((prices) =>
      fc.tuple(...prices.map((price) => fc.integer({ min: 1, max: 5 }).map((size) => level(price, size)))),
    );
    fc.assert(
      fc.property(side, side, fc.boolean(), (a, b, descending) => {
        const order = (x: BookLevel, y: BookLevel) => (descending ? y.priceTicks - x.priceTicks : x.priceTicks - y.priceTicks);
        const previous = [...a].sort(order);
        const next = [...b].sort(order);
        const book = new Map(previous.map((l) => [l.priceTicks, l.sizeLots]));
        for (const change of diffSide(previous, next, descending)) {
          if (change.sizeLots === 0) book.delete(change.priceTicks);
          else book.set(change.priceTicks, change.sizeLots);
        }
        expect([...book].map(([p, s]) => level(p, s)).sort(order)).toEqual(next);
      }),
    );
  });
});
