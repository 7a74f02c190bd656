import type { WallClock, WallTimer } from './wall-clock.js';

/**
 * The engine's one way to wait: for a wall-clock delay (or forever), cut short by `wake()` when
 * something changes (a timer scheduled earlier than the awaited instant, pause, speed, stop).
 */
export class InterruptibleWait {
  readonly #clock: WallClock;
  #resolve: (() => void) | null = null;
  #untilUs = Infinity;
  #timer: WallTimer = undefined;
  #timerSet = false;

  /** A waiter on `clock`. */
  constructor(clock: WallClock) {
    this.#clock = clock;
  }

  /** true while a wait is in progress. */
  get waiting(): boolean {
    return this.#resolve !== null;
  }

  /** Simulated instant the current wait is for (Infinity when idle or not waiting). */
  get untilUs(): number {
    return this.#untilUs;
  }

  /** Resolves after `delayMs` of wall time (Infinity: only on wake), or earlier on wake(). */
  wait(delayMs: number, untilUs: number): Promise<void> {
    return new Promise<void>((resolve) => {
      this.#resolve = resolve;
      this.#untilUs = untilUs;
      if (delayMs !== Infinity) {
        this.#timer = this.#clock.setTimer(() => this.wake(), delayMs);
        this.#timerSet = true;
      }
    });
  }

  /** Ends the current wait now (no-op when not waiting). */
  wake(): void {
    const resolve = this.#resolve;
    if (resolve === null) return;
    this.#resolve = null;
    this.#untilUs = Infinity;
    if (this.#timerSet) {
      this.#timerSet = false;
      this.#clock.clearTimer(this.#timer);
      this.#timer = undefined;
    }
    resolve();
  }
}
