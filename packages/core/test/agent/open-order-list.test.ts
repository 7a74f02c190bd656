import fc from 'fast-check';
import { OpenOrderList, orderIdFingerprint } from '../../src/agent/open-order-list.js';
import type { OpenOrder } from '../../src/agent/open-order-list.js';

function order(orderId: string, sizeLots = 1): OpenOrder {
  return { orderId, side: 'buy', orderType: 'limit', priceTicks: 100, sizeLots, state: 'pending', sentUs: 0 };
}

function remove(list: OpenOrderList, orderId: string): void {
  const index = list.indexOf(orderId);
  if (index >= 0) list.removeAt(index);
}

describe('OpenOrderList', () => {
  it('finds ids whose fingerprints collide by comparing the ids themselves', () => {
    // Same length and same last three characters: one fingerprint.
    expect(orderIdFingerprint('a-123')).toBe(orderIdFingerprint('b-123'));
    const list = new OpenOrderList();
    list.set(order('a-123', 1));
    list.set(order('b-123', 2));
    expect(list.get('a-123')?.sizeLots).toBe(1);
    expect(list.get('b-123')?.sizeLots).toBe(2);
    expect(list.has('c-123')).toBe(false);
    remove(list, 'a-123');
    expect(list.has('a-123')).toBe(false);
    expect(list.get('b-123')?.sizeLots).toBe(2);
  });

  it('handles ids shorter than the fingerprint reads', () => {
    const list = new OpenOrderList();
    for (const id of ['', 'x', 'xy', 'yx']) list.set(order(id));
    expect([...list.keys()]).toEqual(['', 'x', 'xy', 'yx']);
    expect(list.has('y')).toBe(false);
  });

  it('keeps sending order when an order leaves from the middle, and replaces an id in place', () => {
    const list = new OpenOrderList();
    for (const id of ['o1', 'o2', 'o3', 'o4']) list.set(order(id));
    remove(list, 'o2');
    list.set(order('o3', 9));
    list.set(order('o5'));
    expect([...list.values()].map((o) => [o.orderId, o.sizeLots])).toEqual([['o1', 1], ['o3', 9], ['o4', 1], ['o5', 1]]);
    expect([...list].map(([id]) => id)).toEqual(['o1', 'o3', 'o4', 'o5']);
    const seen: string[] = [];
    list.forEach((value, key, map) => {
      expect(map).toBe(list);
      seen.push(`${key}:${value.sizeLots}`);
    });
    expect(seen).toEqual(['o1:1', 'o3:9', 'o4:1', 'o5:1']);
  });

  it('answers like a Map under any sequence of adds, replaces and removals', () => {
    // Forty ids of one length with twenty fingerprints (aa-1 and ba-1 share one): collisions of
    // fingerprints and of whole ids are frequent.
    const id = fc.stringMatching(/^[ab]{2}-[0-9]$/);
    const step = fc.oneof(
      fc.record({ add: id, size: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ remove: id }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), fc.array(id, { maxLength: 10 }), (steps, probes) => {
        const list = new OpenOrderList();
        const model = new Map<string, OpenOrder>();
        for (const s of steps) {
          if ('add' in s) {
            const o = order(s.add, s.size);
            list.set(o);
            model.set(s.add, o);
          } else {
            remove(list, s.remove);
            model.delete(s.remove);
          }
        }
        expect(list.size).toBe(model.size);
        expect([...list.entries()]).toEqual([...model.entries()]);
        for (const probe of probes) {
          expect(list.has(probe)).toBe(model.has(probe));
          expect(list.get(probe)).toBe(model.get(probe));
        }
      }),
    );
  });
});
