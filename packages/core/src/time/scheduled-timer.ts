import type { RandomSource } from '../random/random-source.js';

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
 * The event record: one object per scheduled callback, reused across the runs of a periodic
 * timer, so popping allocates nothing. Every instance has the same fields in the same order.
 */
export class ScheduledTimer implements TimerHandle {
  timeUs: number;
  /** Insertion sequence: breaks ties between equal times, first scheduled runs first. */
  seq: number;
  state: number;
  readonly handler: TimeHandler;
  /** 0 for a one-shot timer. */
  readonly intervalUs: number;
  /** Grid instant of the current run of a periodic timer (jitter is added on top, never accumulated). */
  nominalUs: number;
  readonly jitterUs: number;
  readonly poisson: boolean;
  readonly random: RandomSource | null;
  readonly sink: CancelSink;

  constructor(
    sink: CancelSink,
    handler: TimeHandler,
    timeUs: number,
    seq: number,
    periodic: { intervalUs: number; nominalUs: number; jitterUs: number; poisson: boolean; random: RandomSource | null } | null,
  ) {
    this.timeUs = timeUs;
    this.seq = seq;
    this.state = TIMER_QUEUED;
    this.handler = handler;
    this.intervalUs = periodic === null ? 0 : periodic.intervalUs;
    this.nominalUs = periodic === null ? timeUs : periodic.nominalUs;
    this.jitterUs = periodic === null ? 0 : periodic.jitterUs;
    this.poisson = periodic === null ? false : periodic.poisson;
    this.random = periodic === null ? null : periodic.random;
    this.sink = sink;
  }

  get active(): boolean {
    return this.state === TIMER_QUEUED || (this.state === TIMER_RUNNING && this.intervalUs > 0);
  }

  cancel(): boolean {
    if (this.state === TIMER_QUEUED) {
      this.state = TIMER_CANCELLED;
      this.sink.onQueuedTimerCancelled();
      return true;
    }
    if (this.state === TIMER_RUNNING && this.intervalUs > 0) {
      // Cancelled from inside its own run: not in the queue, so it is simply not re-armed.
      this.state = TIMER_CANCELLED;
      return true;
    }
    return false;
  }

  /** Time of the run after the one at `this.timeUs` (periodic timers only). */
  nextTimeUs(): number {
    if (this.poisson) return this.timeUs + poissonGapUs(this.random as RandomSource, this.intervalUs);
    this.nominalUs += this.intervalUs;
    return this.jitterUs === 0 ? this.nominalUs : this.nominalUs + jitterOffsetUs(this.random as RandomSource, this.jitterUs);
  }
}

/** Uniform offset in [0, jitterUs] µs added to a grid instant; jitterUs < intervalUs keeps runs ordered. */
export function jitterOffsetUs(random: RandomSource, jitterUs: number): number {
  return Math.floor(random.next() * (jitterUs + 1));
}

/** Exponential gap with mean `meanUs`, in whole µs and at least 1 so that time always moves on. */
export function poissonGapUs(random: RandomSource, meanUs: number): number {
  const gapUs = Math.round(-Math.log(1 - random.next()) * meanUs);
  return gapUs > 1 ? gapUs : 1;
}
