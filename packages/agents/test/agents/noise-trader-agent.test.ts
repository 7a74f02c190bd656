import { createHash } from 'node:crypto';
import { MarketMakerAgent, NoiseTraderAgent, defaultWakeups } from '@marksim/agents';
import { MarketSimulation } from '@marksim/core';
import type { NewOrderIntent } from '@marksim/core';
import { START_US, accountFor, bookOf, decide, startAgent } from '../helpers/agent-harness.js';

const BOOK = bookOf([
  ['buy', '49990', '1'],
  ['sell', '50010', '1'],
]);

describe('NoiseTraderAgent', () => {
  it('has the seed defaults: trade probability 0.05, max size 2.0', () => {
    const noise = new NoiseTraderAgent('n');
    expect([noise.tradeProbability, noise.maxSize]).toEqual([0.05, 2]);
  });

  it('trades at about 5 % of its wake-ups, both sides, market and limit, never above max size', () => {
    const noise = new NoiseTraderAgent('n');
    startAgent(noise, 3);
    const account = accountFor(noise);
    const orders: NewOrderIntent[] = [];
    for (let i = 0; i < 20_000; i++) {
      for (const intent of decide(noise, BOOK, account)) if (intent.type === 'new') orders.push(intent);
    }
    expect(orders.length / 20_000).toBeGreaterThan(0.045);
    expect(orders.length / 20_000).toBeLessThan(0.055);
    expect(new Set(orders.map((order) => order.side))).toEqual(new Set(['buy', 'sell']));
    expect(new Set(orders.map((order) => order.orderType))).toEqual(new Set(['market', 'limit']));
    for (const order of orders) {
      expect(order.sizeLots).toBeGreaterThanOrEqual(100);
      expect(order.sizeLots).toBeLessThanOrEqual(20_000);
      // Limit orders rest behind the mid: buys below, sells above.
      if (order.orderType === 'limit' && order.side === 'buy') expect(order.priceTicks).toBeLessThanOrEqual(5_000_000);
      if (order.orderType === 'limit' && order.side === 'sell') expect(order.priceTicks).toBeGreaterThanOrEqual(5_000_000);
    }
  });

  it('cancels its resting orders once they outlive orderLifetimeUs', () => {
    const noise = new NoiseTraderAgent('n', { tradeProbability: 1, marketOrderProbability: 0, orderLifetimeUs: 10_000_000 });
    startAgent(noise);
    const account = accountFor(noise);
    const [order] = decide(noise, BOOK, account, START_US + 1_000_000) as NewOrderIntent[];
    account.addPending(order!.orderId!, order!.side, 'limit', order!.priceTicks!, order!.sizeLots, START_US + 1_000_000);
    const later = decide(noise, BOOK, account, START_US + 12_000_000);
    expect(later[0]).toEqual({ type: 'cancel', orderId: order!.orderId });
  });

  it('cancels expired orders oldest first, stops at the first young one, and never cancels one twice', () => {
    const noise = new NoiseTraderAgent('n', { tradeProbability: 1, marketOrderProbability: 0, orderLifetimeUs: 10_000_000 });
    startAgent(noise);
    const account = accountFor(noise);
    /** One wake-up at `seconds`: its new order goes into the account as the simulation would; returns its cancels. */
    const wake = (seconds: number): string[] => {
      const timeUs = START_US + seconds * 1_000_000;
      const cancels: string[] = [];
      for (const intent of decide(noise, BOOK, account, timeUs)) {
        if (intent.type === 'cancel') cancels.push(intent.orderId);
        else if (intent.type === 'new') account.addPending(intent.orderId!, intent.side, 'limit', intent.priceTicks!, intent.sizeLots, timeUs);
      }
      return cancels;
    };
    // Orders n-1 … n-4 sent at 1, 2, 3 and 9 s; n-2 then fills completely.
    expect([wake(1), wake(2), wake(3), wake(9)]).toEqual([[], [], [], []]);
    account.remove('n-2');
    expect(wake(14)).toEqual(['n-1', 'n-3']);
    // Their cancels are still travelling (both still open): nothing to cancel until n-4 expires.
    expect(wake(15)).toEqual([]);
    expect(wake(19)).toEqual(['n-4']);
  });

  it('sits out idle wake-ups with the same orders as when woken every time, expiry cancels included', async () => {
    async function run(skips: boolean): Promise<{ hash: string; stats: object; cancels: number }> {
      const wakeups = defaultWakeups(100_000);
      const noise = Array.from({ length: 20 }, (_, i) => new NoiseTraderAgent(`noise_${i}`, { wakeup: wakeups.noise, orderLifetimeUs: 10_000_000 }));
      // An own undefined property hides the prototype's method: the simulation then wakes the agent every time.
      if (!skips) for (const agent of noise) Object.defineProperty(agent, 'skipWakeup', { value: undefined });
      const agents = [new MarketMakerAgent('mm', { wakeup: wakeups.mm }), ...noise];
      const simulation = new MarketSimulation({ agents, mode: 'fast', seed: 3, latency: { baseUs: 500, jitterUs: 2_000 } });
      const hash = createHash('sha256');
      let cancels = 0;
      simulation.subscribe((event) => {
        hash.update(JSON.stringify(event));
        if (event.type === 'cancelled' && event.ownerId.startsWith('noise')) cancels++;
      });
      await simulation.runFor(60_000_000);
      const { events, wakeups: woken, decisions, orders, trades } = simulation.stats();
      return { hash: hash.digest('hex'), stats: { events, woken, decisions, orders, trades }, cancels };
    }
    const woken = await run(false);
    const skipping = await run(true);
    expect(woken.cancels).toBeGreaterThan(20);
    expect(skipping).toEqual(woken);
  });

  it('rejects a bad option with the field and the range', () => {
    expect(() => new NoiseTraderAgent('n', { tradeProbability: 1.5 })).toThrow('NoiseTraderAgent.tradeProbability must be >= 0 and <= 1 (got 1.5)');
  });
});
