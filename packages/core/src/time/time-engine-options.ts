import { MarksimError } from '../errors/marksim-error.js';
import type { RandomSource } from '../random/random-source.js';
import type { TimeEngineMode } from './time-engine-events.js';
import type { WallClock } from './wall-clock.js';

/** Options of `new TimeEngine(options)`; every field has a default in DEFAULT_TIME_ENGINE_OPTIONS. */
export interface TimeEngineOptions {
  /** 'fast' runs events back to back; 'realtime' paces them by wall time × speed. */
  readonly mode?: TimeEngineMode;
  /** Real-time speed multiplier: simulated µs per wall µs (10 = ten times faster than life). */
  readonly speed?: number;
  /** Simulated time (µs) the clock starts at. */
  readonly startTimeUs?: number;
  /** Hand control to the host event loop after at most this many events in a row. */
  readonly yieldEveryEvents?: number;
  /** …or after this much wall time (ms) in a row, whichever comes first. */
  readonly yieldEveryMs?: number;
  /** Wall time source; defaults to `systemClock`. */
  readonly clock?: WallClock;
}

/** Defaults: fast mode, speed 1, clock at 0 µs, yield every 10 000 events or 10 ms. */
export const DEFAULT_TIME_ENGINE_OPTIONS = {
  mode: 'fast',
  speed: 1,
  startTimeUs: 0,
  yieldEveryEvents: 10_000,
  yieldEveryMs: 10,
} as const satisfies Required<Omit<TimeEngineOptions, 'clock'>>;

/** Options of `engine.every(intervalUs, handler, options)`. */
export interface EveryOptions {
  /** Time of the first run (µs); defaults to now + intervalUs. */
  readonly startUs?: number;
  /** Add a uniform offset in [0, jitterUs] µs to each run on the fixed grid (needs `random`; < intervalUs). */
  readonly jitterUs?: number;
  /** 'fixed' (default): a regular grid; 'poisson': exponential gaps with mean intervalUs (needs `random`). */
  readonly arrival?: 'fixed' | 'poisson';
  /** Source of the jitter / arrival draws; core never uses Math.random. */
  readonly random?: RandomSource;
}

/** Resolved engine settings. */
export interface ResolvedTimeEngineOptions {
  readonly mode: TimeEngineMode;
  readonly speed: number;
  readonly startTimeUs: number;
  readonly yieldEveryEvents: number;
  readonly yieldEveryMs: number;
}

function invalid(message: string): MarksimError {
  return new MarksimError('INVALID_CONFIG', message);
}

/** Checks a speed multiplier; `where` names the field in the message. */
export function checkSpeed(speed: unknown, where: string): number {
  if (typeof speed !== 'number' || !(speed > 0) || !Number.isFinite(speed)) {
    throw invalid(`speed must be a finite number > 0 (got ${String(speed)}) at ${where}`);
  }
  return speed;
}

/** Checks a mode name. */
export function checkMode(mode: unknown, where: string): TimeEngineMode {
  if (mode !== 'fast' && mode !== 'realtime') {
    throw invalid(`mode must be 'fast' or 'realtime' (got ${String(mode)}) at ${where}`);
  }
  return mode;
}

/** Merges options with the defaults and validates them. */
export function resolveTimeEngineOptions(options: TimeEngineOptions): ResolvedTimeEngineOptions {
  const merged = { ...DEFAULT_TIME_ENGINE_OPTIONS, ...options };
  const mode = checkMode(merged.mode, 'timeEngine.mode');
  const speed = checkSpeed(merged.speed, 'timeEngine.speed');
  if (!Number.isSafeInteger(merged.startTimeUs) || merged.startTimeUs < 0) {
    throw invalid(`startTimeUs must be an integer >= 0 (got ${String(merged.startTimeUs)}) at timeEngine.startTimeUs`);
  }
  if (!Number.isSafeInteger(merged.yieldEveryEvents) || merged.yieldEveryEvents < 1) {
    throw invalid(`yieldEveryEvents must be an integer >= 1 (got ${String(merged.yieldEveryEvents)}) at timeEngine.yieldEveryEvents`);
  }
  if (typeof merged.yieldEveryMs !== 'number' || !(merged.yieldEveryMs > 0)) {
    throw invalid(`yieldEveryMs must be a number > 0 (got ${String(merged.yieldEveryMs)}) at timeEngine.yieldEveryMs`);
  }
  return {
    mode,
    speed,
    startTimeUs: merged.startTimeUs,
    yieldEveryEvents: merged.yieldEveryEvents,
    yieldEveryMs: merged.yieldEveryMs,
  };
}
