// Every agent's wake-up schedule, latency model and scheduling random stream, packed in typed
// arrays indexed by agent. With thousands of agents the per-agent objects no longer fit in
// cache; a wake-up then touches a few contiguous numbers here instead of a schedule object, a
// random-stream object and an agenda entry scattered over the heap.
//
// The rules are those of WakeupSchedule and sampleLatencyUs, and the stream is the agent's
// SeededRandom (sfc32) continued from its state, so a run draws exactly what those would.
import type { LatencyModel, WakeupModel } from '../agent/arrival-models.js';
import type { SeededRandom } from '../random/seeded-random.js';

const TWO_POW_32 = 4294967296;

/** Scheduling state of `capacity` agents; fill each with `set` before drawing. */
export class WakeupTable {
  /** sfc32 words a, b, c, d of agent i at 4i … 4i + 3. */
  private readonly words: Int32Array;
  /** Fixed: the current grid point; Poisson: the last wake-up (or the start). */
  private readonly anchorUs: Float64Array;
  private readonly lastUs: Float64Array;
  /** Fixed: the interval; Poisson: the mean gap. */
  private readonly intervalUs: Float64Array;
  /** Fixed only: uniform delay in [0, jitterUs) added to each grid point. */
  private readonly jitterUs: Float64Array;
  private readonly poisson: Uint8Array;
  private readonly latencyBaseUs: Float64Array;
  private readonly latencyJitterUs: Float64Array;

  constructor(capacity: number) {
    this.words = new Int32Array(4 * capacity);
    this.anchorUs = new Float64Array(capacity);
    this.lastUs = new Float64Array(capacity).fill(Number.NEGATIVE_INFINITY);
    this.intervalUs = new Float64Array(capacity);
    this.jitterUs = new Float64Array(capacity);
    this.poisson = new Uint8Array(capacity);
    this.latencyBaseUs = new Float64Array(capacity);
    this.latencyJitterUs = new Float64Array(capacity);
  }

  /** Agent `index` wakes by `wakeup` from `startUs`, travels by `latency` and draws from `random`'s current position on. */
  set(index: number, wakeup: WakeupModel, latency: LatencyModel, startUs: number, random: SeededRandom): void {
    const words = random.getState().words;
    for (let k = 0; k < 4; k++) this.words[4 * index + k] = words[k]! | 0;
    if (wakeup.kind === 'fixed') {
      this.poisson[index] = 0;
      this.intervalUs[index] = wakeup.intervalUs;
      this.jitterUs[index] = wakeup.jitterUs ?? 0;
      this.anchorUs[index] = startUs + (wakeup.phaseUs ?? wakeup.intervalUs) - wakeup.intervalUs;
    } else {
      this.poisson[index] = 1;
      this.intervalUs[index] = wakeup.meanIntervalUs;
      this.jitterUs[index] = 0;
      this.anchorUs[index] = startUs;
    }
    this.lastUs[index] = Number.NEGATIVE_INFINITY;
    this.latencyBaseUs[index] = latency.baseUs;
    this.latencyJitterUs[index] = latency.jitterUs ?? 0;
  }

  /** Agent `index`'s next wake-up time (integer µs, strictly increasing), as WakeupSchedule.next. */
  nextWakeUs(index: number): number {
    let timeUs: number;
    if (this.poisson[index] === 1) {
      // Inverse-CDF exponential; 1 - u is in (0, 1], so the log is finite.
      const gapUs = Math.round(-Math.log(1 - this.nextUint32(index) / TWO_POW_32) * this.intervalUs[index]!);
      timeUs = this.anchorUs[index]! + Math.max(1, gapUs);
      this.anchorUs[index] = timeUs;
    } else {
      const anchorUs = this.anchorUs[index]! + this.intervalUs[index]!;
      this.anchorUs[index] = anchorUs;
      const jitterUs = this.jitterUs[index]!;
      timeUs = jitterUs > 0 ? anchorUs + Math.floor((this.nextUint32(index) / TWO_POW_32) * jitterUs) : anchorUs;
    }
    // Jitter larger than the interval could reorder wake-ups; keep them strictly increasing.
    const lastUs = this.lastUs[index]!;
    if (timeUs <= lastUs) timeUs = lastUs + 1;
    this.lastUs[index] = timeUs;
    return timeUs;
  }

  /** One latency draw for agent `index` in integer µs, as sampleLatencyUs. */
  latencyUs(index: number): number {
    const jitterUs = this.latencyJitterUs[index]!;
    const baseUs = this.latencyBaseUs[index]!;
    return jitterUs > 0 ? baseUs + Math.floor((this.nextUint32(index) / TWO_POW_32) * jitterUs) : baseUs;
  }

  /** The next raw 32-bit output of agent `index`'s stream, as SeededRandom.nextUint32. */
  nextUint32(index: number): number {
    const words = this.words;
    const o = 4 * index;
    const a = words[o]!;
    const b = words[o + 1]!;
    const c = words[o + 2]!;
    const d = words[o + 3]!;
    const t = (((a + b) | 0) + d) | 0;
    words[o + 3] = (d + 1) | 0;
    words[o] = b ^ (b >>> 9);
    words[o + 1] = (c + (c << 3)) | 0;
    words[o + 2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }
}
