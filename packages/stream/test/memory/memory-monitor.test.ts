import { BoundedStream, MemoryMonitor } from '@marksim/stream';
import type { MemoryLevel, ShedContext } from '@marksim/stream';
import { recordingLogger } from '../support/recording-logger.js';

const MIB = 1024 * 1024;

/** A fake process.memoryUsage() whose heapUsed the test sets, and a clock the test moves. */
function fakeProcess() {
  const state = { heapUsedMiB: 10, rssMiB: 50, timeMs: 0 };
  return {
    state,
    sample: () => ({ heapUsed: state.heapUsedMiB * MIB, heapTotal: 2 * state.heapUsedMiB * MIB, rss: state.rssMiB * MIB, external: MIB }),
    nowMs: () => state.timeMs,
  };
}

describe('MemoryMonitor', () => {
  it('keeps the latest figures and their min and max', () => {
    const fake = fakeProcess();
    const monitor = new MemoryMonitor({ sample: fake.sample, nowMs: fake.nowMs, softLimitBytes: 100 * MIB, hardLimitBytes: 200 * MIB });
    expect(monitor.latest).toBeUndefined();
    for (const heapUsedMiB of [10, 30, 20]) {
      fake.state.heapUsedMiB = heapUsedMiB;
      fake.state.timeMs += 1000;
      monitor.sampleNow();
    }
    expect(monitor.latest).toEqual({ timeMs: 3000, heapUsedBytes: 20 * MIB, heapTotalBytes: 40 * MIB, rssBytes: 50 * MIB, externalBytes: MIB });
    expect(monitor.min).toMatchObject({ heapUsedBytes: 10 * MIB, heapTotalBytes: 20 * MIB });
    expect(monitor.max).toMatchObject({ heapUsedBytes: 30 * MIB, heapTotalBytes: 60 * MIB });
    expect(monitor.level).toBe('ok');
    expect(monitor.stats.samples).toBe(3);
  });

  it('warns above the soft limit, rate limited, and says when memory is back', () => {
    const fake = fakeProcess();
    const logger = recordingLogger();
    const levels: MemoryLevel[] = [];
    const monitor = new MemoryMonitor({
      sample: fake.sample,
      nowMs: fake.nowMs,
      logger,
      softLimitBytes: 100 * MIB,
      hardLimitBytes: 200 * MIB,
      logIntervalMs: 10_000,
      onLevelChange: (level) => levels.push(level),
    });
    fake.state.heapUsedMiB = 150;
    for (let second = 0; second < 25; second++) {
      fake.state.timeMs = second * 1000;
      monitor.sampleNow();
    }
    // At 0 s, then again at 10 s and 20 s: one line per logIntervalMs while it stays high.
    expect(logger.messages('warn')).toEqual(Array(3).fill('memory above the soft limit: heapUsed 150.0 MiB ≥ 100.0 MiB'));
    fake.state.heapUsedMiB = 50;
    monitor.sampleNow();
    expect(logger.messages('info')).toEqual(['memory back below the soft limit: heapUsed 50.0 MiB']);
    expect(levels).toEqual(['soft', 'ok']);
    expect(monitor.stats).toMatchObject({ softBreaches: 1, hardBreaches: 0, sheds: 0 });
  });

  it('calls the shedders above the hard limit instead of growing, at most once per shedIntervalMs', () => {
    const fake = fakeProcess();
    const logger = recordingLogger();
    const calls: ShedContext[] = [];
    const monitor = new MemoryMonitor({
      sample: fake.sample,
      nowMs: fake.nowMs,
      logger,
      softLimitBytes: 100 * MIB,
      hardLimitBytes: 200 * MIB,
      shedIntervalMs: 1000,
    });
    monitor.addShedder('history', (context) => {
      calls.push(context);
      return 7;
    });
    fake.state.heapUsedMiB = 250;
    for (const timeMs of [0, 500, 1000, 1500]) {
      fake.state.timeMs = timeMs;
      monitor.sampleNow();
    }
    expect(calls.map((context) => context.sample.timeMs)).toEqual([0, 1000]);
    expect(calls[0]).toMatchObject({ level: 'hard', watchedBytes: 250 * MIB, hardLimitBytes: 200 * MIB });
    expect(monitor.level).toBe('hard');
    expect(monitor.stats).toMatchObject({ hardBreaches: 1, sheds: 2, shedItems: 14 });
    expect(logger.messages('error')).toEqual(['memory above the hard limit: heapUsed 250.0 MiB ≥ 200.0 MiB; shedding load']);
  });

  it('sheds a real stream backlog, isolates a failing shedder and honours removal', () => {
    const fake = fakeProcess();
    const logger = recordingLogger();
    const stream = new BoundedStream<{ events: { seq: number } }>();
    const subscription = stream.subscribe({ channels: { events: 'drop-oldest' } });
    for (let seq = 1; seq <= 50; seq++) stream.publish('events', { seq });
    const monitor = new MemoryMonitor({ sample: fake.sample, nowMs: fake.nowMs, logger, watch: 'rss', softLimitBytes: 60 * MIB, hardLimitBytes: 80 * MIB });
    monitor.addShedder('broken', () => {
      throw new Error('boom');
    });
    monitor.addShedder('stream', () => stream.shed());
    const removeLate = monitor.addShedder('late', () => 1000);
    removeLate();
    fake.state.rssMiB = 90;
    monitor.sampleNow();
    expect(subscription.tryTake()).toEqual({ type: 'gap', channel: 'events', missed: 50 });
    expect(monitor.stats).toMatchObject({ sheds: 1, shedItems: 50, shedFailures: 1 });
    expect(logger.messages('error')).toContain('memory shedder threw; the others still ran');
  });

  it('samples on a timer until stopped', async () => {
    const fake = fakeProcess();
    const monitor = new MemoryMonitor({ sample: fake.sample, intervalMs: 5 });
    monitor.start();
    expect(monitor.running).toBe(true);
    expect(monitor.stats.samples).toBe(1);
    while (monitor.stats.samples < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    monitor.stop();
    expect(monitor.running).toBe(false);
  });

  it('defaults to fractions of the V8 heap limit and samples the real process', () => {
    const monitor = new MemoryMonitor();
    expect(monitor.watch).toBe('heapUsed');
    expect(monitor.hardLimitBytes).toBeGreaterThan(monitor.softLimitBytes);
    const sample = monitor.sampleNow();
    expect(sample.heapUsedBytes).toBeGreaterThan(0);
    expect(sample.rssBytes).toBeGreaterThan(sample.heapUsedBytes);
  });

  it('rejects limits in the wrong order and bad intervals', () => {
    expect(() => new MemoryMonitor({ softLimitBytes: 2 * MIB, hardLimitBytes: MIB })).toThrow(
      `hardLimitBytes must be ≥ softLimitBytes (${2 * MIB}) (got ${MIB})`,
    );
    expect(() => new MemoryMonitor({ intervalMs: 0 })).toThrow('intervalMs must be a finite number > 0 (got 0)');
    expect(() => new MemoryMonitor({ watch: 'heap' as 'rss' })).toThrow('watch must be heapUsed or rss (got heap)');
  });
});
