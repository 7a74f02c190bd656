import { ManualClock, MarksimError, SeededRandom, TimeEngine } from '@marksim/core';
import type { TimeEngineEvent, TimeEngineOptions } from '@marksim/core';

/** A fast-mode engine on a manual clock (so no wall time is involved) plus its event log. */
function fastEngine(options: TimeEngineOptions = {}): { engine: TimeEngine; events: TimeEngineEvent[] } {
  const engine = new TimeEngine({ clock: new ManualClock(), ...options });
  const events: TimeEngineEvent[] = [];
  for (const type of ['started', 'paused', 'resumed', 'idle', 'reached', 'stopped', 'handler-error', 'speed', 'mode'] as const) {
    engine.on(type, (event) => events.push(event));
  }
  return { engine, events };
}

describe('TimeEngine ordering (fast mode)', () => {
  it('runs timers in time order, whatever order they were scheduled in', async () => {
    const { engine } = fastEngine();
    const log: string[] = [];
    engine.at(300, (t) => void log.push(`c@${t}`));
    engine.at(100, (t) => void log.push(`a@${t}`));
    engine.after(200, (t) => void log.push(`b@${t}`));
    await engine.runUntil(1000);
    expect(log).toEqual(['a@100', 'b@200', 'c@300']);
    expect(engine.nowUs).toBe(1000);
  });

  it('breaks ties by insertion order, including timers scheduled from handlers for the same instant', async () => {
    const { engine } = fastEngine();
    const log: string[] = [];
    engine.at(50, () => {
      log.push('first');
      engine.at(50, () => void log.push('scheduled-by-first'));
    });
    engine.at(50, () => void log.push('second'));
    engine.at(50, () => void log.push('third'));
    await engine.runUntil(50);
    expect(log).toEqual(['first', 'second', 'third', 'scheduled-by-first']);
  });

  it('gives each handler its own instant as nowUs', async () => {
    const { engine } = fastEngine({ startTimeUs: 1_000 });
    const seen: Array<[number, number]> = [];
    engine.after(5, (t) => void seen.push([t, engine.nowUs]));
    engine.after(10, (t) => void seen.push([t, engine.nowUs]));
    await engine.runUntil(2_000);
    expect(seen).toEqual([
      [1_005, 1_005],
      [1_010, 1_010],
    ]);
  });

  it('does not run a cancelled timer, and cancel reports whether a run was still to come', async () => {
    const { engine } = fastEngine();
    const log: number[] = [];
    const keep = engine.at(10, (t) => void log.push(t));
    const drop = engine.at(20, (t) => void log.push(t));
    expect(drop.active).toBe(true);
    expect(drop.cancel()).toBe(true);
    expect(drop.cancel()).toBe(false);
    expect(drop.active).toBe(false);
    await engine.runUntil(100);
    expect(log).toEqual([10]);
    expect(keep.active).toBe(false);
    expect(keep.cancel()).toBe(false);
  });

  it('rejects scheduling in the past', async () => {
    const { engine } = fastEngine();
    await engine.runUntil(500);
    expect(() => engine.at(499, () => {})).toThrow('timeUs must be an integer >= nowUs 500 (got 499) at timeEngine.at');
    expect(() => engine.after(-1, () => {})).toThrow(MarksimError);
    expect(() => engine.at(1.5 as number, () => {})).toThrow(MarksimError);
  });
});

