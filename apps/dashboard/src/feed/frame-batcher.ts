// Collects items and hands them over in one batch per animation frame. A background tab gets
// no animation frames, so a timer flushes as well: the queue cannot grow while the tab is
// hidden, and the store keeps up without rendering.

/** The scheduling primitives a batcher uses; injectable for tests. */
export interface FrameScheduler {
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
  setTimer(callback: () => void, delayMs: number): unknown;
  clearTimer(handle: unknown): void;
}

/** Options of a batcher. */
export interface FrameBatcherOptions<T> {
  /** Receives each non-empty batch in arrival order. */
  flush: (items: T[]) => void;
  scheduler: FrameScheduler;
  /** Longest wait when no frame comes (hidden tab). */
  maxDelayMs?: number;
  /** Flush at once when this many items are queued. */
  maxItems?: number;
}

/** Default longest wait for a frame, in ms. */
export const DEFAULT_MAX_BATCH_DELAY_MS = 250;
/** Default queue length that forces a flush. */
export const DEFAULT_MAX_BATCH_ITEMS = 20_000;

/** Batches items per animation frame. */
export class FrameBatcher<T> {
  private queue: T[] = [];
  private frame: number | null = null;
  private timer: unknown = null;
  private readonly options: Required<FrameBatcherOptions<T>>;

  constructor(options: FrameBatcherOptions<T>) {
    this.options = { maxDelayMs: DEFAULT_MAX_BATCH_DELAY_MS, maxItems: DEFAULT_MAX_BATCH_ITEMS, ...options };
  }

  /** Queues an item for the next batch. */
  push(item: T): void {
    this.queue.push(item);
    if (this.queue.length >= this.options.maxItems) {
      this.flushNow();
      return;
    }
    if (this.frame === null) {
      this.frame = this.options.scheduler.requestFrame(() => {
        this.frame = null;
        this.flushNow();
      });
      this.timer = this.options.scheduler.setTimer(() => {
        this.timer = null;
        this.flushNow();
      }, this.options.maxDelayMs);
    }
  }

  /** Items waiting for the next batch. */
  get pending(): number {
    return this.queue.length;
  }

  /** Hands over everything queued now (no-op when empty). */
  flushNow(): void {
    this.cancel();
    if (this.queue.length === 0) return;
    const items = this.queue;
    this.queue = [];
    this.options.flush(items);
  }

  /** Drops queued items and cancels scheduled flushes. */
  dispose(): void {
    this.cancel();
    this.queue = [];
  }

  private cancel(): void {
    if (this.frame !== null) {
      this.options.scheduler.cancelFrame(this.frame);
      this.frame = null;
    }
    if (this.timer !== null) {
      this.options.scheduler.clearTimer(this.timer);
      this.timer = null;
    }
  }
}
