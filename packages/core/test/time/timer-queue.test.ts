import { ScheduledTimer } from '../../src/time/scheduled-timer.js';
import { TimerQueue } from '../../src/time/timer-queue.js';

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
