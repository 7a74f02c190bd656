// When agents wake up and how long their intents travel, in simulated µs. Draws come from the
// agent's own random stream, so adding an agent never changes when the others wake.
import { MarksimError } from '../errors/marksim-error.js';
import type { RandomSource } from '../random/random-source.js';

/**
 * When an agent wakes:
 * - `fixed`: every `intervalUs` on a grid that starts `phaseUs` after the start (default: one
 *   interval), each wake-up delayed by a uniform draw in [0, jitterUs) that never accumulates;
 * - `poisson`: exponential gaps with mean `meanIntervalUs` (memoryless arrivals).
 */
export type WakeupModel =
  | { readonly kind: 'fixed'; readonly intervalUs: number; readonly jitterUs?: number; readonly phaseUs?: number }
  | { readonly kind: 'poisson'; readonly meanIntervalUs: number };

/** Delay from decision to book: `baseUs` plus a uniform draw in [0, jitterUs). */
export interface LatencyModel {
  readonly baseUs: number;
  readonly jitterUs?: number;
}

/** Zero latency: intents reach the book at the instant of the decision (after its batch). */
export const DEFAULT_LATENCY: LatencyModel = Object.freeze({ baseUs: 0, jitterUs: 0 });

function invalid(field: string, value: unknown, rule: string): MarksimError {
  return new MarksimError('INVALID_CONFIG', `${field} must be ${rule} (got ${String(value)})`);
}

function checkInteger(value: unknown, min: number, field: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw invalid(field, value, `an integer >= ${min} µs`);
  }
}

/** Throws INVALID_CONFIG naming the field when a wake-up model is malformed. */
export function validateWakeupModel(model: WakeupModel, field: string): void {
  if (model === null || typeof model !== 'object') throw invalid(field, model, 'a wake-up model object');
  if (model.kind === 'fixed') {
    checkInteger(model.intervalUs, 1, `${field}.intervalUs`);
    if (model.jitterUs !== undefined) checkInteger(model.jitterUs, 0, `${field}.jitterUs`);
    if (model.phaseUs !== undefined) checkInteger(model.phaseUs, 0, `${field}.phaseUs`);
  } else if (model.kind === 'poisson') {
    checkInteger(model.meanIntervalUs, 1, `${field}.meanIntervalUs`);
  } else {
    throw invalid(`${field}.kind`, (model as { kind?: unknown }).kind, `'fixed' or 'poisson'`);
  }
}

/** Throws INVALID_CONFIG naming the field when a latency model is malformed. */
export function validateLatencyModel(model: LatencyModel, field: string): void {
  if (model === null || typeof model !== 'object') throw invalid(field, model, 'a latency model object');
  checkInteger(model.baseUs, 0, `${field}.baseUs`);
  if (model.jitterUs !== undefined) checkInteger(model.jitterUs, 0, `${field}.jitterUs`);
}

/**
 * Per-agent wake-up schedule. `next()` returns successive wake-up times (integer µs, strictly
 * increasing).
 */
export class WakeupSchedule {
  private readonly model: WakeupModel;
  private readonly random: RandomSource;
  /** Fixed model: the current grid point; Poisson model: the last wake-up (or the start). */
  private anchorUs: number;
  private lastUs = Number.NEGATIVE_INFINITY;

  constructor(model: WakeupModel, startUs: number, random: RandomSource) {
    this.model = model;
    this.random = random;
    this.anchorUs = model.kind === 'fixed' ? startUs + (model.phaseUs ?? model.intervalUs) - model.intervalUs : startUs;
  }

  /** The next wake-up time. */
  next(): number {
    const model = this.model;
    let timeUs: number;
    if (model.kind === 'fixed') {
      this.anchorUs += model.intervalUs;
      const jitterUs = model.jitterUs ?? 0;
      timeUs = jitterUs > 0 ? this.anchorUs + Math.floor(this.random.next() * jitterUs) : this.anchorUs;
    } else {
      // Inverse-CDF exponential; 1 - u is in (0, 1], so the log is finite.
      const gapUs = Math.round(-Math.log(1 - this.random.next()) * model.meanIntervalUs);
      timeUs = this.anchorUs + Math.max(1, gapUs);
      this.anchorUs = timeUs;
    }
    // Jitter larger than the interval could reorder wake-ups; keep them strictly increasing.
    if (timeUs <= this.lastUs) timeUs = this.lastUs + 1;
    this.lastUs = timeUs;
    return timeUs;
  }
}

/** One latency draw in integer µs. */
export function sampleLatencyUs(model: LatencyModel, random: RandomSource): number {
  const jitterUs = model.jitterUs ?? 0;
  return jitterUs > 0 ? model.baseUs + Math.floor(random.next() * jitterUs) : model.baseUs;
}
