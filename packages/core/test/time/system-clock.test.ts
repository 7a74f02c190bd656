import { TimeEngine, systemClock } from '@marksim/core';

describe('systemClock', () => {
  it('reads a monotonic wall clock', () => {
    const a = systemClock.nowMs();
    const b = systemClock.nowMs();
    expect(b).toBeGreaterThanOrEqual(a);
  });

  it('fires a timer and can cancel one', async () => {
    let cancelledRan = false;
    const cancelled = systemClock.setTimer(() => {
      cancelledRan = true;
    }, 0);
    systemClock.clearTimer(cancelled);
    await new Promise<void>((resolve) => systemClock.setTimer(resolve, 1));
    expect(cancelledRan).toBe(false);
  });

  it('yields on a macrotask, after pending immediates', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('immediate'));
    await systemClock.yield();
    order.push('after-yield');
    expect(order).toEqual(['immediate', 'after-yield']);
  });
});

describe('TimeEngine on the system clock', () => {
  it('lets the host event loop run during a long fast-mode run', async () => {
    const engine = new TimeEngine();
    engine.every(1, () => {});
    const eventsWhenImmediateRan = new Promise<number>((resolve) => setImmediate(() => resolve(engine.stats.eventsRun)));
    await engine.runUntil(200_000);
    const seen = await eventsWhenImmediateRan;
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(200_000);
    expect(engine.stats.yields).toBeGreaterThanOrEqual(19);
  });
});
