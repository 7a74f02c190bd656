import fc from 'fast-check';
import { ScheduledTimer, TIMER_DONE } from '../../src/time/scheduled-timer.js';
import { TimerQueue } from '../../src/time/timer-queue.js';

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
