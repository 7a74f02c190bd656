// Events per wall second while running: a rate over windows of at least a second, and the
// average over all running time. Paused time is excluded by restarting the window on resume.

const WINDOW_MS = 1_000;

/** Measures a counter's rate against wall time. */
export class RateMeter {
  private windowStartMs = 0;
  private windowStartCount = 0;
  private lastMs = 0;
  private running = false;
  /** Rate over the last complete window. */
  recentPerS = 0;
  /** Wall time spent running, ms. */
  runningMs = 0;

  /** Starts (or restarts after a pause) measuring at `nowMs` with the counter at `count`. */
  begin(nowMs: number, count: number): void {
    this.windowStartMs = nowMs;
    this.windowStartCount = count;
    this.lastMs = nowMs;
    this.running = true;
  }

  /** Stops accumulating running time (pause, stop). */
  end(nowMs: number, count: number): void {
    if (!this.running) return;
    this.sample(nowMs, count);
    this.running = false;
  }

  /** Records the counter at `nowMs`; closes the window once it spans a second. */
  sample(nowMs: number, count: number): void {
    if (!this.running) return;
    this.runningMs += nowMs - this.lastMs;
    this.lastMs = nowMs;
    const spanMs = nowMs - this.windowStartMs;
    if (spanMs >= WINDOW_MS) {
      this.recentPerS = ((count - this.windowStartCount) * 1000) / spanMs;
      this.windowStartMs = nowMs;
      this.windowStartCount = count;
    }
  }
}
