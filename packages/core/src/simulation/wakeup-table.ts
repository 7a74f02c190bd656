// Every agent's wake-up schedule, latency model and scheduling random stream, packed in typed
// arrays indexed by agent. With thousands of agents the per-agent objects no longer fit in
// cache; a wake-up then touches one 64-byte row here (stream words and schedule side by side)
// instead of a schedule object, a random-stream object and an agenda entry scattered over the
// heap — or one line in each of several parallel arrays.
//
// The rules are those of WakeupSchedule and sampleLatencyUs, and the stream is the agent's
// SeededRandom (sfc32) continued from its state, so a run draws exactly what those would.
import type { LatencyModel, WakeupModel } from '../agent/arrival-models.js';
import type { SeededRandom } from '../random/seeded-random.js';

const TWO_POW_32 = 4294967296;

/** Doubles per agent row: everything a wake-up reads and writes, 64 bytes. */
const STRIDE = 8;
/** sfc32 words a, b, c, d (int32 values held as doubles, exact). */
const A = 0;
const B = 1;
const C = 2;
const D = 3;
/** Fixed: the current grid point; Poisson: the last wake-up (or the start). */
const ANCHOR = 4;
const LAST = 5;
/** Fixed: the interval; Poisson: the mean gap. */
const INTERVAL = 6;
/** Fixed: uniform delay in [0, jitter) added to each grid point; POISSON marks a Poisson row. */
const JITTER = 7;
const POISSON = -1;

/** Scheduling state of `capacity` agents; fill each with `set` before drawing. */
export class WakeupTable {
  private readonly rows: Float64Array;
  /** Latency base and jitter of agent i at 2i, 2i + 1: read only when the agent sends orders. */
  private readonly latency: Float64Array;

  constructor(capacity: number) {
    this.rows = new Float64Array(STRIDE * capacity);
    this.latency = new Float64Array(2 * capacity);
  }

  /** Agent `index` wakes by `wakeup` from `startUs`, travels by `latency` and draws from `random`'s current position on. */
  set(index: number, wakeup: WakeupModel, latency: LatencyModel, startUs: number, random: SeededRandom): void {
    const rows = this.rows;
    const o = STRIDE * index;
    const words = random.getState().words;
    for (let k = 0; k < 4; k++) rows[o + A + k] = words[k]! | 0;
    if (wakeup.kind === 'fixed') {
      rows[o + INTERVAL] = wakeup.intervalUs;
      rows[o + JITTER] = wakeup.jitterUs ?? 0;
      rows[o + ANCHOR] = startUs + (wakeup.phaseUs ?? wakeup.intervalUs) - wakeup.intervalUs;
    } else {
      rows[o + INTERVAL] = wakeup.meanIntervalUs;
      rows[o + JITTER] = POISSON;
      rows[o + ANCHOR] = startUs;
    }
    rows[o + LAST] = Number.NEGATIVE_INFINITY;
    this.latency[2 * index] = latency.baseUs;
    this.latency[2 * index + 1] = latency.jitterUs ?? 0;
  }

  /** Agent `index`'s next wake-up time (integer µs, strictly increasing), as WakeupSchedule.next. */
  nextWakeUs(index: number): number {
    this.advanceWake(index);
    return this.lastWakeUs(index);
  }

  /**
   * The wake-up time `advanceWake` drew last for agent `index`. Hot paths call advanceWake then
   * this one-line read, which is always inlined: the time, a double beyond the small-integer
   * range, then never leaves a call as a heap number (one allocation per wake-up otherwise).
   */
  lastWakeUs(index: number): number {
    return this.rows[STRIDE * index + LAST]!;
  }

  /** Draws agent `index`'s next wake-up into its row (read it with lastWakeUs). */
  advanceWake(index: number): void {
    const rows = this.rows;
    const o = STRIDE * index;
    const jitterUs = rows[o + JITTER]!;
    let timeUs: number;
    if (jitterUs === POISSON) {
      // Inverse-CDF exponential; 1 - u is in (0, 1], so the log is finite.
      const gapUs = Math.round(-Math.log(1 - this.nextUint32(index) / TWO_POW_32) * rows[o + INTERVAL]!);
      timeUs = rows[o + ANCHOR]! + Math.max(1, gapUs);
      rows[o + ANCHOR] = timeUs;
    } else {
      const anchorUs = rows[o + ANCHOR]! + rows[o + INTERVAL]!;
      rows[o + ANCHOR] = anchorUs;
      timeUs = jitterUs > 0 ? anchorUs + Math.floor((this.nextUint32(index) / TWO_POW_32) * jitterUs) : anchorUs;
    }
    // Jitter larger than the interval could reorder wake-ups; keep them strictly increasing.
    const lastUs = rows[o + LAST]!;
    if (timeUs <= lastUs) timeUs = lastUs + 1;
    rows[o + LAST] = timeUs;
  }

  /** One latency draw for agent `index` in integer µs, as sampleLatencyUs. */
  latencyUs(index: number): number {
    const baseUs = this.latency[2 * index]!;
    const jitterUs = this.latency[2 * index + 1]!;
    return jitterUs > 0 ? baseUs + Math.floor((this.nextUint32(index) / TWO_POW_32) * jitterUs) : baseUs;
  }

  /** The next raw 32-bit output of agent `index`'s stream, as SeededRandom.nextUint32. */
  nextUint32(index: number): number {
    const rows = this.rows;
    const o = STRIDE * index;
    const a = rows[o + A]! | 0;
    const b = rows[o + B]! | 0;
    const c = rows[o + C]! | 0;
    const d = rows[o + D]! | 0;
    const t = (((a + b) | 0) + d) | 0;
    rows[o + D] = (d + 1) | 0;
    rows[o + A] = b ^ (b >>> 9);
    rows[o + B] = (c + (c << 3)) | 0;
    rows[o + C] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }
}
