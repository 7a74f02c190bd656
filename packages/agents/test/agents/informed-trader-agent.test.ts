import { FundamentalValue, InformedTraderAgent } from '@marksim/agents';
import { START_US, accountFor, bookOf, decide, startAgent } from '../helpers/agent-harness.js';

/** A fundamental frozen at its start value (no volatility, no jumps). */
function flatFundamental(): FundamentalValue {
  return new FundamentalValue({ volatilityPerSqrtHour: 0, jumpsPerHour: 0 });
}

describe('InformedTraderAgent', () => {
  it('buys when the market is below the value by more than the threshold, never above its estimate', () => {
    const informed = new InformedTraderAgent('i', { fundamental: flatFundamental(), observationNoise: 0, marketOrderProbability: 0 });
    startAgent(informed); // value 50000
    const cheap = bookOf([
      ['buy', '49790', '1'],
      ['sell', '49810', '3'],
    ]);
    const [order] = decide(informed, cheap, accountFor(informed));
    expect(order).toMatchObject({ type: 'new', side: 'buy', orderType: 'limit', timeInForce: 'ioc', sizeLots: 10_000 });
    expect((order as { priceTicks: number }).priceTicks).toBe(Math.floor(5_000_000 * (1 - 0.0003)));
  });

  it('sells when the market is above the value', () => {
    const informed = new InformedTraderAgent('i', { fundamental: flatFundamental(), observationNoise: 0, marketOrderProbability: 1 });
    startAgent(informed);
    const rich = bookOf([
      ['buy', '50090', '1'],
      ['sell', '50110', '1'],
    ]);
    expect(decide(informed, rich, accountFor(informed))).toEqual([expect.objectContaining({ side: 'sell', orderType: 'market' })]);
  });

  it('does nothing while the mispricing is within the threshold', () => {
    const informed = new InformedTraderAgent('i', { fundamental: flatFundamental(), observationNoise: 0 });
    startAgent(informed);
    const fair = bookOf([
      ['buy', '49995', '1'],
      ['sell', '50005', '1'],
    ]);
    expect(decide(informed, fair, accountFor(informed), START_US + 5_000_000)).toEqual([]);
  });
});
