import { MarketSimulation, MarksimError } from '@marksim/core';
import type { MarketEvent, TickerEvent } from '@marksim/core';
import { ScriptedAgent } from './test-agents.js';

const START_US = 1_704_067_200_000_000;
const FIXED_100MS = { kind: 'fixed', intervalUs: 100_000 } as const;

function collect(simulation: MarketSimulation): MarketEvent[] {
  const events: MarketEvent[] = [];
  simulation.subscribe((event) => events.push(event));
  return events;
}

describe('MarketSimulation', () => {
  it('matches a maker and a taker and keeps both accounts', async () => {
    const maker = new ScriptedAgent('maker', [[{ type: 'new', side: 'sell', priceTicks: 5_000_000, sizeLots: 10_000, orderId: 'm1' }]], FIXED_100MS);
    const taker = new ScriptedAgent('taker', [undefined, [{ type: 'new', side: 'buy', orderType: 'market', sizeLots: 4_000, orderId: 't1' }]], FIXED_100MS);
    const simulation = new MarketSimulation({ agents: [maker, taker], mode: 'fast', seed: 7 });
    const events = collect(simulation);
    await simulation.runFor(250_000);

    const trades = events.filter((event) => event.type === 'trade');
    expect(trades).toEqual([
      expect.objectContaining({ priceTicks: 5_000_000, sizeLots: 4_000, aggressor: 'buy', makerOrderId: 'm1', takerOrderId: 't1', timeUs: START_US + 200_000 }),
    ]);
    expect(maker.fills).toEqual([expect.objectContaining({ orderId: 'm1', side: 'sell', sizeLots: 4_000, liquidity: 'maker' })]);
    expect(taker.fills).toEqual([expect.objectContaining({ orderId: 't1', side: 'buy', sizeLots: 4_000, liquidity: 'taker' })]);
    expect(simulation.account('maker')).toMatchObject({ positionLots: -4_000, cashTickLots: 4_000 * 5_000_000, openSellLots: 6_000 });
    expect(simulation.account('taker')).toMatchObject({ positionLots: 4_000, averagePriceTicks: 5_000_000 });
    const summary = simulation.accounts().find((account) => account.agentId === 'taker');
    expect(summary).toMatchObject({ position: 0.4, averagePrice: 50000, cash: -20000, totalPnl: 0, fills: 1 });
  });

  it('publishes a ticker after each trade with last price, 24 h volume and trade count', async () => {
    const maker = new ScriptedAgent('maker', [[{ type: 'new', side: 'sell', priceTicks: 5_000_100, sizeLots: 30_000 }]], FIXED_100MS);
    const taker = new ScriptedAgent('taker', [[{ type: 'new', side: 'buy', orderType: 'market', sizeLots: 5_000 }], [{ type: 'new', side: 'buy', orderType: 'market', sizeLots: 5_000 }]], { kind: 'fixed', intervalUs: 100_000, phaseUs: 150_000 });
    const simulation = new MarketSimulation({ agents: [maker, taker], mode: 'fast' });
    const events = collect(simulation);
    await simulation.runFor(400_000);
    const tickers = events.filter((event): event is TickerEvent => event.type === 'ticker');
    expect(tickers.map((event) => [event.ticker.tradeCount, event.ticker.volume24hLots, event.ticker.lastPriceTicks])).toEqual([
      [1, 5_000, 5_000_100],
      [2, 10_000, 5_000_100],
    ]);
    expect(tickers[1]).toMatchObject({ bookSeq: simulation.depth().seq, ticker: { askPriceTicks: 5_000_100, askSizeLots: 20_000, bidPriceTicks: 0 } });
  });

  it('delivers orders after the agent latency, in the order the agent sent them', async () => {
    const agent = new ScriptedAgent('slow', [
      [
        { type: 'new', side: 'buy', priceTicks: 4_000_000, sizeLots: 1, orderId: 'a' },
        { type: 'cancel', orderId: 'a' },
      ],
    ]);
    const simulation = new MarketSimulation({ agents: [agent], mode: 'fast', latency: { baseUs: 2_500 } });
    const events = collect(simulation);
    await simulation.runFor(150_000);
    const bookEvents = events.filter((event) => event.type !== 'ticker' && event.type !== 'level');
    expect(bookEvents.map((event) => [event.type, event.timeUs])).toEqual([
      ['accepted', START_US + 102_500],
      ['cancelled', START_US + 102_500],
      ['done', START_US + 102_500],
    ]);
  });

  it('refuses intents beyond the agent limits with a reason the agent hears', async () => {
    const agent = new ScriptedAgent('limited', [
      [
        { type: 'new', side: 'buy', priceTicks: 4_000_000, sizeLots: 8, orderId: 'ok' },
        { type: 'new', side: 'buy', priceTicks: 4_000_000, sizeLots: 3, orderId: 'too-much' },
        { type: 'cancel', orderId: 'never-sent' },
      ],
    ]);
    const simulation = new MarketSimulation({ agents: [agent], mode: 'fast', limits: { maxPositionLots: 10 } });
    await simulation.runFor(100_000);
    const refusals = agent.events.filter((event) => event.type === 'rejected');
    expect(refusals).toEqual([
      expect.objectContaining({ source: 'agent-limits', orderId: 'too-much', code: 'RISK_LIMIT' }),
      expect.objectContaining({ source: 'agent-limits', orderId: 'never-sent', command: 'cancel', code: 'UNKNOWN_ORDER' }),
    ]);
    expect(simulation.stats()).toMatchObject({ limitRejects: 2, orders: 1 });
    expect(simulation.account('limited')?.openOrders.has('ok')).toBe(true);
  });

  it('wakes agents due at the same instant in a seeded random order', async () => {
    const order: string[][] = [];
    const agents = ['a', 'b', 'c', 'd'].map((id) => ({
      id,
      generateOrders: (marketData: { timeUs: number }) => {
        const slot = (marketData.timeUs - START_US) / 100_000 - 1;
        (order[slot] ??= []).push(id);
        return undefined;
      },
    }));
    const simulation = new MarketSimulation({ agents, mode: 'fast', seed: 3 });
    await simulation.runFor(2_000_000);
    expect(order).toHaveLength(20);
    const firsts = new Set(order.map((wake) => wake[0]));
    expect(firsts.size).toBeGreaterThan(1);
    order.forEach((wake) => expect([...wake].sort()).toEqual(['a', 'b', 'c', 'd']));
  });

  it('rejects bad options with the field and the allowed range', () => {
    expect(() => new MarketSimulation({ agents: [], speedMultiplier: -2 })).toThrow(
      'speedMultiplier must be a finite number > 0 (got -2) at simulation.speedMultiplier',
    );
    expect(() => new MarketSimulation({ agents: [], agentWakeupIntervalUs: 0 })).toThrow(
      'agentWakeupIntervalUs must be an integer in [1, 86400000000] (got 0)',
    );
    expect(() => new MarketSimulation({ agents: [], initialPrice: '50000.001' })).toThrow('initialPrice must be a price > 0 on the 0.01 tick');
    const twin = new ScriptedAgent('x', []);
    expect(() => new MarketSimulation({ agents: [twin, new ScriptedAgent('x', [])] })).toThrow('agents[1].id must be unique');
    expect(() => new MarketSimulation({ agents: [new ScriptedAgent('w', [], { kind: 'poisson', meanIntervalUs: -1 })] })).toThrow(
      'simulation.agents[0].wakeup.meanIntervalUs must be an integer >= 1 µs (got -1)',
    );
    try {
      new MarketSimulation({ agents: [], decisionTimeoutMs: 0 });
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(MarksimError);
      expect((error as MarksimError).code).toBe('INVALID_CONFIG');
    }
  });
});
