import { formatDurationUs } from './parse-duration.js';

/** Where the bar is drawn: a writable text stream (stderr), redrawn in place when it is a TTY. */
export interface ProgressOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

const WIDTH = 30;
/** Redraw at most this often (wall ms); a non-TTY gets a line every 10 % instead. */
const REDRAW_MS = 100;

/** A one-line progress bar: simulated time done, events per wall second and ETA. */
export class ProgressBar {
  private readonly output: ProgressOutput;
  private readonly totalUs: number;
  private lastDrawMs = Number.NEGATIVE_INFINITY;
  private lastDecile = -1;

  constructor(output: ProgressOutput, totalUs: number) {
    this.output = output;
    this.totalUs = totalUs;
  }

  /** Updates the bar; `doneUs` simulated µs done after `wallMs` of wall time with `events` so far. */
  update(doneUs: number, wallMs: number, events: number, force = false): void {
    const fraction = Math.min(1, Math.max(0, doneUs / this.totalUs));
    if (this.output.isTTY === true) {
      if (!force && wallMs - this.lastDrawMs < REDRAW_MS) return;
      this.lastDrawMs = wallMs;
      this.output.write(`\r${this.render(fraction, doneUs, wallMs, events)}\u001b[K`);
    } else {
      const decile = Math.floor(fraction * 10);
      if (!force && decile === this.lastDecile) return;
      this.lastDecile = decile;
      this.output.write(`${this.render(fraction, doneUs, wallMs, events)}\n`);
    }
  }

  /** Ends the line. */
  finish(): void {
    if (this.output.isTTY === true) this.output.write('\n');
  }

  /** The text of the bar, e.g. `[#########.....]  45%  2h42m/6h00m sim | 512k ev/s | ETA 0m41s`. */
  render(fraction: number, doneUs: number, wallMs: number, events: number): string {
    const filled = Math.round(fraction * WIDTH);
    const eventsPerS = wallMs > 0 ? (events * 1000) / wallMs : 0;
    const etaMs = fraction > 0 ? (wallMs * (1 - fraction)) / fraction : Number.NaN;
    return (
      `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%  ` +
      `${formatDurationUs(doneUs)}/${formatDurationUs(this.totalUs)} sim | ${formatRate(eventsPerS)} ev/s | ETA ${formatDurationUs(etaMs * 1000)}`
    );
  }
}

function formatRate(perS: number): string {
  if (perS >= 1_000_000) return `${(perS / 1_000_000).toFixed(2)}M`;
  if (perS >= 1_000) return `${Math.round(perS / 1_000)}k`;
  return String(Math.round(perS));
}
