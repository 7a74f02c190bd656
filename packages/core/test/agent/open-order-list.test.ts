import fc from 'fast-check';
import { OpenOrderList, orderIdFingerprint } from '../../src/agent/open-order-list.js';
import type { OpenOrderView } from '../../src/agent/agent-account.js';

function add(list: OpenOrderList, orderId: string, sizeLots = 1): OpenOrderView {
  list.add(orderId, 'buy', 'limit', 100, sizeLots, 0);
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
    add(list, 'a-123', 1);
    add(list, 'b-123', 2);
    expect(list.get('a-123')?.sizeLots).toBe(1);
    expect(list.get('b-123')?.sizeLots).toBe(2);
    expect(list.has('c-123')).toBe(false);
    remove(list, 'a-123');
    expect(list.has('a-123')).toBe(false);
    expect(list.get('b-123')?.sizeLots).toBe(2);
  });

  it('handles ids shorter than the fingerprint reads', () => {
    const list = new OpenOrderList();
    for (const id of ['', 'x', 'xy', 'yx']) add(list, id);
    expect([...list.keys()]).toEqual(['', 'x', 'xy', 'yx']);
    expect(list.has('y')).toBe(false);
  });

  it('keeps every field of a row, and changes only the field it is told to', () => {
    const list = new OpenOrderList();
    list.add('b1', 'buy', 'limit', 101, 3, 1_700_000_000_000_001);
    list.add('s1', 'sell', 'market', 0, 7, 1_700_000_000_000_002);
    list.markResting(0);
    list.setPriceTicks(1, 99);
    list.setSizeLots(1, 5);
    expect([...list.values()]).toEqual([
      { orderId: 'b1', side: 'buy', orderType: 'limit', priceTicks: 101, sizeLots: 3, state: 'resting', sentUs: 1_700_000_000_000_001 },
      { orderId: 's1', side: 'sell', orderType: 'market', priceTicks: 99, sizeLots: 5, state: 'pending', sentUs: 1_700_000_000_000_002 },
    ]);
    expect([list.idAt(1), list.sideAt(1), list.orderTypeAt(1), list.stateAt(1), list.sentUsAt(0)]).toEqual([
      's1',
      'sell',
      'market',
      'pending',
      1_700_000_000_000_001,
    ]);
  });

  it('hands out copies: a view read before a change keeps what it read', () => {
    const list = new OpenOrderList();
    add(list, 'o1', 4);
    const before = list.get('o1')!;
    list.setSizeLots(0, 1);
    expect(before.sizeLots).toBe(4);
    expect(list.get('o1')?.sizeLots).toBe(1);
  });

  it('keeps sending order when an order leaves from the middle, and reuses the rows it freed', () => {
    const list = new OpenOrderList();
    for (const id of ['o1', 'o2', 'o3', 'o4']) add(list, id);
    remove(list, 'o2');
    list.setSizeLots(list.indexOf('o3'), 9);
    add(list, 'o5');
    expect([...list.values()].map((o) => [o.orderId, o.sizeLots])).toEqual([['o1', 1], ['o3', 9], ['o4', 1], ['o5', 1]]);
    expect([...list].map(([id]) => id)).toEqual(['o1', 'o3', 'o4', 'o5']);
    const seen: string[] = [];
    list.forEach((value, key, map) => {
      expect(map).toBe(list);
      seen.push(`${key}:${value.sizeLots}`);
    });
    expect(seen).toEqual(['o1:1', 'o3:9', 'o4:1', 'o5:1']);
  });

  it('answers like a Map under any sequence of adds and removals', () => {
    // Forty ids of one length with twenty fingerprints (aa-1 and ba-1 share one): collisions of
    // fingerprints are frequent.
    const id = fc.stringMatching(/^[ab]{2}-[0-9]$/);
    const step = fc.oneof(
      fc.record({ add: id, size: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ remove: id }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), fc.array(id, { maxLength: 10 }), (steps, probes) => {
        const list = new OpenOrderList();
        const model = new Map<string, OpenOrderView>();
        for (const s of steps) {
          if ('add' in s) {
            // The account never adds an id that is open (the pre-trade check refuses it).
            if (model.has(s.add)) continue;
            model.set(s.add, add(list, s.add, s.size));
          } else {
            remove(list, s.remove);
            model.delete(s.remove);
          }
        }
        expect(list.size).toBe(model.size);
        expect([...list.entries()]).toEqual([...model.entries()]);
        for (const probe of probes) {
          expect(list.has(probe)).toBe(model.has(probe));
          expect(list.get(probe)).toEqual(model.get(probe));
        }
      }),
    );
  });
});
