import { COARSE_BUCKET_US, emptyPriceHistory, FINE_BUCKET_US, recordPrice } from '../../src/model/series.js';
import { T0_US } from '../helpers/messages.js';

describe('price history', () => {
  it('keeps the last quote of each bucket', () => {
    let history = emptyPriceHistory();
    history = recordPrice(history, T0_US, 100, 99, 101);
    history = recordPrice(history, T0_US + FINE_BUCKET_US / 2, 102, 101, 103);
    history = recordPrice(history, T0_US + FINE_BUCKET_US, 103, null, 104);
    expect(history.fine.toArray()).toEqual([
      { timeUs: T0_US, last: 102, bid: 101, ask: 103 },
      { timeUs: T0_US + FINE_BUCKET_US, last: 103, bid: null, ask: 104 },
    ]);
    expect(history.coarse.size).toBe(1);
    expect(history.coarse.last()?.last).toBe(103);
  });

  it('opens coarse buckets every 5 seconds', () => {
    let history = emptyPriceHistory();
    for (let i = 0; i < 20; i += 1) history = recordPrice(history, T0_US + i * 1_000_000, 100 + i, null, null);
    expect(history.coarse.toArray().map((p) => p.timeUs - T0_US)).toEqual([0, 1, 2, 3].map((k) => k * COARSE_BUCKET_US));
  });

  it('starts afresh when time goes backwards (a restarted server)', () => {
    let history = recordPrice(emptyPriceHistory(), T0_US + 60_000_000, 100, null, null);
    history = recordPrice(history, T0_US, 90, null, null);
    expect(history.fine.toArray().map((p) => p.last)).toEqual([90]);
  });
});