describe('TimeEngine periodic timers', () => {
  it('runs every interval on a fixed grid from startUs', async () => {
    const { engine } = fastEngine();
    const times: number[] = [];
    engine.every(100_000, (t) => void times.push(t), { startUs: 50_000 });
    await engine.runUntil(450_000);
    expect(times).toEqual([50_000, 150_000, 250_000, 350_000, 450_000]);
  });

  it('starts one interval from now by default', async () => {
    const { engine } = fastEngine({ startTimeUs: 7 });
    const times: number[] = [];
    engine.every(10, (t) => void times.push(t));
    await engine.runUntil(40);
    expect(times).toEqual([17, 27, 37]);
  });

  it('stops when cancelled from outside or from its own handler', async () => {
    const { engine } = fastEngine();
    const outside: number[] = [];
    const inside: number[] = [];
    const outer = engine.every(10, (t) => void outside.push(t));
    const self = engine.every(10, (t) => {
      inside.push(t);
      if (inside.length === 3) expect(self.cancel()).toBe(true);
    });
    engine.at(25, () => void outer.cancel());
    await engine.runUntil(100);
    expect(outside).toEqual([10, 20]);
    expect(inside).toEqual([10, 20, 30]);
    expect(self.active).toBe(false);
    expect(engine.stats.pendingTimers).toBe(0);
  });

  it('jitters each run within [0, jitterUs] of the grid without drifting', async () => {
    const { engine } = fastEngine();
    const times: number[] = [];
    engine.every(100_000, (t) => void times.push(t), { startUs: 100_000, jitterUs: 20_000, random: new SeededRandom(1, 'jitter') });
    // The 1000th grid point is 100 000 000; its jitter may push it up to 20 000 µs later.
    await engine.runUntil(100_020_000);
    expect(times).toHaveLength(1000);
    times.forEach((t, k) => {
      const offset = t - (k + 1) * 100_000;
      expect(offset >= 0 && offset <= 20_000).toBe(true);
    });
    const meanOffset = times.reduce((sum, t, k) => sum + t - (k + 1) * 100_000, 0) / times.length;
    expect(meanOffset).toBeGreaterThan(9_000);
    expect(meanOffset).toBeLessThan(11_000);
  });

  it('draws Poisson arrivals with the requested mean gap, reproducibly', async () => {
    const run = async (): Promise<number[]> => {
      const { engine } = fastEngine();
      const times: number[] = [];
      engine.every(100_000, (t) => void times.push(t), { arrival: 'poisson', random: new SeededRandom(2, 'arrivals') });
      await engine.runUntil(1_000_000_000);
      return times;
    };
    const times = await run();
    // 10 000 expected arrivals; the count of a Poisson process has sd 100.
    expect(times.length).toBeGreaterThan(9_500);
    expect(times.length).toBeLessThan(10_500);
    expect(await run()).toEqual(times);
  });

  it('needs a random source for jitter or Poisson arrivals, and jitter below the interval', () => {
    const { engine } = fastEngine();
    expect(() => engine.every(100, () => {}, { jitterUs: 10 })).toThrow('random must be given');
    expect(() => engine.every(100, () => {}, { arrival: 'poisson' })).toThrow('random must be given');
    expect(() => engine.every(100, () => {}, { jitterUs: 100, random: new SeededRandom(1) })).toThrow('jitterUs must be an integer in [0, intervalUs 100)');
    expect(() => engine.every(0, () => {})).toThrow('intervalUs must be an integer > 0 (got 0)');
  });
});

