import { getHeapStatistics } from 'node:v8';
import { requirePositive, streamError } from '../errors.js';
import { STDERR_LOGGER } from '../logger.js';
import type { StreamLogger } from '../logger.js';

/** Memory figures in bytes. */
export interface MemoryFigures {
  heapUsedBytes: number;
  heapTotalBytes: number;
  rssBytes: number;
  externalBytes: number;
}

/** One sample: the figures and when they were taken (wall ms since the epoch). */
export interface MemorySample extends MemoryFigures {
  timeMs: number;
}

/** `ok` below the soft limit, `soft` between the limits, `hard` at or above the hard limit. */
export type MemoryLevel = 'ok' | 'soft' | 'hard';

/** Which figure the limits apply to. */
export type WatchedFigure = 'heapUsed' | 'rss';

/** The shape of process.memoryUsage() the monitor reads; tests inject a fake. */
export type MemorySampler = () => { heapUsed: number; heapTotal: number; rss: number; external: number };

/** What a shedder is told when the hard limit is crossed. */
export interface ShedContext {
  readonly level: MemoryLevel;
  readonly sample: MemorySample;
  /** The watched figure and the hard limit, in bytes. */
  readonly watchedBytes: number;
  readonly hardLimitBytes: number;
}

/**
 * Frees memory when the hard limit is crossed (e.g. stream.shed(), trimming history buffers).
 * Returns how many items it dropped, for the log. Errors are caught and logged.
 */
export type MemoryShedder = (context: ShedContext) => number | void;

/** Options of MemoryMonitor; every field has a default. */
export interface MemoryMonitorOptions {
  /** Sampling interval in ms. */
  readonly intervalMs?: number;
  /** The figure compared with the limits. */
  readonly watch?: WatchedFigure;
  /** Warn at or above this many bytes of the watched figure (default 70 % of V8's heap limit). */
  readonly softLimitBytes?: number;
  /** Shed at or above this many bytes (default 85 % of V8's heap limit). */
  readonly hardLimitBytes?: number;
  /** While over a limit, repeat the log line at most once per this many ms. */
  readonly logIntervalMs?: number;
  /** While over the hard limit, run the shedders at most once per this many ms. */
  readonly shedIntervalMs?: number;
  readonly logger?: StreamLogger;
  /** Called after every level change. Must not throw. */
  readonly onLevelChange?: (level: MemoryLevel, sample: MemorySample) => void;
  readonly sample?: MemorySampler;
  /** Wall clock, ms since the epoch. */
  readonly nowMs?: () => number;
}

/** Defaults of MemoryMonitorOptions (limits default to fractions of V8's heap size limit). */
export const DEFAULT_MEMORY_MONITOR_OPTIONS = {
  intervalMs: 1000,
  watch: 'heapUsed' as WatchedFigure,
  softLimitFraction: 0.7,
  hardLimitFraction: 0.85,
  logIntervalMs: 60_000,
  shedIntervalMs: 1000,
} as const;

/** Counters of a MemoryMonitor. */
export interface MemoryMonitorStats {
  samples: number;
  /** Times the level rose to soft / to hard. */
  softBreaches: number;
  hardBreaches: number;
  /** Shed rounds run, items the shedders reported dropping, and shedders that threw. */
  sheds: number;
  shedItems: number;
  shedFailures: number;
}

const MIB = 1024 * 1024;

function mib(bytes: number): string {
  return `${(bytes / MIB).toFixed(1)} MiB`;
}

/**
 * Samples heap and RSS at an interval (the seed's MemoryMonitor): keeps the latest figures and
 * their min/max for metrics, warns above the soft limit and, above the hard limit, runs the
 * registered shedders instead of letting memory grow. Logging is rate limited.
 */
