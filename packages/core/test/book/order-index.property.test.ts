import fc from 'fast-check';
import { OrderIndex } from '../../src/book/order-index.js';
import { RestingOrder, orderTraits } from '../../src/book/resting-order.js';

const node = (orderId: string): RestingOrder => new RestingOrder(orderId, 'owner', 'buy', 1, 0, 0, orderTraits(false, 'none'));

describe('OrderIndex', () => {
  it('behaves like a Map from order id to order under any add/delete/get sequence', () => {
    // Few distinct ids and many operations, so probe runs form, wrap and get deleted from the middle.
    const idArb = fc.oneof(fc.integer({ min: 0, max: 3000 }).map((n) => `o${n}`), fc.string({ maxLength: 6 }));
    // Before an add or delete the index may have just looked up that id (what the engine does, and
    // what lets the index reuse the lookup's slot) or another one (a stale lookup it must ignore).
    const lookupArb = fc.constantFrom('none', 'same', 'same', 'other');
    const opArb = fc.tuple(fc.constantFrom('add', 'add', 'delete', 'get'), idArb, lookupArb, idArb);
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 3000 }), (ops) => {
        const index = new OrderIndex();
        const model = new Map<string, RestingOrder>();
        for (const [op, orderId, lookup, otherId] of ops) {
          if (lookup === 'same') expect(index.get(orderId)).toBe(model.get(orderId));
          else if (lookup === 'other') expect(index.get(otherId)).toBe(model.get(otherId));
          const existing = model.get(orderId);
          if (op === 'add' && existing === undefined) {
            const order = node(orderId);
            index.add(order);
            model.set(orderId, order);
          } else if (op === 'delete' && existing !== undefined) {
            index.delete(existing);
            model.delete(orderId);
          }
          expect(index.get(orderId)).toBe(model.get(orderId));
          expect(index.size).toBe(model.size);
        }
        for (const [orderId, order] of model) expect(index.get(orderId)).toBe(order);
        const seen: string[] = [];
        index.forEach((order) => seen.push(order.orderId));
        expect(seen.sort()).toEqual([...model.keys()].sort());
      }),
      { numRuns: 60 },
    );
  });

  it('finds equal ids given as different string objects', () => {
    const index = new OrderIndex();
    const order = node(['ab', 'c'].join(''));
    index.add(order);
    expect(index.get(`a${'bc'.slice(0, 1)}c`)).toBe(order);
    expect(index.has('abd')).toBe(false);
  });

  it('grows past its initial capacity and keeps every order', () => {
    const index = new OrderIndex();
    const orders = Array.from({ length: 10_000 }, (_, i) => node(`order-${i}`));
    for (const order of orders) index.add(order);
    for (let i = 0; i < orders.length; i += 2) index.delete(orders[i]);
    expect(index.size).toBe(5_000);
    const wrong = orders.filter((order, i) => index.get(order.orderId) !== (i % 2 === 0 ? undefined : order));
    expect(wrong).toEqual([]);
  });
});
