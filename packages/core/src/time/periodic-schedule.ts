import { MarksimError } from '../errors/marksim-error.js';
import type { RandomSource } from '../random/random-source.js';
import type { EveryOptions } from './time-engine-options.js';

/** Settings and grid position of a periodic timer; one-shot timers have none. */
export interface PeriodicSchedule {
  readonly intervalUs: number;
  /** Grid instant of the current run (jitter is added on top, never accumulated). */
  nominalUs: number;
  readonly jitterUs: number;
  readonly poisson: boolean;
  readonly random: RandomSource | null;
}

function invalid(message: string): MarksimError {
  return new MarksimError('INVALID_ARGUMENT', message);
}

/**
 * Validates `every()` arguments and returns the schedule plus the time of its first run:
 * fixed arrivals start at `startUs` (default now + intervalUs) plus a jitter offset; Poisson
 * arrivals are a Poisson process from `startUs` (default now), so the first run is one gap later.
 */
export function createPeriodicSchedule(
  intervalUs: number,
  options: EveryOptions,
  nowUs: number,
): { schedule: PeriodicSchedule; firstUs: number } {
  if (!Number.isSafeInteger(intervalUs) || intervalUs <= 0) {
    throw invalid(`intervalUs must be an integer > 0 (got ${intervalUs}) at timeEngine.every`);
  }
  const arrival = options.arrival ?? 'fixed';
  if (arrival !== 'fixed' && arrival !== 'poisson') {
    throw invalid(`arrival must be 'fixed' or 'poisson' (got ${String(arrival)}) at timeEngine.every.arrival`);
  }
  const jitterUs = options.jitterUs ?? 0;
  if (!Number.isSafeInteger(jitterUs) || jitterUs < 0 || jitterUs >= intervalUs) {
    throw invalid(`jitterUs must be an integer in [0, intervalUs ${intervalUs}) (got ${jitterUs}) at timeEngine.every.jitterUs`);
  }
  if (arrival === 'poisson' && jitterUs > 0) {
    throw invalid(`jitterUs must be 0 with poisson arrivals (got ${jitterUs}) at timeEngine.every.jitterUs`);
  }
  const random = options.random ?? null;
  if ((jitterUs > 0 || arrival === 'poisson') && (random === null || typeof random.next !== 'function')) {
    throw invalid('random must be given (a RandomSource) for jitter or poisson arrivals at timeEngine.every.random');
  }
  const startUs = options.startUs ?? (arrival === 'poisson' ? nowUs : nowUs + intervalUs);
  if (!Number.isSafeInteger(startUs) || startUs < nowUs) {
    throw invalid(`startUs must be an integer >= nowUs ${nowUs} (got ${startUs}) at timeEngine.every.startUs`);
  }
  const schedule: PeriodicSchedule = { intervalUs, nominalUs: startUs, jitterUs, poisson: arrival === 'poisson', random };
  let firstUs = startUs;
  if (random !== null && schedule.poisson) firstUs += poissonGapUs(random, intervalUs);
  else if (random !== null && jitterUs > 0) firstUs += jitterOffsetUs(random, jitterUs);
  return { schedule, firstUs };
}

/** Time of the run after the one at `timeUs` (advances the schedule's grid). */
export function nextPeriodicTimeUs(schedule: PeriodicSchedule, timeUs: number): number {
  if (schedule.poisson) return timeUs + poissonGapUs(schedule.random as RandomSource, schedule.intervalUs);
  schedule.nominalUs += schedule.intervalUs;
  if (schedule.jitterUs === 0) return schedule.nominalUs;
  return schedule.nominalUs + jitterOffsetUs(schedule.random as RandomSource, schedule.jitterUs);
}

/** Uniform offset in [0, jitterUs] µs added to a grid instant; jitterUs < intervalUs keeps runs ordered. */
function jitterOffsetUs(random: RandomSource, jitterUs: number): number {
  return Math.floor(random.next() * (jitterUs + 1));
}

/** Exponential gap with mean `meanUs`, in whole µs and at least 1 so that time always moves on. */
function poissonGapUs(random: RandomSource, meanUs: number): number {
  const gapUs = Math.round(-Math.log(1 - random.next()) * meanUs);
  return gapUs > 1 ? gapUs : 1;
}