describe('TimeEngine control', () => {
  it('starts on a microtask and reports idle when the queue runs dry', async () => {
    const { engine, events } = fastEngine();
    const log: number[] = [];
    engine.at(10, (t) => void log.push(t));
    const idle = engine.once('idle');
    engine.start();
    expect(log).toEqual([]);
    expect(engine.state).toBe('running');
    await idle;
    expect(log).toEqual([10]);
    expect(events.map((e) => e.type)).toEqual(['started', 'idle']);
    // Scheduling while idle wakes the engine up.
    const idleAgain = engine.once('idle');
    engine.after(5, (t) => void log.push(t));
    await idleAgain;
    expect(log).toEqual([10, 15]);
    engine.stop();
  });

  it('runs nothing while paused and resumes from the same simulated time', async () => {
    const { engine, events } = fastEngine();
    const log: number[] = [];
    engine.every(10, (t) => {
      log.push(t);
      if (t === 30) engine.pause();
    });
    engine.start();
    await engine.once('paused');
    expect(log).toEqual([10, 20, 30]);
    expect(engine.state).toBe('paused');
    expect(engine.nowUs).toBe(30);
    // Nothing runs while paused, however long the host keeps going.
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual([10, 20, 30]);
    const reached = engine.runUntil(60);
    expect(engine.state).toBe('running');
    expect(await reached).toBe(true);
    expect(log).toEqual([10, 20, 30, 40, 50, 60]);
    expect(events.map((e) => e.type)).toEqual(['started', 'paused', 'resumed', 'reached', 'paused']);
    expect(events.find((e) => e.type === 'resumed')?.timeUs).toBe(30);
  });

  it('steps one timer at a time, pausing a running engine first', async () => {
    const { engine } = fastEngine();
    const log: number[] = [];
    for (const t of [10, 20, 30, 40]) engine.at(t, (time) => void log.push(time));
    expect(await engine.step()).toBe(1);
    expect(log).toEqual([10]);
    expect(engine.nowUs).toBe(10);
    expect(await engine.step(2)).toBe(2);
    expect(log).toEqual([10, 20, 30]);
    expect(await engine.step(5)).toBe(1);
    expect(await engine.step()).toBe(0);
    expect(engine.state).toBe('ready');

    const { engine: running } = fastEngine();
    running.every(10, () => {});
    running.start();
    const ran = await running.step(3);
    expect(ran).toBe(3);
    expect(running.state).toBe('paused');
  });

  it('runUntil runs everything due up to the target inclusive, then pauses there', async () => {
    const { engine } = fastEngine();
    const log: number[] = [];
    for (const t of [5, 10, 11]) engine.at(t, (time) => void log.push(time));
    expect(await engine.runUntil(10)).toBe(true);
    expect(log).toEqual([5, 10]);
    expect(engine.nowUs).toBe(10);
    expect(engine.state).toBe('paused');
    expect(await engine.runUntil(1_000)).toBe(true);
    expect(log).toEqual([5, 10, 11]);
    expect(engine.nowUs).toBe(1_000);
  });

  it('resolves a superseded or interrupted runUntil with false', async () => {
    const { engine } = fastEngine();
    engine.every(10, () => {});
    const first = engine.runUntil(1_000_000);
    const second = engine.runUntil(50);
    expect(await first).toBe(false);
    expect(await second).toBe(true);
    const third = engine.runUntil(10_000_000);
    engine.stop();
    expect(await third).toBe(false);
  });

  it('stops for good: pending timers are dropped and further use throws ENGINE_STOPPED', async () => {
    const { engine, events } = fastEngine();
    const log: number[] = [];
    engine.every(10, (t) => {
      log.push(t);
      if (t === 20) engine.stop();
    });
    engine.start();
    await engine.once('stopped');
    expect(log).toEqual([10, 20]);
    expect(engine.state).toBe('stopped');
    expect(engine.stats.pendingTimers).toBe(0);
    expect(events.at(-1)).toEqual({ type: 'stopped', timeUs: 20 });
    for (const call of [() => engine.at(100, () => {}), () => engine.start(), () => engine.step(), () => engine.setSpeed(2)]) {
      expect(call).toThrow(expect.objectContaining({ code: 'ENGINE_STOPPED' }));
    }
    engine.stop();
  });

  it('validates options with messages naming field, value and rule', () => {
    expect(() => new TimeEngine({ speed: -2 })).toThrow('speed must be a finite number > 0 (got -2) at timeEngine.speed');
    expect(() => new TimeEngine({ mode: 'slow' as never })).toThrow("mode must be 'fast' or 'realtime' (got slow) at timeEngine.mode");
    expect(() => new TimeEngine({ startTimeUs: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
    expect(() => new TimeEngine({ yieldEveryEvents: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
  });
});

describe('TimeEngine async and failing handlers (fast mode)', () => {
  it('awaits a promise-returning handler before running the next timer', async () => {
    const { engine } = fastEngine();
    const log: string[] = [];
    let release: () => void = () => {};
    engine.at(10, async () => {
      log.push('slow:start');
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      log.push('slow:end');
    });
    engine.at(10, () => void log.push('same-instant'));
    engine.at(20, () => void log.push('later'));
    const done = engine.runUntil(100);
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['slow:start']);
    release();
    await done;
    expect(log).toEqual(['slow:start', 'slow:end', 'same-instant', 'later']);
  });

  it('reports a throwing handler and a rejecting handler, and goes on', async () => {
    const { engine, events } = fastEngine();
    const log: number[] = [];
    engine.at(10, () => {
      throw new Error('boom');
    });
    engine.at(20, async () => {
      throw new Error('async boom');
    });
    engine.at(30, (t) => void log.push(t));
    await engine.runUntil(100);
    expect(log).toEqual([30]);
    const errors = events.filter((e) => e.type === 'handler-error');
    expect(errors.map((e) => [e.timeUs, (e as { error: Error }).error.message])).toEqual([
      [10, 'boom'],
      [20, 'async boom'],
    ]);
    expect(engine.stats.handlerErrors).toBe(2);
  });

  it('keeps a periodic timer going after its handler throws', async () => {
    const { engine } = fastEngine();
    let runs = 0;
    engine.every(10, () => {
      runs++;
      throw new Error('always');
    });
    await engine.runUntil(50);
    expect(runs).toBe(5);
    expect(engine.stats.handlerErrors).toBe(5);
  });

  it('isolates a throwing listener and reports it as listener-error', async () => {
    const engine = new TimeEngine({ clock: new ManualClock() });
    const reports: string[] = [];
    engine.on('started', () => {
      throw new Error('bad listener');
    });
    engine.on('listener-error', (e) => void reports.push(`${e.eventType}: ${(e.error as Error).message}`));
    await engine.runUntil(10);
    expect(reports).toEqual(['started: bad listener']);
  });

  it('replays identically: same timers and seeds give the same log', async () => {
    const run = async (): Promise<string> => {
      const { engine } = fastEngine();
      const random = new SeededRandom('replay');
      const log: string[] = [];
      for (let agent = 0; agent < 20; agent++) {
        const own = random.fork(`agent-${agent}`);
        engine.every(100_000, async (t) => {
          log.push(`${agent}@${t}`);
          if (own.bernoulli(0.3)) engine.after(own.int(0, 5_000), (t2) => void log.push(`order-${agent}@${t2}`));
          if (own.bernoulli(0.1)) await Promise.resolve();
        }, { jitterUs: 50_000, random: own });
      }
      await engine.runUntil(60_000_000);
      return log.join(',');
    };
    expect(await run()).toBe(await run());
  });
});
