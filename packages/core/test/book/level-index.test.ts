import fc from 'fast-check';
import { LevelIndex } from '../../src/book/level-index.js';
import { LevelQueue } from '../../src/book/level-queue.js';

describe('LevelIndex', () => {
  it('finds levels whose prices share a slot, whichever of them left first', () => {
    const index = new LevelIndex();
    // 256 slots to begin with: these three prices share one.
    const [a, b, c] = [1000, 1256, 1512].map((price) => new LevelQueue(price)) as [LevelQueue, LevelQueue, LevelQueue];
    for (const queue of [a, b, c]) index.add(queue);
    expect([index.get(1000), index.get(1256), index.get(1512), index.get(1768)]).toEqual([a, b, c, undefined]);
    index.delete(a);
    expect([index.get(1000), index.get(1256), index.get(1512)]).toEqual([undefined, b, c]);
    const d = new LevelQueue(1768);
    index.add(d);
    expect([index.get(1256), index.get(1512), index.get(1768)]).toEqual([b, c, d]);
  });

  it('answers like a Map by price under any adds and removals, across growth', () => {
    // Prices in a band wider than the smallest table, so levels collide, and enough of them to grow it.
    const step = fc.record({ price: fc.integer({ min: 1, max: 3000 }), remove: fc.boolean() });
    fc.assert(
      fc.property(fc.array(step, { minLength: 200, maxLength: 600 }), (steps) => {
        const index = new LevelIndex();
        const model = new Map<number, LevelQueue>();
        for (const { price, remove } of steps) {
          const queue = model.get(price);
          if (queue !== undefined && remove) {
            index.delete(queue);
            model.delete(price);
          } else if (queue === undefined) {
            const added = new LevelQueue(price);
            index.add(added);
            model.set(price, added);
          }
        }
        for (let price = 1; price <= 3000; price += 7) expect(index.get(price)).toBe(model.get(price));
        for (const [price, queue] of model) expect(index.get(price)).toBe(queue);
      }),
    );
  });
});