export class MemoryMonitor {
  readonly intervalMs: number;
  readonly watch: WatchedFigure;
  readonly softLimitBytes: number;
  readonly hardLimitBytes: number;
  private readonly logIntervalMs: number;
  private readonly shedIntervalMs: number;
  private readonly logger: StreamLogger;
  private readonly onLevelChange: MemoryMonitorOptions['onLevelChange'];
  private readonly sampler: MemorySampler;
  private readonly nowMs: () => number;
  private readonly shedders = new Map<string, MemoryShedder>();
  private timer: NodeJS.Timeout | undefined;
  private currentLevel: MemoryLevel = 'ok';
  private lastSample: MemorySample | undefined;
  private minFigures: MemoryFigures | undefined;
  private maxFigures: MemoryFigures | undefined;
  private lastLogMs = -Infinity;
  private lastShedMs = -Infinity;
  private readonly figures: MemoryMonitorStats = {
    samples: 0,
    softBreaches: 0,
    hardBreaches: 0,
    sheds: 0,
    shedItems: 0,
    shedFailures: 0,
  };

  constructor(options: MemoryMonitorOptions = {}) {
    const defaults = DEFAULT_MEMORY_MONITOR_OPTIONS;
    this.intervalMs = options.intervalMs ?? defaults.intervalMs;
    this.watch = options.watch ?? defaults.watch;
    const heapLimitBytes = getHeapStatistics().heap_size_limit;
    this.softLimitBytes = options.softLimitBytes ?? Math.floor(heapLimitBytes * defaults.softLimitFraction);
    this.hardLimitBytes = options.hardLimitBytes ?? Math.max(this.softLimitBytes, Math.floor(heapLimitBytes * defaults.hardLimitFraction));
    this.logIntervalMs = options.logIntervalMs ?? defaults.logIntervalMs;
    this.shedIntervalMs = options.shedIntervalMs ?? defaults.shedIntervalMs;
    this.logger = options.logger ?? STDERR_LOGGER;
    this.onLevelChange = options.onLevelChange;
    this.sampler = options.sample ?? (() => process.memoryUsage());
    this.nowMs = options.nowMs ?? Date.now;
    requirePositive('intervalMs', this.intervalMs);
    requirePositive('softLimitBytes', this.softLimitBytes);
    requirePositive('hardLimitBytes', this.hardLimitBytes);
    requirePositive('logIntervalMs', this.logIntervalMs);
    requirePositive('shedIntervalMs', this.shedIntervalMs);
    if (this.watch !== 'heapUsed' && this.watch !== 'rss') {
      throw streamError('INVALID_ARGUMENT', `watch must be heapUsed or rss (got ${String(this.watch)})`);
    }
    if (this.hardLimitBytes < this.softLimitBytes) {
      throw streamError('INVALID_ARGUMENT',
        `hardLimitBytes must be ≥ softLimitBytes (${this.softLimitBytes}) (got ${this.hardLimitBytes})`);
    }
  }

  /** The level after the last sample. */
  get level(): MemoryLevel {
    return this.currentLevel;
  }

  /** The last sample, or undefined before the first. */
  get latest(): MemorySample | undefined {
    return this.lastSample && { ...this.lastSample };
  }

  /** Smallest value of each figure seen so far. */
  get min(): MemoryFigures | undefined {
    return this.minFigures && { ...this.minFigures };
  }

  /** Largest value of each figure seen so far. */
  get max(): MemoryFigures | undefined {
    return this.maxFigures && { ...this.maxFigures };
  }

  get stats(): MemoryMonitorStats {
    return { ...this.figures };
  }

  /** True while the interval timer runs. */
  get running(): boolean {
    return this.timer !== undefined;
  }

  /** Registers a shedder under a name (replacing one of the same name); returns its remover. */
  addShedder(name: string, shedder: MemoryShedder): () => void {
    this.shedders.set(name, shedder);
    return () => {
      if (this.shedders.get(name) === shedder) this.shedders.delete(name);
    };
  }

