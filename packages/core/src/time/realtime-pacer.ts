/**
 * Maps simulated time to wall time for real-time mode:
 *   simUs = anchorSimUs + (wallMs − anchorWallMs) × speed × 1000.
 * Every due time is computed from the anchor, never from the previous event, so late timers and
 * slow handlers cannot accumulate drift. A speed change (or resume) re-anchors at the current
 * instant, which keeps the clock continuous.
 */
export class RealtimePacer {
  #anchorSimUs = 0;
  #anchorWallMs = 0;
  #speed: number;

  /** A pacer at `speed` simulated µs per wall µs. */
  constructor(speed: number) {
    this.#speed = speed;
  }

  /** Simulated µs per wall µs. */
  get speed(): number {
    return this.#speed;
  }

  /** Pins `simUs` to `wallMs`, optionally with a new speed. */
  anchor(simUs: number, wallMs: number, speed: number = this.#speed): void {
    this.#anchorSimUs = simUs;
    this.#anchorWallMs = wallMs;
    this.#speed = speed;
  }

  /** Wall time (ms) at which simulated time `simUs` is due. */
  wallAtMs(simUs: number): number {
    return this.#anchorWallMs + (simUs - this.#anchorSimUs) / (this.#speed * 1000);
  }

  /** Simulated time (whole µs, rounded down) at wall time `wallMs`. */
  simAtUs(wallMs: number): number {
    return this.#anchorSimUs + Math.floor((wallMs - this.#anchorWallMs) * this.#speed * 1000);
  }
}
