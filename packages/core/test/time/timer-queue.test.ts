import { ScheduledTimer } from '../../src/time/scheduled-timer.js';
import { TimerQueue } from '../../src/time/timer-queue.js';
import { TIMER_WINDOW_BITS } from '../../src/time/timer-window.js';

const WINDOW_US = 2 ** TIMER_WINDOW_BITS;

function timerAt(queue: TimerQueue, timeUs: number, label = ''): ScheduledTimer & { label: string } {
  const timer = new ScheduledTimer(queue, () => {}, timeUs, null) as ScheduledTimer & { label: string };
  timer.label = label;
  return timer;
}

function drain(queue: TimerQueue): string[] {
  const out: string[] = [];
  for (let t = queue.popUpTo(Infinity); t !== undefined; t = queue.popUpTo(Infinity)) out.push((t as ScheduledTimer & { label: string }).label);
  return out;
}

describe('TimerQueue', () => {
  it('pops by time, then by insertion order for equal times', () => {
    const queue = new TimerQueue();
    for (const [timeUs, label] of [
      [30, 'c'],
      [10, 'a1'],
      [20, 'b'],
      [10, 'a2'],
      [10, 'a3'],
    ] as const) {
      queue.push(timerAt(queue, timeUs, label));
    }
    expect(drain(queue)).toEqual(['a1', 'a2', 'a3', 'b', 'c']);
  });

  it('pops nothing beyond the limit', () => {
    const queue = new TimerQueue();
    queue.push(timerAt(queue, 5, 'x'));
    queue.push(timerAt(queue, 15, 'y'));
    expect(queue.popUpTo(10)?.timeUs).toBe(5);
    expect(queue.popUpTo(10)).toBeUndefined();
    expect(queue.size).toBe(1);
  });

  it('skips cancelled timers and counts only live ones', () => {
    const queue = new TimerQueue();
    const timers = [1, 2, 3, 4].map((t) => timerAt(queue, t, `t${t}`));
    for (const timer of timers) queue.push(timer);
    expect(timers[0].cancel()).toBe(true);
    expect(timers[2].cancel()).toBe(true);
    expect(timers[2].cancel()).toBe(false);
    expect(queue.size).toBe(2);
    expect(queue.peek()?.timeUs).toBe(2);
    expect(drain(queue)).toEqual(['t2', 't4']);
  });

  it('compacts so that mass cancellation cannot grow the heap without bound', () => {
    const queue = new TimerQueue();
    let maxHeap = 0;
    // A long-running pattern: keep 100 live timers, schedule and cancel 100 000 others.
    const live = Array.from({ length: 100 }, (_, i) => timerAt(queue, 1_000_000 + i, 'live'));
    for (const timer of live) queue.push(timer);
    for (let i = 0; i < 100_000; i++) {
      const timer = timerAt(queue, 500_000 + (i % 1000), 'gone');
      queue.push(timer);
      timer.cancel();
      maxHeap = Math.max(maxHeap, queue.heapSize);
    }
    expect(queue.size).toBe(100);
    expect(maxHeap).toBeLessThanOrEqual(2 * 100 + 64 + 1);
    expect(drain(queue)).toEqual(new Array(100).fill('live'));
  });

  it('runs equal times first pushed, first run when one waited in the far heap and one went to the near window', () => {
    const queue = new TimerQueue();
    const farUs = 4 * WINDOW_US; // beyond the near window when pushed at 0
    queue.push(timerAt(queue, 0, 'start'));
    queue.push(timerAt(queue, farUs, 'far-first'));
    queue.push(timerAt(queue, farUs - 1000, 'step'));
    expect((queue.popUpTo(Infinity) as ScheduledTimer & { label: string }).label).toBe('start');
    expect((queue.popUpTo(Infinity) as ScheduledTimer & { label: string }).label).toBe('step');
    // The clock is now 1 ms before farUs: this push lands in the near window, after far-first.
    queue.push(timerAt(queue, farUs, 'near-second'));
    queue.push(timerAt(queue, farUs - 1, 'near-earlier'));
    expect(drain(queue)).toEqual(['near-earlier', 'far-first', 'near-second']);
  });

  it('keeps order for times past 2^31 µs and across the wrap of the window', () => {
    const queue = new TimerQueue();
    const baseUs = 2 ** 51 + WINDOW_US - 3; // past 2^31 µs, three buckets before the window wraps
    queue.push(timerAt(queue, baseUs, 'base'));
    expect(queue.popUpTo(Infinity)?.timeUs).toBe(baseUs);
    for (const [offsetUs, label] of [
      [WINDOW_US - 1, 'edge'],
      [5, 'wrapped'],
      [1, 'before-wrap'],
      [WINDOW_US, 'beyond'],
    ] as const) {
      queue.push(timerAt(queue, baseUs + offsetUs, label));
    }
    expect(queue.peekTimeUs()).toBe(baseUs + 1);
    expect(drain(queue)).toEqual(['before-wrap', 'wrapped', 'edge', 'beyond']);
  });

  it('compacts the near window and the far heap alike, keeping the order of what is left', () => {
    const queue = new TimerQueue();
    const timers: Array<ScheduledTimer & { label: string }> = [];
    // Four timers per instant, half of them within the near window and half far beyond it.
    for (let i = 0; i < 400; i++) {
      const timeUs = (i % 100) * 10 + (i % 2 === 0 ? 0 : 10_000_000);
      const timer = timerAt(queue, timeUs, `${timeUs}#${i}`);
      timers.push(timer);
      queue.push(timer);
    }
    const kept = timers.filter((_, i) => i % 3 === 0);
    // Latest first, so that compaction also cuts the tails of buckets.
    for (const timer of [...timers].reverse()) if (!kept.includes(timer)) timer.cancel();
    // Compaction ran: the cancelled records no longer take room.
    expect(queue.heapSize).toBeLessThan(2 * kept.length + 64);
    expect(queue.size).toBe(kept.length);
    // Buckets cut by compaction take new timers at their end (every other near instant gets one).
    for (let i = 0; i < 100; i += 4) {
      const timer = timerAt(queue, i * 10, `${i * 10}#late`);
      timers.push(timer);
      kept.push(timer);
      queue.push(timer);
    }
    const expected = [...kept].sort((x, y) => x.timeUs - y.timeUs || timers.indexOf(x) - timers.indexOf(y)).map((t) => t.label);
    expect(drain(queue)).toEqual(expected);
  });

  it('clears every timer and marks them inactive', () => {
    const queue = new TimerQueue();
    const timer = timerAt(queue, 1);
    queue.push(timer);
    queue.clear();
    expect(queue.size).toBe(0);
    expect(timer.active).toBe(false);
    expect(timer.cancel()).toBe(false);
  });
});
