import { MarksimError } from '../errors/marksim-error.js';
import type { WallClock, WallTimer } from './wall-clock.js';

interface ManualTimer {
  readonly dueMs: number;
  readonly order: number;
  readonly callback: () => void;
}

/**
 * A wall clock that moves only when told: tests (here and in other packages) drive real-time
 * behaviour with it deterministically. `advance` fires due timers in due order at their own due
 * time; a timer callback that itself calls `advance` models work taking wall time (the clock
 * moves, nothing fires re-entrantly).
 */
export class ManualClock implements WallClock {
  /** How many times `yield()` was called. */
  yieldCount = 0;
  #nowMs: number;
  #timers: ManualTimer[] = [];
  #nextOrder = 0;
  #firing = false;

  /** A clock reading `startMs`. */
  constructor(startMs = 0) {
    if (!Number.isFinite(startMs)) {
      throw new MarksimError('INVALID_ARGUMENT', `startMs must be finite (got ${startMs}) at ManualClock.startMs`);
    }
    this.#nowMs = startMs;
  }

  /** Current wall time in ms. */
  nowMs(): number {
    return this.#nowMs;
  }

  /** Registers a timer due `delayMs` from now. */
  setTimer(callback: () => void, delayMs: number): WallTimer {
    const timer: ManualTimer = { dueMs: this.#nowMs + Math.max(0, delayMs), order: this.#nextOrder++, callback };
    // Keep the list sorted by (dueMs, order); tests hold a handful of timers.
    let i = this.#timers.length;
    while (i > 0 && this.#timers[i - 1].dueMs > timer.dueMs) i--;
    this.#timers.splice(i, 0, timer);
    return timer;
  }

  /** Cancels a pending timer. */
  clearTimer(timer: WallTimer): void {
    const i = this.#timers.indexOf(timer as ManualTimer);
    if (i >= 0) this.#timers.splice(i, 1);
  }

  /** Resolves on a microtask: a manual clock has no host event loop to hand over to. */
  yield(): Promise<void> {
    this.yieldCount++;
    return Promise.resolve();
  }

  /** Moves time forward by `ms`, firing each timer that falls due at its due time. */
  advance(ms: number): void {
    if (!(ms >= 0 && Number.isFinite(ms))) {
      throw new MarksimError('INVALID_ARGUMENT', `ms must be >= 0 and finite (got ${ms}) at ManualClock.advance`);
    }
    this.advanceTo(this.#nowMs + ms);
  }

  /** Moves time forward to `targetMs` (never backwards), firing due timers in order. */
  advanceTo(targetMs: number): void {
    if (this.#firing) {
      this.#nowMs = Math.max(this.#nowMs, targetMs);
      return;
    }
    this.#firing = true;
    try {
      while (this.#timers.length > 0 && this.#timers[0].dueMs <= targetMs) {
        const timer = this.#timers.shift() as ManualTimer;
        this.#nowMs = Math.max(this.#nowMs, timer.dueMs);
        timer.callback();
      }
    } finally {
      this.#firing = false;
    }
    this.#nowMs = Math.max(this.#nowMs, targetMs);
  }

  /** Due time of the earliest pending timer, or undefined when none is pending. */
  nextTimerMs(): number | undefined {
    return this.#timers.length > 0 ? this.#timers[0].dueMs : undefined;
  }

  /** Number of pending timers. */
  get pendingTimerCount(): number {
    return this.#timers.length;
  }
}
