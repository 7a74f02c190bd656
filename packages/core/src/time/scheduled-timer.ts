import type { PeriodicSchedule } from './periodic-schedule.js';

/** A callback run at a simulated instant; it may return a promise, which the engine awaits. */
export type TimeHandler = (timeUs: number) => void | PromiseLike<void>;

/** A scheduled callback as callers see it. */
export interface TimerHandle {
  /** The simulated time (µs) of the next run. */
  readonly timeUs: number;
  /** true while a run is still to come. */
  readonly active: boolean;
  /** Cancels future runs; true if one was still to come. */
  cancel(): boolean;
}

/** Timer lifecycle. A periodic timer goes QUEUED → RUNNING → QUEUED … until cancelled. */
export const TIMER_QUEUED = 0;
export const TIMER_RUNNING = 1;
export const TIMER_DONE = 2;
export const TIMER_CANCELLED = 3;

/** How the queue hears about cancellations, for lazy deletion bookkeeping. */
export interface CancelSink {
  onQueuedTimerCancelled(): void;
}

/**
 * The event record: one small object per scheduled callback (the queue keeps its key and
 * insertion sequence in typed arrays), reused across the runs of a periodic timer so popping
 * allocates nothing. Every instance has the same fields in the same order.
 */
export class ScheduledTimer implements TimerHandle {
  timeUs: number;
  state: number;
  readonly handler: TimeHandler;
  readonly periodic: PeriodicSchedule | null;
  readonly sink: CancelSink;

  constructor(sink: CancelSink, handler: TimeHandler, timeUs: number, periodic: PeriodicSchedule | null) {
    this.timeUs = timeUs;
    this.state = TIMER_QUEUED;
    this.handler = handler;
    this.periodic = periodic;
    this.sink = sink;
  }

  get active(): boolean {
    return this.state === TIMER_QUEUED || (this.state === TIMER_RUNNING && this.periodic !== null);
  }

  cancel(): boolean {
    if (this.state === TIMER_QUEUED) {
      this.state = TIMER_CANCELLED;
      this.sink.onQueuedTimerCancelled();
      return true;
    }
    if (this.state === TIMER_RUNNING && this.periodic !== null) {
      // Cancelled from inside its own run: not in the queue, so it is simply not re-armed.
      this.state = TIMER_CANCELLED;
      return true;
    }
    return false;
  }
}
