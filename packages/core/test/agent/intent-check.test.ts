import { AgentAccount, checkIntent } from '@marksim/core';

function accountWith(limits: { maxPositionLots?: number; maxOrderSizeLots?: number; maxOpenOrders?: number }): AgentAccount {
  return new AgentAccount('a1', {
    maxPositionLots: limits.maxPositionLots ?? Number.POSITIVE_INFINITY,
    maxOrderSizeLots: limits.maxOrderSizeLots ?? Number.POSITIVE_INFINITY,
    maxOpenOrders: limits.maxOpenOrders ?? 1000,
  });
}

describe('checkIntent', () => {
  it('lets an order through when the worst-case position stays within the limit', () => {
    const a = accountWith({ maxPositionLots: 10 });
    a.applyFill('x', 'buy', 100, 4);
    a.addPending('b1', 'buy', 'limit', 100, 3, 0);
    expect(checkIntent(a, { type: 'new', side: 'buy', priceTicks: 100, sizeLots: 3 }, 'b2')).toBeNull();
  });

  it('refuses a buy that could take the position beyond maxPositionLots, naming the figures', () => {
    const a = accountWith({ maxPositionLots: 10 });
    a.applyFill('x', 'buy', 100, 4);
    a.addPending('b1', 'buy', 'limit', 100, 3, 0);
    const refusal = checkIntent(a, { type: 'new', side: 'buy', priceTicks: 100, sizeLots: 4 }, 'b2');
    expect(refusal?.code).toBe('RISK_LIMIT');
    expect(refusal?.message).toContain('maxPositionLots 10');
  });

  it('lets a sell reduce a long position even near the limit', () => {
    const a = accountWith({ maxPositionLots: 10 });
    a.applyFill('x', 'buy', 100, 10);
    expect(checkIntent(a, { type: 'new', side: 'sell', priceTicks: 100, sizeLots: 20 }, 's1')).toBeNull();
    expect(checkIntent(a, { type: 'new', side: 'sell', priceTicks: 100, sizeLots: 21 }, 's1')?.code).toBe('RISK_LIMIT');
  });

  it('refuses oversize orders, bad sizes, duplicate ids and too many open orders', () => {
    const a = accountWith({ maxOrderSizeLots: 5, maxOpenOrders: 1 });
    expect(checkIntent(a, { type: 'new', side: 'buy', priceTicks: 1, sizeLots: 6 }, 'o')?.code).toBe('RISK_LIMIT');
    expect(checkIntent(a, { type: 'new', side: 'buy', priceTicks: 1, sizeLots: 0 }, 'o')?.code).toBe('INVALID_SIZE');
    expect(checkIntent(a, { type: 'new', side: 'buy', priceTicks: 1, sizeLots: 1.5 }, 'o')?.code).toBe('INVALID_SIZE');
    a.addPending('o', 'buy', 'limit', 1, 1, 0);
    expect(checkIntent(a, { type: 'new', side: 'buy', priceTicks: 1, sizeLots: 1 }, 'o')?.code).toBe('DUPLICATE_ORDER_ID');
    expect(checkIntent(a, { type: 'new', side: 'buy', priceTicks: 1, sizeLots: 1 }, 'p')?.code).toBe('RISK_LIMIT');
  });

  it('refuses cancel and modify of an order the agent does not have', () => {
    const a = accountWith({});
    expect(checkIntent(a, { type: 'cancel', orderId: 'nope' }, 'nope')?.code).toBe('UNKNOWN_ORDER');
    expect(checkIntent(a, { type: 'modify', orderId: 'nope', sizeLots: 1 }, 'nope')?.code).toBe('UNKNOWN_ORDER');
  });

  it('checks the extra size of a modify that grows an order', () => {
    const a = accountWith({ maxPositionLots: 10 });
    a.addPending('b1', 'buy', 'limit', 100, 8, 0);
    expect(checkIntent(a, { type: 'modify', orderId: 'b1', sizeLots: 10 }, 'b1')).toBeNull();
    expect(checkIntent(a, { type: 'modify', orderId: 'b1', sizeLots: 11 }, 'b1')?.code).toBe('RISK_LIMIT');
    expect(checkIntent(a, { type: 'modify', orderId: 'b1', sizeLots: 2 }, 'b1')).toBeNull();
  });
});
