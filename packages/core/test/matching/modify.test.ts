import { BookHarness, brief, limit, modify, table, types } from '../helpers/book-harness.js';

const BOOK = `
  ask 102 | s3:5
  ask 101 | s1:3 s2:4 s4:1
  bid 100 | b1:2 b2:6
`;

describe('Modify', () => {
  it('keeps time priority when size goes down', () => {
    const h = new BookHarness().build(BOOK);
    const events = h.send(modify('s1', { sizeLots: 1 }));
    expect(brief(events)).toEqual([
      { type: 'modified', orderId: 's1', ownerId: 'owner-s1', priceTicks: 101, sizeLots: 1, keptPriority: true },
      { type: 'level', side: 'sell', priceTicks: 101, sizeLots: 6, orderCount: 3 },
    ]);
    expect(h.ladder().split('\n')[1]).toBe('ask 101 | s1:1 s2:4 s4:1');
    expect(h.engine.book.order('s1')?.timeUs).toBe(0);
  });

  it('loses time priority when size goes up', () => {
    const h = new BookHarness().build(BOOK);
    const events = h.send(modify('s1', { sizeLots: 5 }));
    expect(brief(events)).toEqual([
      { type: 'modified', orderId: 's1', ownerId: 'owner-s1', priceTicks: 101, sizeLots: 5, keptPriority: false },
      { type: 'level', side: 'sell', priceTicks: 101, sizeLots: 10, orderCount: 3 },
    ]);
    expect(h.ladder().split('\n')[1]).toBe('ask 101 | s2:4 s4:1 s1:5');
    expect(h.engine.book.order('s1')?.timeUs).toBe(3_000);
  });

  it('loses time priority on a price change and joins the back of the new level', () => {
    const h = new BookHarness().build(BOOK);
    const events = h.send(modify('s4', { priceTicks: 102 }));
    expect(types(events)).toEqual(['modified', 'level', 'level']);
    expect(brief(events.slice(1))).toEqual([
      { type: 'level', side: 'sell', priceTicks: 101, sizeLots: 7, orderCount: 2 },
      { type: 'level', side: 'sell', priceTicks: 102, sizeLots: 6, orderCount: 2 },
    ]);
    expect(h.ladder()).toBe(
      table(`
        ask 102 | s3:5 s4:1
        ask 101 | s1:3 s2:4
        bid 100 | b1:2 b2:6
      `),
    );
  });

  it('matches when the new price crosses and rests the remainder', () => {
    const h = new BookHarness().build(BOOK);
    const events = h.send(modify('b2', { priceTicks: 101, sizeLots: 10 }));
    expect(types(events)).toEqual([
      'modified', 'level', //                                 b2 leaves bid 100
      'trade', 'done', 'trade', 'done', 'trade', 'done', //   s1, s2, s4 filled
      'level', 'level', //                                    ask 101 gone, b2 rests at bid 101
    ]);
    expect(events[2]).toMatchObject({ makerOrderId: 's1', takerOrderId: 'b2', priceTicks: 101, sizeLots: 3, aggressor: 'buy' });
    expect(events.at(-1)).toMatchObject({ side: 'buy', priceTicks: 101, sizeLots: 2, orderCount: 1 });
    expect(h.ladder()).toBe(
      table(`
        ask 102 | s3:5
        bid 101 | b2:2
        bid 100 | b1:2
      `),
    );
    expect(h.engine.book.order('b2')).toMatchObject({ sizeLots: 2, filledLots: 8, timeUs: 3_000 });
  });

  it('reports done with the lifetime filled size when the modified order fills completely', () => {
    const h = new BookHarness().build(BOOK);
    h.send(limit('b3', 'buy', 100, 5));
    h.send(limit('s5', 'sell', 100, 10)); // fills b1 2, b2 6, b3 2
    expect(h.engine.book.order('b3')).toMatchObject({ sizeLots: 3, filledLots: 2 });
    const events = h.send(modify('b3', { priceTicks: 102 }));
    expect(events.at(-1)).toMatchObject({ type: 'done', orderId: 'b3', reason: 'filled', filledLots: 5 });
  });

  it('applies price and size together', () => {
    const h = new BookHarness().build(BOOK);
    h.send(modify('b1', { priceTicks: 99, sizeLots: 1 }));
    expect(h.ladder()).toBe(
      table(`
        ask 102 | s3:5
        ask 101 | s1:3 s2:4 s4:1
        bid 100 | b2:6
        bid 99  | b1:1
      `),
    );
  });

  it('emits only modified when nothing changes', () => {
    const h = new BookHarness().build(BOOK);
    expect(types(h.send(modify('s2', { sizeLots: 4 })))).toEqual(['modified']);
    expect(h.ladder()).toBe(table(BOOK));
  });

  it('rejects a post-only price that would cross and leaves the order as it was', () => {
    const h = new BookHarness();
    h.send(limit('p1', 'buy', 99, 2, { postOnly: true }));
    h.build('ask 101 | s1:3');
    const events = h.send(modify('p1', { priceTicks: 101 }));
    expect(events).toEqual([expect.objectContaining({ type: 'rejected', command: 'modify', code: 'POST_ONLY_WOULD_CROSS' })]);
    expect(h.engine.book.order('p1')).toMatchObject({ priceTicks: 99, sizeLots: 2 });
  });

  it('applies the order\'s own self-trade prevention when it crosses', () => {
    const h = new BookHarness();
    h.build('ask 101 | a1@alice:3 s1:2');
    h.send(limit('a2', 'buy', 100, 4, { ownerId: 'alice', selfTradePrevention: 'cancel-incoming' }));
    const events = h.send(modify('a2', { priceTicks: 101 }));
    expect(types(events)).toEqual(['modified', 'level', 'cancelled', 'done']);
    expect(events[2]).toMatchObject({ orderId: 'a2', reason: 'self-trade', cancelledLots: 4 });
    expect(h.ladder()).toBe('ask 101 | a1:3 s1:2');
  });
});
