import { SeededRandom, WakeupSchedule, sampleLatencyUs } from '@marksim/core';
import type { LatencyModel, WakeupModel } from '@marksim/core';
import { WakeupTable } from '../../src/simulation/wakeup-table.js';

const START_US = 1_700_000_000_000_000;

/** Draws wake-ups, ties and latencies in one interleaving from both the table and the reference objects. */
function compare(wakeup: WakeupModel, latency: LatencyModel): void {
  const table = new WakeupTable(3);
  // Neighbours with other models prove that the rows do not share state.
  table.set(0, { kind: 'poisson', meanIntervalUs: 7 }, { baseUs: 1 }, START_US, new SeededRandom(9, 'left'));
  table.set(1, wakeup, latency, START_US, new SeededRandom(1, ['schedule', 'agent']));
  table.set(2, { kind: 'fixed', intervalUs: 3, jitterUs: 2 }, { baseUs: 0, jitterUs: 5 }, START_US, new SeededRandom(9, 'right'));
  const random = new SeededRandom(1, ['schedule', 'agent']);
  const schedule = new WakeupSchedule(wakeup, START_US, random);
  for (let i = 0; i < 2_000; i++) {
    table.nextWakeUs(0);
    table.latencyUs(2);
    expect(table.nextWakeUs(1)).toBe(schedule.next());
    expect(table.nextUint32(1)).toBe(random.nextUint32());
    if (i % 3 === 0) expect(table.latencyUs(1)).toBe(sampleLatencyUs(latency, random));
  }
}

describe('WakeupTable', () => {
  it('draws the same fixed-grid wake-ups with jitter as WakeupSchedule', () => {
    compare({ kind: 'fixed', intervalUs: 100_000, jitterUs: 50_000 }, { baseUs: 500, jitterUs: 2_000 });
  });

  it('keeps wake-ups strictly increasing when the jitter exceeds the interval', () => {
    compare({ kind: 'fixed', intervalUs: 10, jitterUs: 1_000, phaseUs: 3 }, { baseUs: 0 });
  });

  it('draws the same Poisson wake-ups as WakeupSchedule', () => {
    compare({ kind: 'poisson', meanIntervalUs: 250_000 }, { baseUs: 0, jitterUs: 1 });
  });

  it('wakes on the bare grid without jitter and without consuming draws', () => {
    const table = new WakeupTable(1);
    table.set(0, { kind: 'fixed', intervalUs: 100, phaseUs: 0 }, { baseUs: 250 }, START_US, new SeededRandom(3));
    expect([table.nextWakeUs(0), table.nextWakeUs(0), table.nextWakeUs(0)]).toEqual([START_US, START_US + 100, START_US + 200]);
    expect(table.latencyUs(0)).toBe(250);
    expect(table.nextUint32(0)).toBe(new SeededRandom(3).nextUint32());
  });
});
