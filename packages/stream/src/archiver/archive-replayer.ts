import { streamError } from '../errors.js';
import type { ArchiveRecord } from './archive-record.js';
import { SYSTEM_REPLAY_CLOCK } from './replay-clock.js';
import type { ReplayClock } from './replay-clock.js';

/** Options of ArchiveReplayer. */
export interface ReplayOptions {
  /** Simulated time per wall time: 1 = as recorded, 10 = ten times faster, Infinity = no pacing. */
  readonly speed?: number;
  readonly clock?: ReplayClock;
}

/** Defaults of ReplayOptions. */
export const DEFAULT_REPLAY_SPEED = 1;

function checkSpeed(speed: number): void {
  if (typeof speed !== 'number' || !(speed > 0)) {
    throw streamError('INVALID_ARGUMENT', `speed must be > 0 or Infinity (got ${String(speed)})`);
  }
}

/**
 * Yields records from a source (usually an ArchiveReader) paced by their `timeUs`: the gap
 * between two records is replayed as (Δ timeUs / 1000 / speed) wall ms. Speed can change and
 * the replay can pause while it runs; pacing restarts from the current record then, so time
 * already spent is never made up in a burst.
 */
export class ArchiveReplayer<R extends ArchiveRecord = ArchiveRecord> implements AsyncIterable<R> {
  private readonly source: AsyncIterable<R>;
  private readonly clock: ReplayClock;
  private currentSpeed: number;
  private isPaused = false;
  private anchorWallMs = 0;
  private anchorTimeUs: number | undefined;
  private lastTimeUs: number | undefined;
  private interrupt = new AbortController();
  private resumeWaiters: (() => void)[] = [];

  constructor(source: AsyncIterable<R>, options: ReplayOptions = {}) {
    this.source = source;
    this.clock = options.clock ?? SYSTEM_REPLAY_CLOCK;
    this.currentSpeed = options.speed ?? DEFAULT_REPLAY_SPEED;
    checkSpeed(this.currentSpeed);
  }

  /** Current speed (simulated time per wall time). */
  get speed(): number {
    return this.currentSpeed;
  }

  get paused(): boolean {
    return this.isPaused;
  }

  /** `timeUs` of the last record yielded, if any. */
  get timeUs(): number | undefined {
    return this.lastTimeUs;
  }

  /** Changes the pace from the next record on. */
  setSpeed(speed: number): void {
    checkSpeed(speed);
    this.currentSpeed = speed;
    this.reanchor();
  }

  /** Holds the next record until resume(). */
  pause(): void {
    this.isPaused = true;
    this.reanchor();
  }

  resume(): void {
    if (!this.isPaused) return;
    this.isPaused = false;
    const waiters = this.resumeWaiters;
    this.resumeWaiters = [];
    for (const waiter of waiters) waiter();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<R> {
    for await (const record of this.source) {
      await this.waitFor(record.timeUs);
      this.lastTimeUs = record.timeUs;
      yield record;
    }
  }

  private async waitFor(timeUs: number): Promise<void> {
    for (;;) {
      if (this.isPaused) {
        await new Promise<void>((resolve) => this.resumeWaiters.push(resolve));
        continue;
      }
      if (this.anchorTimeUs === undefined) {
        this.anchorTimeUs = this.lastTimeUs ?? timeUs;
        this.anchorWallMs = this.clock.nowMs();
      }
      if (this.currentSpeed === Infinity) return;
      const dueMs = this.anchorWallMs + (timeUs - this.anchorTimeUs) / 1000 / this.currentSpeed;
      const waitMs = dueMs - this.clock.nowMs();
      if (waitMs <= 0) return;
      const signal = this.interrupt.signal;
      await this.clock.sleep(waitMs, signal);
      // Woken early by setSpeed/pause: loop to re-plan with the new settings.
      if (!signal.aborted) return;
    }
  }

  /** Pacing restarts from the last record yielded, at the next wait. */
  private reanchor(): void {
    this.anchorTimeUs = undefined;
    const interrupt = this.interrupt;
    this.interrupt = new AbortController();
    interrupt.abort();
  }
}
