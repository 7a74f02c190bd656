import { MarketMakerAgent, createDefaultMarket } from '@marksim/agents';
import { accountFor, bookOf, decide, startAgent } from '../helpers/agent-harness.js';

describe('MarketMakerAgent', () => {
  it('has the seed defaults: spread 0.5 %, order size 0.5, max position 10', () => {
    const mm = new MarketMakerAgent('mm');
    expect([mm.spread, mm.orderSize, mm.maxPosition]).toEqual([0.005, 0.5, 10]);
    startAgent(mm);
    expect(mm.limits).toEqual({ maxPositionLots: 100_000 });
  });

  it('quotes both sides 0.25 % around the mid of the others', () => {
    const mm = new MarketMakerAgent('mm');
    startAgent(mm);
    // mid 50000
    const book = bookOf([
      ['buy', '49990', '1'],
      ['sell', '50010', '1'],
    ]);
    const intents = decide(mm, book, accountFor(mm));
    expect(intents).toEqual([
      expect.objectContaining({ type: 'new', side: 'buy', priceTicks: 4_987_500, sizeLots: 5_000 }),
      expect.objectContaining({ type: 'new', side: 'sell', priceTicks: 5_012_500, sizeLots: 5_000 }),
    ]);
  });

  it('leans its quotes against inventory and shrinks the side that would pass max position', () => {
    const mm = new MarketMakerAgent('mm');
    startAgent(mm);
    const book = bookOf([
      ['buy', '49990', '1'],
      ['sell', '50010', '1'],
    ]);
    const account = accountFor(mm);
    account.applyFill('x', 'buy', 5_000_000, 98_000); // long 9.8 of 10
    const [bid, ask] = decide(mm, book, account);
    // centre moves down by 0.98 × half-spread (0.245 %): quotes near 49865 and 50115
    expect(bid).toMatchObject({ side: 'buy', sizeLots: 2_000 });
    expect(ask).toMatchObject({ side: 'sell', sizeLots: 5_000 });
    expect((bid as { priceTicks: number }).priceTicks).toBeLessThan(4_987_500 - 10_000);
    expect((ask as { priceTicks: number }).priceTicks).toBeLessThan(5_012_500 - 10_000);
  });

  it('moves a resting quote with modify when the mid moves, and leaves it when it does not', () => {
    const mm = new MarketMakerAgent('mm');
    startAgent(mm);
    const account = accountFor(mm);
    account.addPending('mm-1', 'buy', 'limit', 4_987_500, 5_000, 0);
    account.markResting('mm-1');
    account.addPending('mm-2', 'sell', 'limit', 5_012_500, 5_000, 0);
    account.markResting('mm-2');
    const same = bookOf([
      ['buy', '49990', '1'],
      ['sell', '50010', '1'],
    ]);
    expect(decide(mm, same, account)).toEqual([]);
    const moved = bookOf([
      ['buy', '50090', '1'],
      ['sell', '50110', '1'],
    ]);
    expect(decide(mm, moved, account)).toEqual([
      { type: 'modify', orderId: 'mm-1', priceTicks: 4_997_475, sizeLots: 5_000 },
      { type: 'modify', orderId: 'mm-2', priceTicks: 5_022_525, sizeLots: 5_000 },
    ]);
  });

  it('reads its orders again only after its account moved on, and then sees what changed', () => {
    const mm = new MarketMakerAgent('mm');
    startAgent(mm);
    const account = accountFor(mm);
    account.addPending('mm-1', 'buy', 'limit', 4_987_500, 5_000, 0);
    account.addPending('mm-2', 'sell', 'limit', 5_012_500, 5_000, 0);
    const reads = jest.spyOn(account, 'openOrders', 'get');
    const moved = bookOf([
      ['buy', '50090', '1'],
      ['sell', '50110', '1'],
    ]);
    // Both quotes still travelling: left alone, however far the mid moved.
    expect(decide(mm, moved, account)).toEqual([]);
    expect(decide(mm, moved, account)).toEqual([]);
    expect(reads).toHaveBeenCalledTimes(1);
    account.markResting('mm-1');
    account.markResting('mm-2');
    expect(decide(mm, moved, account)).toEqual([
      { type: 'modify', orderId: 'mm-1', priceTicks: 4_997_475, sizeLots: 5_000 },
      { type: 'modify', orderId: 'mm-2', priceTicks: 5_022_525, sizeLots: 5_000 },
    ]);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('looks past its own quote when that quote is the whole best level', () => {
    const mm = new MarketMakerAgent('mm');
    startAgent(mm);
    const account = accountFor(mm);
    // Its resting bid (0.5 at 49995) is the best bid alone; the others bid 49990 and offer 50010.
    account.addPending('mm-1', 'buy', 'limit', 4_999_500, 5_000, 0);
    account.markResting('mm-1');
    const book = bookOf([
      ['buy', '49995', '0.5'],
      ['buy', '49990', '1'],
      ['sell', '50010', '1'],
    ]);
    // The others' mid is 50000 (not 50002.5): the bid moves to 49875, the ask is new at 50125.
    expect(decide(mm, book, account)).toEqual([
      { type: 'modify', orderId: 'mm-1', priceTicks: 4_987_500, sizeLots: 5_000 },
      expect.objectContaining({ type: 'new', side: 'sell', priceTicks: 5_012_500, sizeLots: 5_000 }),
    ]);
  });

  it('never holds more than max position in a busy market', async () => {
    const simulation = createDefaultMarket({ mode: 'fast', seed: 5, agents: { mm: 2, noise: 40, informed: 5, momentum: 4 } });
    await simulation.runFor(20 * 60_000_000);
    const makers = simulation.accounts().filter((account) => account.agentId.startsWith('mm_'));
    expect(makers.length).toBe(2);
    for (const maker of makers) expect(maker.maxAbsPosition).toBeLessThanOrEqual(10);
    expect(makers.some((maker) => maker.fills > 0)).toBe(true);
  });
});
