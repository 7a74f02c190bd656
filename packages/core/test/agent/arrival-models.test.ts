import { SeededRandom } from '../../src/random/seeded-random.js';
import { MarksimError, WakeupSchedule, sampleLatencyUs, validateLatencyModel, validateWakeupModel } from '@marksim/core';

function take(schedule: WakeupSchedule, n: number): number[] {
  return Array.from({ length: n }, () => schedule.next());
}

describe('WakeupSchedule', () => {
  it('wakes on the fixed grid, one interval after the start by default', () => {
    const schedule = new WakeupSchedule({ kind: 'fixed', intervalUs: 100 }, 1_000, new SeededRandom(1));
    expect(take(schedule, 3)).toEqual([1_100, 1_200, 1_300]);
  });

  it('honours a phase and keeps jitter from accumulating', () => {
    const schedule = new WakeupSchedule({ kind: 'fixed', intervalUs: 100, jitterUs: 50, phaseUs: 10 }, 0, new SeededRandom(2));
    const times = take(schedule, 200);
    times.forEach((timeUs, i) => {
      const gridUs = 10 + i * 100;
      expect(timeUs).toBeGreaterThanOrEqual(gridUs);
      expect(timeUs).toBeLessThan(gridUs + 50);
    });
  });

  it('draws Poisson gaps whose mean is the configured interval, strictly increasing', () => {
    const schedule = new WakeupSchedule({ kind: 'poisson', meanIntervalUs: 1_000 }, 0, new SeededRandom(3));
    const times = take(schedule, 20_000);
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]);
    expect(times[times.length - 1] / times.length).toBeGreaterThan(970);
    expect(times[times.length - 1] / times.length).toBeLessThan(1_030);
  });

  it('gives the same times for the same seed and stream', () => {
    const a = new WakeupSchedule({ kind: 'poisson', meanIntervalUs: 500 }, 0, new SeededRandom(9, 'x'));
    const b = new WakeupSchedule({ kind: 'poisson', meanIntervalUs: 500 }, 0, new SeededRandom(9, 'x'));
    expect(take(a, 50)).toEqual(take(b, 50));
  });
});

describe('latency and model validation', () => {
  it('samples latency in [base, base + jitter)', () => {
    const random = new SeededRandom(4);
    for (let i = 0; i < 1_000; i++) {
      const latencyUs = sampleLatencyUs({ baseUs: 200, jitterUs: 30 }, random);
      expect(latencyUs).toBeGreaterThanOrEqual(200);
      expect(latencyUs).toBeLessThan(230);
      expect(Number.isInteger(latencyUs)).toBe(true);
    }
  });

  it('rejects malformed models with the field and the rule', () => {
    expect(() => validateWakeupModel({ kind: 'fixed', intervalUs: 0 }, 'agents[0].wakeup')).toThrow(
      'agents[0].wakeup.intervalUs must be an integer >= 1 µs (got 0)',
    );
    expect(() => validateWakeupModel({ kind: 'poisson', meanIntervalUs: 2.5 }, 'w')).toThrow(MarksimError);
    expect(() => validateWakeupModel({ kind: 'sometimes' } as never, 'w')).toThrow("w.kind must be 'fixed' or 'poisson'");
    expect(() => validateLatencyModel({ baseUs: -1 }, 'latency')).toThrow('latency.baseUs must be an integer >= 0 µs (got -1)');
  });
});
