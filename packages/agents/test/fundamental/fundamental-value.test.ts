import { FundamentalValue } from '@marksim/agents';

const START_US = 1_704_067_200_000_000;
const HOUR_US = 3_600_000_000;

function path(fundamental: FundamentalValue, minutes: number): number[] {
  return Array.from({ length: minutes }, (_, m) => fundamental.valueAt(START_US + m * 60_000_000));
}

describe('FundamentalValue', () => {
  it('depends only on the seed: same seed same path, replayed when asked about an earlier time', () => {
    const a = new FundamentalValue();
    a.begin({ seed: 4, startTimeUs: START_US, initialValueTicks: 5_000_000 });
    const b = new FundamentalValue();
    b.begin({ seed: 4, startTimeUs: START_US, initialValueTicks: 5_000_000 });
    const first = path(a, 120);
    expect(path(b, 120)).toEqual(first);
    expect(path(a, 120)).toEqual(first);
    b.begin({ seed: 5, startTimeUs: START_US, initialValueTicks: 5_000_000 });
    expect(path(b, 120)).not.toEqual(first);
  });

  it('moves like a volatile asset but reverts toward its mean over long horizons', () => {
    const deviations: number[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const fundamental = new FundamentalValue({ meanReversionHalfLifeUs: HOUR_US, stepUs: 10_000_000 });
      fundamental.begin({ seed, startTimeUs: START_US, initialValueTicks: 5_000_000 });
      const values = [1, 2, 24].map((hours) => fundamental.valueAt(START_US + hours * HOUR_US));
      expect(values[0]).not.toBe(5_000_000);
      deviations.push(Math.abs(Math.log(values[2]! / 5_000_000)));
    }
    // With a 1 h half-life the 24 h value sits within a few half-hour moves of the mean.
    expect(Math.max(...deviations)).toBeLessThan(0.05);
  });

  it('refuses to answer before begin', () => {
    expect(() => new FundamentalValue().valueAt(START_US)).toThrow('FundamentalValue.valueAt before begin()');
  });
});
