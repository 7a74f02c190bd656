// A client's bounded outbound queue, used only while its socket is backed up. Tickers are
// conflated: a newer ticker for a symbol takes the slot of the unsent older one, so a slow
// client gets the latest state instead of a backlog. Lossless messages (trades, book, candles,
// replies) are never dropped: when they do not fit, the caller disconnects the client.

/** What happened to a pushed message. */
export type PushOutcome = 'queued' | 'conflated' | 'full';

/** Ring buffer of encoded frames with per-key conflation. */
export class SendQueue {
  private readonly frames: (Buffer | null)[];
  private readonly keys: (string | null)[];
  private readonly slotOfKey = new Map<string, number>();
  private head = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.frames = new Array<Buffer | null>(capacity).fill(null);
    this.keys = new Array<string | null>(capacity).fill(null);
  }

  /** Messages waiting. */
  get size(): number {
    return this.count;
  }

  /** Adds a frame; with a `conflateKey` it replaces a waiting frame of the same key. */
  push(frame: Buffer, conflateKey: string | null): PushOutcome {
    if (conflateKey !== null) {
      const slot = this.slotOfKey.get(conflateKey);
      if (slot !== undefined) {
        this.frames[slot] = frame;
        return 'conflated';
      }
    }
    if (this.count === this.capacity) return 'full';
    const slot = (this.head + this.count) % this.capacity;
    this.frames[slot] = frame;
    this.keys[slot] = conflateKey;
    if (conflateKey !== null) this.slotOfKey.set(conflateKey, slot);
    this.count++;
    return 'queued';
  }

  /** Removes and returns the oldest frame, or null when empty. */
  shift(): Buffer | null {
    if (this.count === 0) return null;
    const slot = this.head;
    const frame = this.frames[slot];
    const key = this.keys[slot];
    if (key !== null) this.slotOfKey.delete(key);
    this.frames[slot] = null;
    this.keys[slot] = null;
    this.head = (slot + 1) % this.capacity;
    this.count--;
    return frame;
  }

  /** Drops everything (the client is going away). */
  clear(): void {
    this.frames.fill(null);
    this.keys.fill(null);
    this.slotOfKey.clear();
    this.head = 0;
    this.count = 0;
  }
}
