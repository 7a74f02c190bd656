import { BTC_USD, MarksimError, MatchingEngine } from '@marksim/core';
import type { BookEvent } from '@marksim/core';
import { BookHarness, brief, cancel, limit, market, table, types } from '../helpers/book-harness.js';

const BOOK = `
  ask 102 | s3:5
  ask 101 | s1:3 s2:4
  bid 100 | b1:2 b2:6
  bid 99  | b3:1
`;

describe('MatchingEngine: limit orders (gtc)', () => {
  it('rests a limit order that does not cross and publishes its level', () => {
    const h = new BookHarness();
    const events = h.send(limit('b1', 'buy', 100, 5));
    expect(brief(events)).toEqual([
      {
        type: 'accepted',
        orderId: 'b1',
        ownerId: 'owner-b1',
        side: 'buy',
        orderType: 'limit',
        timeInForce: 'gtc',
        priceTicks: 100,
        sizeLots: 5,
      },
      { type: 'level', side: 'buy', priceTicks: 100, sizeLots: 5, orderCount: 1 },
    ]);
    expect(h.ladder()).toBe('bid 100 | b1:5');
  });

  it('queues orders at one price in arrival order', () => {
    const h = new BookHarness().build(BOOK);
    expect(h.ladder()).toBe(table(BOOK));
    const events = h.send(limit('s4', 'sell', 101, 1));
    expect(brief(events).at(-1)).toEqual({ type: 'level', side: 'sell', priceTicks: 101, sizeLots: 8, orderCount: 3 });
    expect(h.ladder()).toBe(
      table(`
        ask 102 | s3:5
        ask 101 | s1:3 s2:4 s4:1
        bid 100 | b1:2 b2:6
        bid 99  | b3:1
      `),
    );
  });

  it('fills a crossing order at the maker price, oldest maker first', () => {
    const h = new BookHarness().build(BOOK);
    const events = h.send(limit('t1', 'buy', 101, 5));
    expect(types(events)).toEqual(['accepted', 'trade', 'done', 'trade', 'level', 'done']);
    const trades = events.filter((event) => event.type === 'trade');
    expect(trades.map((trade) => [trade.makerOrderId, trade.priceTicks, trade.sizeLots])).toEqual([
      ['s1', 101, 3],
      ['s2', 101, 2],
    ]);
    expect(h.ladder()).toBe(
      table(`
        ask 102 | s3:5
        ask 101 | s2:2
        bid 100 | b1:2 b2:6
        bid 99  | b3:1
      `),
    );
  });

  it('gives a buyer the lower ask price even when its limit is higher', () => {
    const h = new BookHarness().build(BOOK);
    const events = h.send(limit('t1', 'buy', 150, 3));
    const trade = events.find((event) => event.type === 'trade');
    expect(trade).toMatchObject({ priceTicks: 101, sizeLots: 3, aggressor: 'buy', makerOrderId: 's1', takerOrderId: 't1' });
  });

  it('sweeps several levels and rests the remainder at its limit', () => {
    const h = new BookHarness().build(BOOK);
    const events = h.send(limit('t1', 'buy', 102, 20));
    expect(types(events)).toEqual([
      'accepted',
      'trade', 'done', 'trade', 'done', 'level', // 101 emptied
      'trade', 'done', 'level', //                  102 emptied
      'level', //                                   t1 rests at 102
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'level', side: 'buy', priceTicks: 102, sizeLots: 8, orderCount: 1 });
    expect(h.ladder()).toBe(
      table(`
        bid 102 | t1:8
        bid 100 | b1:2 b2:6
        bid 99  | b3:1
      `),
    );
    expect(h.engine.book.order('t1')).toMatchObject({ sizeLots: 8, filledLots: 12 });
  });

  it('fills a sell against the highest bid first', () => {
    const h = new BookHarness().build(BOOK);
    const events = h.send(limit('t1', 'sell', 99, 9));
    const trades = events.filter((event) => event.type === 'trade');
    expect(trades.map((trade) => [trade.makerOrderId, trade.priceTicks, trade.sizeLots, trade.aggressor])).toEqual([
      ['b1', 100, 2, 'sell'],
      ['b2', 100, 6, 'sell'],
      ['b3', 99, 1, 'sell'],
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'done', orderId: 't1', reason: 'filled', filledLots: 9 });
    expect(h.ladder()).toBe(table('ask 102 | s3:5\nask 101 | s1:3 s2:4'));
  });

  it('leaves a partially filled maker at the head of its queue', () => {
    const h = new BookHarness().build(BOOK);
    h.send(limit('t1', 'buy', 101, 1));
    h.send(limit('s4', 'sell', 101, 1));
    expect(h.ladder().split('\n')[1]).toBe('ask 101 | s1:2 s2:4 s4:1');
    expect(h.engine.book.order('s1')).toMatchObject({ sizeLots: 2, filledLots: 1 });
  });

  it('numbers trades per symbol and events strictly by one', () => {
    const h = new BookHarness().build(BOOK);
    h.send(limit('t1', 'buy', 102, 9));
    h.send(market('t2', 'sell', 3));
    const tradeIds = h.events.filter((event) => event.type === 'trade').map((event) => event.tradeId);
    expect(tradeIds).toEqual([1, 2, 3, 4, 5]);
    expect(h.events.map((event) => event.seq)).toEqual(h.events.map((_, index) => index + 1));
  });
});

