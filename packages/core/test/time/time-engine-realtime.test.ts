import { ManualClock, TimeEngine } from '@marksim/core';
import type { TimeEngineEvent } from '@marksim/core';
import { driveUntil, flushHost } from './drive-manual-clock.js';

function realtimeEngine(speed: number, startMs = 0): { engine: TimeEngine; clock: ManualClock; events: TimeEngineEvent[] } {
  const clock = new ManualClock(startMs);
  const engine = new TimeEngine({ mode: 'realtime', speed, clock });
  const events: TimeEngineEvent[] = [];
  for (const type of ['started', 'paused', 'resumed', 'speed', 'mode', 'reached', 'handler-error'] as const) {
    engine.on(type, (event) => events.push(event));
  }
  return { engine, clock, events };
}

describe('TimeEngine real-time clock', () => {
  it('follows wall time × speed exactly, re-anchoring on speed changes and pauses', async () => {
    const { engine, clock, events } = realtimeEngine(2, 1_000);
    engine.start();
    await flushHost();
    clock.advance(100);
    expect(engine.nowUs).toBe(200_000);
    engine.setSpeed(10);
    clock.advance(50);
    expect(engine.nowUs).toBe(700_000);
    engine.pause();
    clock.advance(1_000);
    expect(engine.nowUs).toBe(700_000);
    engine.resume();
    clock.advance(10);
    expect(engine.nowUs).toBe(800_000);
    engine.setSpeed(0.5);
    clock.advance(4);
    expect(engine.nowUs).toBe(802_000);
    expect(events.filter((e) => e.type === 'speed')).toEqual([
      { type: 'speed', timeUs: 200_000, speed: 10 },
      { type: 'speed', timeUs: 800_000, speed: 0.5 },
    ]);
    engine.stop();
  });

  it('fires each timer when the wall clock reaches its scaled time, before and after a speed change', async () => {
    const { engine, clock } = realtimeEngine(10);
    const wallMs: number[] = [];
    engine.every(100_000, (t) => {
      wallMs.push(clock.nowMs());
      if (t === 300_000) engine.setSpeed(20);
    });
    await driveUntil(clock, engine.runUntil(600_000));
    // 100 000 µs at 10× is 10 ms of wall time; at 20× it is 5 ms.
    expect(wallMs).toEqual([10, 20, 30, 35, 40, 45]);
  });

  it('does not accumulate drift when handlers take wall time', async () => {
    const { engine, clock } = realtimeEngine(10);
    const wallMs: number[] = [];
    engine.every(100_000, () => {
      wallMs.push(clock.nowMs());
      clock.advance(7); // the handler "works" for 7 ms of a 10 ms period
    });
    await driveUntil(clock, engine.runUntil(5_000_000));
    expect(wallMs).toEqual(Array.from({ length: 50 }, (_, k) => 10 * (k + 1)));
  });

  it('catches up after a stall instead of shifting the schedule', async () => {
    const { engine, clock } = realtimeEngine(10);
    const wallMs: number[] = [];
    engine.every(100_000, (t) => {
      wallMs.push(clock.nowMs());
      if (t === 500_000) clock.advance(35);
    });
    await driveUntil(clock, engine.runUntil(1_000_000));
    // Runs due at 60, 70 and 80 ms were overdue when the stall ended at 85 ms; 90 ms is on time.
    expect(wallMs).toEqual([10, 20, 30, 40, 50, 85, 85, 85, 90, 100]);
  });

  it('freezes the clock while paused and keeps timers at their simulated spacing after resume', async () => {
    const { engine, clock } = realtimeEngine(10);
    const wallMs: number[] = [];
    let twoRuns: () => void = () => {};
    const ranTwice = new Promise<void>((resolve) => {
      twoRuns = resolve;
    });
    engine.every(100_000, () => {
      wallMs.push(clock.nowMs());
      if (wallMs.length === 2) twoRuns();
    });
    engine.start();
    await driveUntil(clock, ranTwice);
    clock.advance(5);
    engine.pause();
    expect(engine.nowUs).toBe(250_000);
    clock.advance(1_000);
    expect(engine.nowUs).toBe(250_000);
    await driveUntil(clock, engine.runUntil(400_000));
    // Resumed at wall 1025 ms from 250 000 µs: 300 000 µs is 5 ms later.
    expect(wallMs).toEqual([10, 20, 1030, 1040]);
  });

  it('reaches a runUntil target when the wall clock gets there, then pauses', async () => {
    const { engine, clock, events } = realtimeEngine(10);
    engine.at(50_000, () => {});
    let reachedAtMs = -1;
    engine.on('reached', () => {
      reachedAtMs = clock.nowMs();
    });
    expect(await driveUntil(clock, engine.runUntil(200_000))).toBe(true);
    expect(reachedAtMs).toBe(20);
    expect(engine.state).toBe('paused');
    expect(engine.nowUs).toBe(200_000);
    expect(events.map((e) => e.type)).toEqual(['started', 'reached', 'paused']);
  });

  it('schedules after() from outside a handler relative to the live clock', async () => {
    const { engine, clock } = realtimeEngine(1);
    engine.start();
    await flushHost();
    clock.advance(5);
    let firedAtMs = -1;
    const handle = engine.after(1_000, () => {
      firedAtMs = clock.nowMs();
    });
    expect(handle.timeUs).toBe(6_000);
    await driveUntil(clock, engine.runUntil(10_000));
    expect(firedAtMs).toBe(6);
  });

  it('never lets the clock pass a timer that has not run yet', async () => {
    const { engine, clock } = realtimeEngine(1);
    engine.at(2_000, () => {});
    engine.start();
    await flushHost();
    // The wall clock passes the timer's due time; the engine has not had its turn yet.
    clock.advance(5);
    expect(engine.nowUs).toBe(2_000);
    await flushHost();
    expect(engine.nowUs).toBe(5_000);
    engine.stop();
  });
});

