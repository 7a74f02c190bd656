import { MomentumTraderAgent } from '@marksim/agents';
import { START_US, accountFor, bookOf, decide, startAgent } from '../helpers/agent-harness.js';

function bookAt(mid: number) {
  return bookOf([
    ['buy', String(mid - 5), '1'],
    ['sell', String(mid + 5), '1'],
  ]);
}

describe('MomentumTraderAgent', () => {
  it('buys into a rise beyond the threshold and unwinds when the trend fades', () => {
    const momentum = new MomentumTraderAgent('m', { lookbackUs: 300_000_000, threshold: 0.002, orderSize: 0.5, maxPosition: 1 });
    startAgent(momentum);
    const account = accountFor(momentum);
    const stepUs = 10_000_000;
    let timeUs = START_US;
    // A flat window, then a rise of 0.5 % over the lookback.
    for (let i = 0; i < 31; i++, timeUs += stepUs) expect(decide(momentum, bookAt(50000), account, timeUs)).toEqual([]);
    let bought = 0;
    for (let i = 0; i < 30; i++, timeUs += stepUs) {
      for (const intent of decide(momentum, bookAt(50000 + 250 * ((i + 1) / 30)), account, timeUs)) {
        if (intent.type === 'new' && intent.side === 'buy') {
          account.applyFill(intent.orderId!, 'buy', 5_025_000, intent.sizeLots);
          bought += intent.sizeLots;
        }
      }
    }
    expect(bought).toBe(10_000);
    // Price stays up: after a lookback the trend is gone and it sells back to flat.
    const sells: number[] = [];
    for (let i = 0; i < 40; i++, timeUs += stepUs) {
      for (const intent of decide(momentum, bookAt(50250), account, timeUs)) {
        if (intent.type === 'new' && intent.side === 'sell') {
          account.applyFill(intent.orderId!, 'sell', 5_025_000, intent.sizeLots);
          sells.push(intent.sizeLots);
        }
      }
    }
    expect(sells).toEqual([5_000, 5_000]);
    expect(account.positionLots).toBe(0);
  });
});
