import fc from 'fast-check';
import { ScheduledTimer, TIMER_DONE, TIMER_QUEUED } from '../../src/time/scheduled-timer.js';
import { TimerQueue } from '../../src/time/timer-queue.js';
import { TIMER_WINDOW_BITS } from '../../src/time/timer-window.js';

const WINDOW_US = 2 ** TIMER_WINDOW_BITS;

type Op = { kind: 'push'; timeUs: number } | { kind: 'cancel'; index: number } | { kind: 'pop' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('push' as const), timeUs: fc.integer({ min: 0, max: 50 }) }),
  fc.record({ kind: fc.constant('cancel' as const), index: fc.nat() }),
  fc.record({ kind: fc.constant('pop' as const) }),
);

describe('TimerQueue properties', () => {
  it('pops exactly what a list of live timers sorted by (time, push order) would, under any mix of push, cancel and pop', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 400 }), (ops) => {
        const queue = new TimerQueue();
        const all: ScheduledTimer[] = [];
        const pushOrder = new Map<ScheduledTimer, number>();
        let model: ScheduledTimer[] = [];
        for (const op of ops) {
          if (op.kind === 'push') {
            const timer = new ScheduledTimer(queue, () => {}, op.timeUs, null);
            pushOrder.set(timer, all.length);
            all.push(timer);
            model.push(timer);
            queue.push(timer);
          } else if (op.kind === 'cancel' && all.length > 0) {
            const timer = all[op.index % all.length];
            const wasLive = model.includes(timer);
            expect(timer.cancel()).toBe(wasLive);
            model = model.filter((t) => t !== timer);
          } else if (op.kind === 'pop') {
            model.sort((x, y) => x.timeUs - y.timeUs || (pushOrder.get(x) as number) - (pushOrder.get(y) as number));
            const expected = model.shift();
            const popped = queue.popUpTo(Infinity);
            expect(popped).toBe(expected);
            // Popped one-shot timers are no longer cancellable; mark them as the engine would.
            if (popped !== undefined) popped.state = TIMER_DONE;
          }
          expect(queue.size).toBe(model.length);
        }
      }),
    );
  });
});

type ClockOp = { kind: 'push'; offsetUs: number } | { kind: 'rearm'; offsetUs: number } | { kind: 'cancel'; index: number } | { kind: 'pop' };

/**
 * Offsets that land in the near window, on both sides of its far edge, or far ahead.
 * Offsets on a coarse grid make equal times common, also between a timer that went to the far
 * heap and one pushed into the near window after the clock moved on.
 */
const offsetArb = fc.oneof(
  fc.integer({ min: 0, max: 12 }).map((k) => (k * WINDOW_US) / 8),
  fc.integer({ min: 0, max: 12 }).map((k) => (k * WINDOW_US) / 8),
  fc.integer({ min: 0, max: 40 }),
  fc.integer({ min: WINDOW_US - 40, max: WINDOW_US + 40 }),
  fc.integer({ min: 0, max: 8 * WINDOW_US }),
);

const clockOpArb: fc.Arbitrary<ClockOp> = fc.oneof(
  fc.record({ kind: fc.constant('push' as const), offsetUs: offsetArb }),
  fc.record({ kind: fc.constant('rearm' as const), offsetUs: offsetArb }),
  fc.record({ kind: fc.constant('cancel' as const), index: fc.nat() }),
  fc.record({ kind: fc.constant('pop' as const) }),
  fc.record({ kind: fc.constant('pop' as const) }),
);

describe('TimerQueue properties as the engine drives it', () => {
  it('pops in (time, push order) when timers are pushed ahead of a moving clock, re-armed after running, and cancelled', () => {
    fc.assert(
      fc.property(fc.array(clockOpArb, { minLength: 100, maxLength: 400 }), fc.constantFrom(0, 2 ** 31 - 5, 1_700_000_000_000_000), (ops, startUs) => {
        const queue = new TimerQueue();
        const all: ScheduledTimer[] = [];
        // A timer's rank is the order of its latest push: ties run first pushed, first run.
        const rank = new Map<ScheduledTimer, number>();
        let pushes = 0;
        let model: ScheduledTimer[] = [];
        let clockUs = startUs;
        let lastPopped: ScheduledTimer | undefined;
        const push = (timer: ScheduledTimer): void => {
          rank.set(timer, pushes++);
          model.push(timer);
          queue.push(timer);
        };
        for (const op of ops) {
          if (op.kind === 'push') {
            const timer = new ScheduledTimer(queue, () => {}, clockUs + op.offsetUs, null);
            all.push(timer);
            push(timer);
          } else if (op.kind === 'rearm' && lastPopped !== undefined) {
            // A periodic timer goes back in with the same record, later than the clock.
            lastPopped.timeUs = clockUs + op.offsetUs;
            lastPopped.state = TIMER_QUEUED;
            push(lastPopped);
            lastPopped = undefined;
          } else if (op.kind === 'cancel' && all.length > 0) {
            const timer = all[op.index % all.length];
            expect(timer.cancel()).toBe(model.includes(timer));
            model = model.filter((t) => t !== timer);
          } else if (op.kind === 'pop') {
            model.sort((x, y) => x.timeUs - y.timeUs || (rank.get(x) as number) - (rank.get(y) as number));
            const expected = model.shift();
            expect(queue.peekTimeUs()).toBeLessThanOrEqual(expected?.timeUs ?? Infinity);
            const popped = queue.popUpTo(Infinity);
            expect(popped).toBe(expected);
            if (popped !== undefined) {
              popped.state = TIMER_DONE;
              clockUs = popped.timeUs;
              lastPopped = popped;
            }
          }
          expect(queue.size).toBe(model.length);
        }
        // Draining gives the rest in order too.
        model.sort((x, y) => x.timeUs - y.timeUs || (rank.get(x) as number) - (rank.get(y) as number));
        for (const expected of model) expect(queue.popUpTo(Infinity)).toBe(expected);
        expect(queue.popUpTo(Infinity)).toBeUndefined();
      }),
    );
  });
});