describe('MatchingEngine: market orders', () => {
  it('takes liquidity at any price and never rests', () => {
    const h = new BookHarness().build(BOOK);
    const events = h.send(market('m1', 'buy', 10));
    expect(brief(events)[0]).toMatchObject({ type: 'accepted', orderType: 'market', priceTicks: 0 });
    expect(events.filter((event) => event.type === 'trade').map((event) => event.priceTicks)).toEqual([101, 101, 102]);
    expect(events.at(-1)).toMatchObject({ type: 'done', orderId: 'm1', reason: 'filled', filledLots: 10 });
    expect(h.ladder()).toBe(table('ask 102 | s3:2\nbid 100 | b1:2 b2:6\nbid 99 | b3:1'));
  });

  it('cancels what the book cannot fill with reason no-liquidity', () => {
    const h = new BookHarness().build(BOOK);
    const events = h.send(market('m1', 'sell', 12));
    expect(brief(events.slice(-2))).toEqual([
      { type: 'cancelled', orderId: 'm1', ownerId: 'owner-m1', reason: 'no-liquidity', cancelledLots: 3 },
      { type: 'done', orderId: 'm1', ownerId: 'owner-m1', reason: 'cancelled', filledLots: 9 },
    ]);
    expect(h.engine.book.bidLevelCount).toBe(0);
  });

  it('is rejected with NO_LIQUIDITY when the other side is empty', () => {
    const h = new BookHarness().build('bid 100 | b1:2');
    const events = h.send(market('m1', 'buy', 1));
    expect(brief(events)).toEqual([
      expect.objectContaining({ type: 'rejected', command: 'new', orderId: 'm1', code: 'NO_LIQUIDITY' }),
    ]);
  });
});

describe('MatchingEngine: IOC', () => {
  it('fills what crosses now and cancels the rest with reason ioc', () => {
    const h = new BookHarness().build(BOOK);
    const events = h.send(limit('i1', 'buy', 101, 10, { timeInForce: 'ioc' }));
    expect(types(events)).toEqual(['accepted', 'trade', 'done', 'trade', 'done', 'level', 'cancelled', 'done']);
    expect(events.at(-2)).toMatchObject({ type: 'cancelled', reason: 'ioc', cancelledLots: 3 });
    expect(events.at(-1)).toMatchObject({ type: 'done', reason: 'cancelled', filledLots: 7 });
    expect(h.ladder()).toBe(table('ask 102 | s3:5\nbid 100 | b1:2 b2:6\nbid 99 | b3:1'));
  });

  it('is accepted then cancelled whole when nothing crosses', () => {
    const h = new BookHarness().build(BOOK);
    const events = h.send(limit('i1', 'sell', 101, 4, { timeInForce: 'ioc' }));
    expect(types(events)).toEqual(['accepted', 'cancelled', 'done']);
    expect(events[2]).toMatchObject({ filledLots: 0 });
  });
});

describe('MatchingEngine: FOK', () => {
  it('fills completely across levels when enough size crosses', () => {
    const h = new BookHarness().build(BOOK);
    const events = h.send(limit('f1', 'buy', 102, 12, { timeInForce: 'fok' }));
    expect(events.at(-1)).toMatchObject({ type: 'done', orderId: 'f1', reason: 'filled', filledLots: 12 });
  });

  it('is rejected without touching the book when it cannot fill completely', () => {
    const h = new BookHarness().build(BOOK);
    const before = h.ladder();
    const events = h.send(limit('f1', 'buy', 101, 8, { timeInForce: 'fok' }));
    expect(brief(events)).toEqual([
      expect.objectContaining({ type: 'rejected', code: 'FOK_NOT_FILLABLE', message: expect.stringMatching(/got 8, 7 available/) }),
    ]);
    expect(h.ladder()).toBe(before);
  });

  it('works as a market order too', () => {
    const h = new BookHarness().build(BOOK);
    expect(h.send(market('f1', 'sell', 10, { timeInForce: 'fok' }))[0]).toMatchObject({ code: 'FOK_NOT_FILLABLE' });
    expect(h.send(market('f2', 'sell', 9, { timeInForce: 'fok' })).at(-1)).toMatchObject({ reason: 'filled' });
  });
});

