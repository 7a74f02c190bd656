import { BookHarness, brief, limit, market, table, types } from '../helpers/book-harness.js';

// alice rests in the middle of the 101 queue; she then sends a buy that reaches her own order.
const BOOK = `
  ask 102 | s3:5
  ask 101 | s1:3 a1@alice:4 s2:2
`;
const LADDER = table('ask 102 | s3:5\nask 101 | s1:3 a1:4 s2:2');

describe('Self-trade prevention', () => {
  it('trades with itself when the mode is none', () => {
    const h = new BookHarness().build(BOOK);
    const events = h.send(limit('a2', 'buy', 101, 9, { ownerId: 'alice', selfTradePrevention: 'none' }));
    expect(events.filter((event) => event.type === 'trade').map((event) => event.makerOrderId)).toEqual(['s1', 'a1', 's2']);
  });

  it('cancel-resting cancels her resting order and keeps matching behind it', () => {
    const h = new BookHarness().build(BOOK);
    const events = h.send(limit('a2', 'buy', 101, 9, { ownerId: 'alice', selfTradePrevention: 'cancel-resting' }));
    expect(types(events)).toEqual([
      'accepted',
      'trade', 'done', //           s1 filled
      'cancelled', 'done', //       a1 cancelled (self-trade)
      'trade', 'done', 'level', //  s2 filled, 101 gone
      'level', //                   a2 rests 4 at 101
    ]);
    expect(brief(events.slice(3, 5))).toEqual([
      { type: 'cancelled', orderId: 'a1', ownerId: 'alice', reason: 'self-trade', cancelledLots: 4 },
      { type: 'done', orderId: 'a1', ownerId: 'alice', reason: 'cancelled', filledLots: 0 },
    ]);
    expect(h.ladder()).toBe(table('ask 102 | s3:5\nbid 101 | a2:4'));
  });

  it('cancel-incoming stops the taker at her own order and leaves it resting', () => {
    const h = new BookHarness().build(BOOK);
    const events = h.send(limit('a2', 'buy', 101, 9, { ownerId: 'alice', selfTradePrevention: 'cancel-incoming' }));
    expect(types(events)).toEqual(['accepted', 'trade', 'done', 'level', 'cancelled', 'done']);
    expect(brief(events.slice(-2))).toEqual([
      { type: 'cancelled', orderId: 'a2', ownerId: 'alice', reason: 'self-trade', cancelledLots: 6 },
      { type: 'done', orderId: 'a2', ownerId: 'alice', reason: 'cancelled', filledLots: 3 },
    ]);
    expect(h.ladder()).toBe(table('ask 102 | s3:5\nask 101 | a1:4 s2:2'));
  });

  it('cancel-incoming publishes no level when her order is first in the queue', () => {
    const h = new BookHarness().build('ask 101 | a1@alice:4 s2:2');
    const events = h.send(market('a2', 'buy', 3, { ownerId: 'alice', selfTradePrevention: 'cancel-incoming' }));
    expect(types(events)).toEqual(['accepted', 'cancelled', 'done']);
  });

  it('cancel-both cancels her resting order and the taker', () => {
    const h = new BookHarness().build(BOOK);
    const events = h.send(limit('a2', 'buy', 101, 9, { ownerId: 'alice', selfTradePrevention: 'cancel-both' }));
    expect(types(events)).toEqual(['accepted', 'trade', 'done', 'cancelled', 'done', 'level', 'cancelled', 'done']);
    expect(events.map((event) => ('orderId' in event ? event.orderId : event.type))).toEqual([
      'a2', 'trade', 's1', 'a1', 'a1', 'level', 'a2', 'a2',
    ]);
    expect(h.ladder()).toBe(table('ask 102 | s3:5\nask 101 | s2:2'));
  });

  it('never blocks orders of other owners', () => {
    const h = new BookHarness().build(BOOK);
    const events = h.send(limit('b1', 'buy', 101, 9, { ownerId: 'bob', selfTradePrevention: 'cancel-both' }));
    expect(events.at(-1)).toMatchObject({ type: 'done', reason: 'filled', filledLots: 9 });
  });

  it('counts FOK size the way the loop will match it', () => {
    // cancel-resting skips alice's 4 lots: 3 + 2 + 5 = 10 lots are reachable up to 102.
    const h = new BookHarness().build(BOOK);
    const fok = { ownerId: 'alice', selfTradePrevention: 'cancel-resting', timeInForce: 'fok' } as const;
    expect(h.send(limit('a2', 'buy', 102, 11, fok))[0]).toMatchObject({ code: 'FOK_NOT_FILLABLE' });
    expect(h.ladder()).toBe(LADDER);
    expect(h.send(limit('a3', 'buy', 102, 10, fok)).at(-1)).toMatchObject({ reason: 'filled', filledLots: 10 });

    // cancel-incoming would stop at alice's order: only s1's 3 lots are reachable.
    const g = new BookHarness().build(BOOK);
    const stop = { ownerId: 'alice', selfTradePrevention: 'cancel-incoming', timeInForce: 'fok' } as const;
    expect(g.send(limit('a2', 'buy', 102, 4, stop))[0]).toMatchObject({ code: 'FOK_NOT_FILLABLE' });
    expect(g.send(limit('a3', 'buy', 102, 3, stop)).at(-1)).toMatchObject({ reason: 'filled' });
  });
});