describe('TimeEngine async handlers in real time', () => {
  it('runs the handlers of one instant concurrently and holds the clock there until they settle', async () => {
    const { engine, clock } = realtimeEngine(1);
    const log: string[] = [];
    const releases = new Map<string, () => void>();
    const slow = (name: string) => async (): Promise<void> => {
      log.push(`${name}:start@${engine.nowUs}`);
      await new Promise<void>((resolve) => releases.set(name, resolve));
      log.push(`${name}:end@${engine.nowUs}`);
    };
    engine.at(1_000, slow('a'));
    engine.at(1_000, slow('b'));
    engine.at(2_000, () => void log.push(`later@${engine.nowUs}/${clock.nowMs()}ms`));
    engine.start();
    await driveUntil(clock, new Promise<void>((resolve) => engine.at(1_000, () => resolve())));
    expect(log).toEqual(['a:start@1000', 'b:start@1000']);
    clock.advance(5);
    await flushHost();
    // 6 ms of wall time have passed, but a handler of 1 000 µs is still pending.
    expect(engine.nowUs).toBe(1_000);
    releases.get('b')?.();
    await flushHost();
    expect(log).toEqual(['a:start@1000', 'b:start@1000', 'b:end@1000']);
    releases.get('a')?.();
    await flushHost();
    await flushHost();
    expect(log).toEqual(['a:start@1000', 'b:start@1000', 'b:end@1000', 'a:end@1000', 'later@2000/6ms']);
    expect(engine.nowUs).toBe(6_000);
    engine.stop();
  });

  it('reports a rejected handler and keeps running', async () => {
    const { engine, clock, events } = realtimeEngine(1);
    const ran: number[] = [];
    engine.at(1_000, async () => {
      throw new Error('agent failed');
    });
    engine.at(2_000, (t) => void ran.push(t));
    await driveUntil(clock, engine.runUntil(3_000));
    expect(ran).toEqual([2_000]);
    const error = events.find((e) => e.type === 'handler-error');
    expect(error).toMatchObject({ type: 'handler-error', timeUs: 1_000 });
  });
});

describe('TimeEngine mode changes and stepping in real time', () => {
  it('switches to fast mode and back at the current simulated time', async () => {
    const { engine, clock, events } = realtimeEngine(1);
    const times: number[] = [];
    engine.every(1_000_000, (t) => void times.push(t));
    engine.start();
    await flushHost();
    engine.setMode('fast');
    // Ten simulated seconds pass without the wall clock moving.
    await engine.runUntil(10_000_000);
    expect(times).toHaveLength(10);
    expect(clock.nowMs()).toBe(0);
    engine.setMode('realtime');
    await driveUntil(clock, engine.runUntil(12_000_000));
    expect(times).toHaveLength(12);
    expect(clock.nowMs()).toBe(2_000);
    expect(events.filter((e) => e.type === 'mode').map((e) => (e as { mode: string }).mode)).toEqual(['fast', 'realtime']);
  });

  it('steps to the next timer at once, without waiting for its wall time', async () => {
    const { engine, clock } = realtimeEngine(1);
    let ran = false;
    engine.at(10_000_000, () => {
      ran = true;
    });
    engine.start();
    await flushHost();
    expect(await engine.step()).toBe(1);
    expect(ran).toBe(true);
    expect(engine.nowUs).toBe(10_000_000);
    expect(clock.nowMs()).toBe(0);
    expect(engine.state).toBe('paused');
  });

  it('yields to the host while catching up on a long run of overdue timers', async () => {
    const clock = new ManualClock();
    const engine = new TimeEngine({ mode: 'realtime', speed: 1, clock, yieldEveryEvents: 1_000 });
    let runs = 0;
    engine.every(1, () => void runs++);
    engine.start();
    await flushHost();
    clock.advance(20); // 20 000 timers are now overdue
    await driveUntil(clock, engine.runUntil(20_000));
    expect(runs).toBe(20_000);
    expect(engine.stats.yields).toBeGreaterThanOrEqual(19);
    expect(clock.yieldCount).toBe(engine.stats.yields);
  });
});
