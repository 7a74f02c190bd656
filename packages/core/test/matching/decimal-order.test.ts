import { BTC_USD, DEFAULT_DECIMAL_ORDER, MatchingEngine } from '@marksim/core';
import Big from 'big.js';

describe('MatchingEngine.submitDecimal', () => {
  const engine = (): MatchingEngine => new MatchingEngine({ instrument: BTC_USD });

  it('converts decimal price and size to ticks and lots exactly', () => {
    const events = engine().submitDecimal({ orderId: 'o1', ownerId: 'alice', side: 'buy', price: '50000.5', size: '0.1', timeUs: 7 });
    expect(events[0]).toMatchObject({ type: 'accepted', priceTicks: 5_000_050, sizeLots: 1_000, timeInForce: 'gtc' });
  });

  it('accepts numbers and Big values', () => {
    const e = engine();
    e.submitDecimal({ orderId: 'o1', ownerId: 'a', side: 'sell', price: 0.3, size: new Big('0.1').plus('0.2'), timeUs: 0 });
    expect(e.book.bestAsk).toEqual({ priceTicks: 30, sizeLots: 3_000, orderCount: 1 });
  });

  it('rejects a price off the tick grid with OFF_TICK_PRICE', () => {
    const events = engine().submitDecimal({ orderId: 'o1', ownerId: 'a', side: 'buy', price: '50000.005', size: '1', timeUs: 0 });
    expect(events).toEqual([
      expect.objectContaining({
        type: 'rejected',
        seq: 1,
        code: 'OFF_TICK_PRICE',
        message: 'price must be a multiple of the tick size 0.01 (got "50000.005") for order o1',
      }),
    ]);
  });

  it('rejects a size off the lot grid with INVALID_SIZE', () => {
    const events = engine().submitDecimal({ orderId: 'o1', ownerId: 'a', side: 'buy', price: '1', size: '0.00001', timeUs: 0 });
    expect(events[0]).toMatchObject({
      code: 'INVALID_SIZE',
      message: 'size must be a multiple of the lot size 0.0001 (got "0.00001") for order o1',
    });
  });

  it('rejects text that is not a decimal instead of throwing', () => {
    const e = engine();
    expect(e.submitDecimal({ orderId: 'o1', ownerId: 'a', side: 'buy', price: 'cheap', size: '1', timeUs: 0 })[0]).toMatchObject({
      code: 'INVALID_PRICE',
      message: 'price must be a decimal number (got "cheap") for order o1',
    });
    expect(e.submitDecimal({ orderId: 'o2', ownerId: 'a', side: 'buy', price: '1', size: Number.NaN, timeUs: 0 })[0]).toMatchObject({
      code: 'INVALID_SIZE',
    });
    expect(e.lastSeq).toBe(2);
  });

  it('hands integer-level problems to the engine, e.g. a zero size', () => {
    const events = engine().submitDecimal({ orderId: 'o1', ownerId: 'a', side: 'buy', price: '1', size: '0', timeUs: 0 });
    expect(events[0]).toMatchObject({ code: 'INVALID_SIZE', message: expect.stringMatching(/sizeLots must be a positive/) });
  });

  it('ignores the price of a market order and fills it', () => {
    const e = engine();
    e.submitDecimal({ orderId: 's1', ownerId: 'a', side: 'sell', price: '100.25', size: '2', timeUs: 0 });
    const events = e.submitDecimal({ orderId: 'm1', ownerId: 'b', side: 'buy', orderType: 'market', size: '1.5', timeUs: 1 });
    expect(events.find((event) => event.type === 'trade')).toMatchObject({ priceTicks: 10_025, sizeLots: 15_000 });
  });

  it('defaults to a gtc limit that never trades with its owner', () => {
    expect(DEFAULT_DECIMAL_ORDER).toEqual({
      orderType: 'limit',
      timeInForce: 'gtc',
      postOnly: false,
      selfTradePrevention: 'cancel-resting',
    });
    const e = engine();
    e.submitDecimal({ orderId: 'a1', ownerId: 'alice', side: 'sell', price: '1', size: '1', timeUs: 0 });
    const events = e.submitDecimal({ orderId: 'a2', ownerId: 'alice', side: 'buy', price: '1', size: '1', timeUs: 1 });
    expect(events.find((event) => event.type === 'cancelled')).toMatchObject({ orderId: 'a1', reason: 'self-trade' });
  });
});
