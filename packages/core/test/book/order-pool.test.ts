import { OrderPool } from '../../src/book/order-pool.js';
import { RestingOrder, orderTraits } from '../../src/book/resting-order.js';

const traits = orderTraits(false, 'none');

describe('OrderPool', () => {
  it('creates a fresh node when nothing was released', () => {
    const pool = new OrderPool();
    const order = pool.take('a', 'alice', 'buy', 5, 0, 10, traits);
    expect(order).toBeInstanceOf(RestingOrder);
    expect([order.orderId, order.ownerId, order.side, order.sizeLots, order.filledLots, order.timeUs]).toEqual(['a', 'alice', 'buy', 5, 0, 10]);
  });

  it('reuses a released node with every field reset, as a fresh one would have them', () => {
    const pool = new OrderPool();
    const old = pool.take('a', 'alice', 'buy', 5, 0, 10, traits);
    old.filledLots = 3;
    old.prev = new RestingOrder('x', 'x', 'buy', 1, 0, 0, traits);
    pool.release(old);
    const stpTraits = orderTraits(true, 'cancel-both');
    const reused = pool.take('b', 'bob', 'sell', 7, 2, 20, stpTraits);
    expect(reused).toBe(old);
    expect(reused).toEqual(new RestingOrder('b', 'bob', 'sell', 7, 2, 20, stpTraits));
    expect([reused.prev, reused.next, reused.level, reused.priceTicks]).toEqual([null, null, null, 0]);
  });

  it('hands out released nodes last in, first out, then fresh ones', () => {
    const pool = new OrderPool();
    const [a, b] = [pool.take('a', 'o', 'buy', 1, 0, 0, traits), pool.take('b', 'o', 'buy', 1, 0, 0, traits)];
    pool.release(a);
    pool.release(b);
    expect(pool.take('c', 'o', 'buy', 1, 0, 0, traits)).toBe(b);
    expect(pool.take('d', 'o', 'buy', 1, 0, 0, traits)).toBe(a);
    const fresh = pool.take('e', 'o', 'buy', 1, 0, 0, traits);
    expect(fresh === a || fresh === b).toBe(false);
  });

  it('keeps at most 4 096 free nodes, so a burst of cancels does not pin memory', () => {
    const pool = new OrderPool();
    const nodes = Array.from({ length: 5_000 }, (_, i) => new RestingOrder(`o${i}`, 'o', 'buy', 1, 0, 0, traits));
    for (const node of nodes) pool.release(node);
    const reused = new Set<RestingOrder>();
    for (let i = 0; i < 5_000; i++) reused.add(pool.take(`n${i}`, 'o', 'buy', 1, 0, 0, traits));
    expect(nodes.filter((node) => reused.has(node))).toHaveLength(4_096);
  });
});
