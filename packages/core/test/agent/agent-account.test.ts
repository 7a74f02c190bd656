import { AgentAccount, DEFAULT_AGENT_LIMITS } from '@marksim/core';

function account(): AgentAccount {
  return new AgentAccount('a1', DEFAULT_AGENT_LIMITS);
}

describe('AgentAccount', () => {
  it('averages the entry price while the position grows', () => {
    const a = account();
    a.addPending('o1', 'buy', 'limit', 100, 10, 0);
    a.applyFill('o1', 'buy', 100, 4);
    a.applyFill('o1', 'buy', 110, 6);
    expect(a.positionLots).toBe(10);
    expect(a.averagePriceTicks).toBeCloseTo(106, 10);
    expect(a.cashTickLots).toBe(-(100 * 4 + 110 * 6));
    expect(a.realisedPnlTickLots).toBe(0);
    expect(a.unrealisedPnlTickLots(120)).toBeCloseTo(140, 10);
  });

  it('realises PnL at the average when the position shrinks and resets the average when flat', () => {
    const a = account();
    a.applyFill('x', 'buy', 100, 10);
    a.applyFill('y', 'sell', 130, 4);
    expect(a.positionLots).toBe(6);
    expect(a.realisedPnlTickLots).toBe(120);
    expect(a.averagePriceTicks).toBe(100);
    a.applyFill('z', 'sell', 90, 6);
    expect(a.positionLots).toBe(0);
    expect(a.averagePriceTicks).toBe(0);
    expect(a.realisedPnlTickLots).toBe(120 - 60);
    expect(a.totalPnlTickLots(12345)).toBe(a.realisedPnlTickLots);
  });

  it('starts a new average at the fill price when a fill flips the position', () => {
    const a = account();
    a.applyFill('x', 'sell', 200, 5);
    a.applyFill('y', 'buy', 180, 8);
    expect(a.positionLots).toBe(3);
    expect(a.realisedPnlTickLots).toBe(100);
    expect(a.averagePriceTicks).toBe(180);
    expect(a.maxAbsPositionLots).toBe(5);
    expect(a.totalPnlTickLots(190)).toBe(a.realisedPnlTickLots + a.unrealisedPnlTickLots(190));
  });

  it('tracks open size per side through fills, cancels, modifies and removal', () => {
    const a = account();
    a.addPending('b1', 'buy', 'limit', 100, 10, 0);
    a.addPending('s1', 'sell', 'limit', 120, 7, 0);
    expect([a.openBuyLots, a.openSellLots]).toEqual([10, 7]);
    expect(a.openOrders.get('b1')?.state).toBe('pending');
    a.markResting('b1');
    expect(a.openOrders.get('b1')?.state).toBe('resting');
    a.applyFill('b1', 'buy', 100, 3);
    a.reduce('b1', 2);
    expect(a.openBuyLots).toBe(5);
    a.modify('s1', 118, 9);
    expect(a.openSellLots).toBe(9);
    expect(a.openOrders.get('s1')).toMatchObject({ priceTicks: 118, sizeLots: 9 });
    a.remove('b1');
    a.remove('s1');
    expect([a.openBuyLots, a.openSellLots, a.openOrders.size]).toEqual([0, 0, 0]);
    expect(a.fillCount).toBe(1);
    expect(a.tradedLots).toBe(3);
  });

  it('lets an id that is open again replace its order, releasing the size the old one held', () => {
    const a = account();
    a.addPending('o1', 'buy', 'limit', 100, 10, 0);
    a.addPending('o2', 'sell', 'limit', 120, 4, 0);
    a.addPending('o1', 'sell', 'limit', 110, 3, 5);
    expect([a.openBuyLots, a.openSellLots, a.openOrders.size]).toEqual([0, 7, 2]);
    expect(a.openOrders.get('o1')).toMatchObject({ side: 'sell', priceTicks: 110, sizeLots: 3, sentUs: 5 });
  });

  it('reads the same through the map and by position', () => {
    const a = account();
    a.addPending('x', 'buy', 'limit', 100, 5, 3_000);
    a.addPending('y', 'sell', 'market', 0, 2, 4_000);
    a.markResting('x');
    const orders = a.openOrders;
    const byPosition = [0, 1].map((i) => ({
      orderId: orders.idAt(i),
      side: orders.sideAt(i),
      orderType: orders.orderTypeAt(i),
      priceTicks: orders.priceTicksAt(i),
      sizeLots: orders.sizeLotsAt(i),
      state: orders.stateAt(i),
      sentUs: orders.sentUsAt(i),
    }));
    expect(byPosition).toEqual([...orders.values()]);
    expect([orders.indexOf('y'), orders.indexOf('z')]).toEqual([1, -1]);
  });

  it('moves its version on with every change, and only then', () => {
    const a = account();
    const versions = [a.version];
    const step = (change: () => void): void => {
      change();
      versions.push(a.version);
    };
    step(() => a.addPending('x', 'buy', 'limit', 100, 5, 0));
    step(() => a.markResting('x'));
    step(() => a.modify('x', 101, 4));
    step(() => a.applyFill('x', 'buy', 101, 1));
    step(() => a.reduce('x', 1));
    step(() => a.remove('x'));
    expect(new Set(versions).size).toBe(versions.length);
    const before = a.version;
    void [a.openOrders.size, a.positionLots, a.unrealisedPnlTickLots(100)];
    expect(a.version).toBe(before);
  });

  it('lists open orders in the order they were added, with their send times, through modifies and fills', () => {
    const a = account();
    a.addPending('x', 'buy', 'limit', 100, 5, 3_000);
    a.addPending('y', 'sell', 'limit', 120, 5, 1_000);
    a.addPending('z', 'buy', 'market', 0, 5, 2_000);
    a.markResting('x');
    a.modify('x', 101, 4);
    a.applyFill('y', 'sell', 120, 2);
    a.remove('z');
    expect([...a.openOrders.values()].map((order) => [order.orderId, order.sentUs])).toEqual([
      ['x', 3_000],
      ['y', 1_000],
    ]);
  });
});