  /** Samples now, then every intervalMs. The timer does not keep the process alive. */
  start(): this {
    if (this.timer === undefined) {
      this.sampleNow();
      this.timer = setInterval(() => this.sampleNow(), this.intervalMs);
      this.timer.unref();
    }
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Takes one sample, updates figures and level, and sheds if over the hard limit. */
  sampleNow(): MemorySample {
    const usage = this.sampler();
    const sample: MemorySample = {
      timeMs: this.nowMs(),
      heapUsedBytes: usage.heapUsed,
      heapTotalBytes: usage.heapTotal,
      rssBytes: usage.rss,
      externalBytes: usage.external,
    };
    this.record(sample);
    const watchedBytes = this.watch === 'rss' ? sample.rssBytes : sample.heapUsedBytes;
    const level: MemoryLevel =
      watchedBytes >= this.hardLimitBytes ? 'hard' : watchedBytes >= this.softLimitBytes ? 'soft' : 'ok';
    const previous = this.currentLevel;
    this.currentLevel = level;
    if (level !== previous) this.changed(previous, level, sample, watchedBytes);
    else if (level !== 'ok' && sample.timeMs - this.lastLogMs >= this.logIntervalMs) this.logLevel(level, sample, watchedBytes);
    if (level === 'hard' && sample.timeMs - this.lastShedMs >= this.shedIntervalMs) this.shed(sample, watchedBytes);
    return { ...sample };
  }

  private record(sample: MemorySample): void {
    this.figures.samples++;
    this.lastSample = sample;
    const figures: MemoryFigures = {
      heapUsedBytes: sample.heapUsedBytes,
      heapTotalBytes: sample.heapTotalBytes,
      rssBytes: sample.rssBytes,
      externalBytes: sample.externalBytes,
    };
    if (!this.minFigures || !this.maxFigures) {
      this.minFigures = { ...figures };
      this.maxFigures = { ...figures };
      return;
    }
    for (const key of Object.keys(figures) as (keyof MemoryFigures)[]) {
      this.minFigures[key] = Math.min(this.minFigures[key], figures[key]);
      this.maxFigures[key] = Math.max(this.maxFigures[key], figures[key]);
    }
  }

  private changed(previous: MemoryLevel, level: MemoryLevel, sample: MemorySample, watchedBytes: number): void {
    if (level === 'soft' && previous === 'ok') this.figures.softBreaches++;
    if (level === 'hard') this.figures.hardBreaches++;
    if (level === 'ok') {
      this.logger.info(`memory back below the soft limit: ${this.watch} ${mib(watchedBytes)}`, { level, ...sample });
      this.lastLogMs = -Infinity;
    } else {
      this.logLevel(level, sample, watchedBytes);
    }
    try {
      this.onLevelChange?.(level, { ...sample });
    } catch (error) {
      this.logger.error('memory onLevelChange callback threw', { error });
    }
  }

  private logLevel(level: MemoryLevel, sample: MemorySample, watchedBytes: number): void {
    this.lastLogMs = sample.timeMs;
    const fields = { level, softLimitBytes: this.softLimitBytes, hardLimitBytes: this.hardLimitBytes, ...sample };
    if (level === 'hard') {
      this.logger.error(`memory above the hard limit: ${this.watch} ${mib(watchedBytes)} ≥ ${mib(this.hardLimitBytes)}; shedding load`, fields);
    } else {
      this.logger.warn(`memory above the soft limit: ${this.watch} ${mib(watchedBytes)} ≥ ${mib(this.softLimitBytes)}`, fields);
    }
  }

  private shed(sample: MemorySample, watchedBytes: number): void {
    this.lastShedMs = sample.timeMs;
    this.figures.sheds++;
    const context: ShedContext = { level: 'hard', sample: { ...sample }, watchedBytes, hardLimitBytes: this.hardLimitBytes };
    for (const [name, shedder] of this.shedders) {
      try {
        const dropped = shedder(context);
        if (typeof dropped === 'number') this.figures.shedItems += dropped;
      } catch (error) {
        this.figures.shedFailures++;
        this.logger.error('memory shedder threw; the others still ran', { shedder: name, error });
      }
    }
  }
}
