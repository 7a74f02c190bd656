import type { OrderCommand, RejectCode } from '@marksim/core';
import { BookHarness, cancel, limit, market, modify, table } from '../helpers/book-harness.js';

const BOOK = `
  ask 101 | s1@alice:3
  bid 100 | b1@bob:2
`;

interface Case {
  readonly rule: string;
  readonly command: OrderCommand;
  readonly code: RejectCode;
  readonly message: string | RegExp;
}

const cases: Case[] = [
  {
    rule: 'a price that is not a whole number of ticks',
    command: limit('n1', 'buy', 100.5, 1),
    code: 'OFF_TICK_PRICE',
    message: 'priceTicks must be a whole number of ticks (got 100.5) for order n1',
  },
  {
    rule: 'a price of zero',
    command: limit('n1', 'buy', 0, 1),
    code: 'INVALID_PRICE',
    message: 'priceTicks must be > 0 and <= 9007199254740991 (got 0) for order n1',
  },
  {
    rule: 'a price that is not a number',
    command: limit('n1', 'buy', Number.NaN, 1),
    code: 'INVALID_PRICE',
    message: 'priceTicks must be a finite number of ticks (got NaN) for order n1',
  },
  {
    rule: 'a size of zero',
    command: limit('n1', 'buy', 100, 0),
    code: 'INVALID_SIZE',
    message: 'sizeLots must be a positive whole number of lots (got 0) for order n1',
  },
  {
    rule: 'a negative size',
    command: market('n1', 'sell', -3),
    code: 'INVALID_SIZE',
    message: /sizeLots must be a positive whole number of lots \(got -3\)/,
  },
  {
    rule: 'a fractional size',
    command: limit('n1', 'buy', 100, 0.5),
    code: 'INVALID_SIZE',
    message: /\(got 0\.5\)/,
  },
  {
    rule: 'an empty order id',
    command: limit('', 'buy', 100, 1),
    code: 'INVALID_ORDER',
    message: 'orderId must be a non-empty string (got "")',
  },
  {
    rule: 'an unknown side',
    command: limit('n1', 'long' as never, 100, 1),
    code: 'INVALID_ORDER',
    message: 'side must be "buy" or "sell" (got "long") for order n1',
  },
  {
    rule: 'an unknown time in force',
    command: limit('n1', 'buy', 100, 1, { timeInForce: 'day' as never }),
    code: 'INVALID_ORDER',
    message: /timeInForce must be "gtc", "ioc" or "fok"/,
  },
  {
    rule: 'an unknown self-trade prevention mode',
    command: limit('n1', 'buy', 100, 1, { selfTradePrevention: 'decrement' as never }),
    code: 'INVALID_ORDER',
    message: /selfTradePrevention must be/,
  },
  {
    rule: 'a post-only IOC order',
    command: limit('n1', 'buy', 99, 1, { postOnly: true, timeInForce: 'ioc' }),
    code: 'INVALID_ORDER',
    message: 'postOnly must be false unless the order is a gtc limit (got true) for order n1',
  },
  {
    rule: 'a negative time',
    command: limit('n1', 'buy', 100, 1, { timeUs: -1 }),
    code: 'INVALID_ORDER',
    message: /timeUs must be a non-negative whole number of µs \(got -1\)/,
  },
  {
    rule: 'an order id that is already resting',
    command: limit('s1', 'buy', 90, 1),
    code: 'DUPLICATE_ORDER_ID',
    message: 'orderId must not be the id of a resting order (got "s1")',
  },
  {
    rule: 'a post-only order that would cross',
    command: limit('n1', 'buy', 101, 1, { postOnly: true }),
    code: 'POST_ONLY_WOULD_CROSS',
    message: 'priceTicks must not cross the best ask 101 for a post-only order (got 101) for order n1',
  },
  {
    rule: 'a FOK order the book cannot fill',
    command: limit('n1', 'buy', 101, 4, { timeInForce: 'fok' }),
    code: 'FOK_NOT_FILLABLE',
    message: 'sizeLots must be fillable at once for a FOK order (got 4, 3 available) for order n1',
  },
  {
    rule: 'a cancel of an unknown order',
    command: cancel('zz'),
    code: 'UNKNOWN_ORDER',
    message: 'orderId must be the id of a resting order (got "zz")',
  },
  {
    rule: 'a cancel by another owner',
    command: cancel('s1', { ownerId: 'mallory' }),
    code: 'NOT_OWNER',
    message: 'ownerId must be the owner of order s1 (got "mallory")',
  },
  {
    rule: 'a modify of an unknown order',
    command: modify('zz', { sizeLots: 1 }),
    code: 'UNKNOWN_ORDER',
    message: /got "zz"/,
  },
  {
    rule: 'a modify by another owner',
    command: modify('b1', { ownerId: 'mallory', priceTicks: 99 }),
    code: 'NOT_OWNER',
    message: /ownerId must be the owner of order b1/,
  },
  {
    rule: 'a modify that changes nothing',
    command: modify('b1', {}),
    code: 'INVALID_ORDER',
    message: 'priceTicks or sizeLots must be given (got undefined) for order b1',
  },
  {
    rule: 'a modify to size zero',
    command: modify('b1', { sizeLots: 0 }),
    code: 'INVALID_SIZE',
    message: /sizeLots must be a positive whole number of lots \(got 0\) for order b1/,
  },
  {
    rule: 'a modify to an off-tick price',
    command: modify('b1', { priceTicks: 99.9 }),
    code: 'OFF_TICK_PRICE',
    message: /got 99\.9/,
  },
  {
    rule: 'a command of an unknown type',
    command: { type: 'replace', orderId: 'b1', timeUs: 0 } as never,
    code: 'INVALID_ORDER',
    message: 'type must be "new", "cancel" or "modify" (got replace)',
  },
  {
    rule: 'something that is not a command',
    command: null as never,
    code: 'INVALID_ORDER',
    message: 'command must be an order command object (got null)',
  },
];

describe('Rejections', () => {
  it.each(cases)('rejects $rule with $code and leaves the book as it was', ({ command, code, message }) => {
    const h = new BookHarness().build(BOOK);
    const seqBefore = h.engine.lastSeq;
    const events = h.send(command);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({ type: 'rejected', code, seq: seqBefore + 1, symbol: 'BTC/USD' });
    if (event.type !== 'rejected') throw new Error('unreachable');
    expect(event.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
    expect(h.ladder()).toBe(table('ask 101 | s1:3\nbid 100 | b1:2'));
  });

  it('rejects a market order into an empty side with NO_LIQUIDITY', () => {
    const h = new BookHarness().build('bid 100 | b1:2');
    expect(h.send(market('m1', 'buy', 1))).toEqual([
      expect.objectContaining({
        type: 'rejected',
        code: 'NO_LIQUIDITY',
        message: 'a market order needs resting asks to trade with (the book has none) for order m1',
      }),
    ]);
  });

  it('names the command, the order and the sender in the rejection', () => {
    const h = new BookHarness().build(BOOK);
    expect(h.send(cancel('s1', { ownerId: 'mallory' }))[0]).toMatchObject({
      command: 'cancel',
      orderId: 's1',
      ownerId: 'mallory',
    });
    expect(h.send(modify('zz', { sizeLots: 1, ownerId: 'carol' }))[0]).toMatchObject({ command: 'modify', ownerId: 'carol' });
  });

  it('accepts an id again once its order has left the book', () => {
    const h = new BookHarness().build(BOOK);
    h.send(cancel('s1'));
    expect(h.send(limit('s1', 'sell', 102, 1))[0]).toMatchObject({ type: 'accepted', orderId: 's1' });
  });
});