describe('MatchingEngine: post-only', () => {
  it('rests when it does not cross', () => {
    const h = new BookHarness().build(BOOK);
    expect(types(h.send(limit('p1', 'buy', 100, 1, { postOnly: true })))).toEqual(['accepted', 'level']);
  });

  it('is rejected when it would take liquidity', () => {
    const h = new BookHarness().build(BOOK);
    const events = h.send(limit('p1', 'sell', 100, 1, { postOnly: true }));
    expect(events).toEqual([
      expect.objectContaining({
        type: 'rejected',
        code: 'POST_ONLY_WOULD_CROSS',
        message: 'priceTicks must not cross the best bid 100 for a post-only order (got 100) for order p1',
      }),
    ]);
    expect(h.ladder()).toBe(table(BOOK));
  });
});

describe('MatchingEngine: cancel', () => {
  it('cancels from the middle of a queue and keeps the others in order', () => {
    const h = new BookHarness().build('ask 101 | s1:3 s2:4 s3:5');
    const events = h.send(cancel('s2'));
    expect(brief(events)).toEqual([
      { type: 'cancelled', orderId: 's2', ownerId: 'owner-s2', reason: 'user', cancelledLots: 4 },
      { type: 'done', orderId: 's2', ownerId: 'owner-s2', reason: 'cancelled', filledLots: 0 },
      { type: 'level', side: 'sell', priceTicks: 101, sizeLots: 8, orderCount: 2 },
    ]);
    expect(h.ladder()).toBe('ask 101 | s1:3 s3:5');
  });

  it('removes the level when its last order goes', () => {
    const h = new BookHarness().build(BOOK);
    h.send(cancel('b3'));
    expect(h.events.at(-1)).toMatchObject({ type: 'level', side: 'buy', priceTicks: 99, sizeLots: 0, orderCount: 0 });
    expect(h.engine.book.levels('buy')).toEqual([{ priceTicks: 100, sizeLots: 8, orderCount: 2 }]);
  });

  it('accepts a cancel that names the right owner', () => {
    const h = new BookHarness().build('bid 100 | b1@alice:2');
    expect(types(h.send(cancel('b1', { ownerId: 'alice' })))).toEqual(['cancelled', 'done', 'level']);
  });

  it('reports the filled part of a partially filled order when it is cancelled', () => {
    const h = new BookHarness().build('ask 101 | s1:5');
    h.send(limit('t1', 'buy', 101, 2));
    expect(h.send(cancel('s1'))[1]).toMatchObject({ type: 'done', reason: 'cancelled', filledLots: 2 });
  });
});

describe('MatchingEngine: construction and determinism', () => {
  it('refuses an instrument without a symbol', () => {
    expect(() => new MatchingEngine({ instrument: { symbol: '', tickSize: '0.01', lotSize: '1' } })).toThrow(MarksimError);
  });

  it('stamps events with the command time and the symbol', () => {
    const engine = new MatchingEngine({ instrument: BTC_USD });
    const [accepted] = engine.process(limit('b1', 'buy', 100, 1, { timeUs: 42 }));
    expect(accepted).toMatchObject({ symbol: 'BTC/USD', timeUs: 42, seq: 1 });
    expect(engine.book.timeUs).toBe(42);
  });

  it('appends to a caller-supplied array and returns it', () => {
    const engine = new MatchingEngine({ instrument: BTC_USD });
    const out: BookEvent[] = [];
    expect(engine.process(limit('b1', 'buy', 100, 1), out)).toBe(out);
    engine.process(limit('b2', 'buy', 100, 1), out);
    expect(out).toHaveLength(4);
  });

  it('gives identical events for the same commands', () => {
    const run = (): BookEvent[] => {
      const h = new BookHarness().build(BOOK);
      h.send(limit('t1', 'buy', 102, 9));
      h.send(cancel('b2'));
      h.send(market('m1', 'sell', 4));
      return h.events;
    };
    expect(run()).toEqual(run());
  });
});
