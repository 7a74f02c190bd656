// A manual clock and an in-memory socket for driving the connection and store step by step.
import type { ConnectionClock, SocketLike } from '../../src/feed/connection.js';
import type { FrameScheduler } from '../../src/feed/frame-batcher.js';

interface Timer {
  id: number;
  atMs: number;
  callback: () => void;
}

/** Timers and animation frames that run only when the test advances time or runs frames. */
export class ManualClock implements ConnectionClock, FrameScheduler {
  now = 0;
  randomValue = 0.5;
  private timers: Timer[] = [];
  private frames = new Map<number, () => void>();
  private nextId = 1;

  nowMs(): number {
    return this.now;
  }

  random(): number {
    return this.randomValue;
  }

  setTimer(callback: () => void, delayMs: number): unknown {
    const timer = { id: this.nextId++, atMs: this.now + delayMs, callback };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimer(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }

  requestFrame(callback: () => void): number {
    const id = this.nextId++;
    this.frames.set(id, callback);
    return id;
  }

  cancelFrame(handle: number): void {
    this.frames.delete(handle);
  }

  /** Runs the pending animation frames (as a browser paints). */
  runFrames(): void {
    const frames = [...this.frames.values()];
    this.frames.clear();
    for (const frame of frames) frame();
  }

  /** Delays of the timers pending now, soonest first. */
  pendingDelays(): number[] {
    return this.timers.map((timer) => timer.atMs - this.now).sort((a, b) => a - b);
  }

  /** Moves time forward, firing due timers in order. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = this.timers.filter((timer) => timer.atMs <= until).sort((a, b) => a.atMs - b.atMs || a.id - b.id)[0];
      if (due === undefined) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.now = due.atMs;
      due.callback();
    }
    this.now = until;
  }
}

/** A socket the test opens, feeds and closes. */
export class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  closedWith: { code?: number; reason?: string } | null = null;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  constructor(readonly url: string) {}

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }

  close(code?: number, reason?: string): void {
    this.closedWith = { code, reason };
    this.readyState = 3;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  receive(message: unknown): void {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
  }

  drop(code = 1006, reason = ''): void {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
}

/** A socket factory that records every socket it made. */
export function socketFactory(): { sockets: FakeSocket[]; create: (url: string) => FakeSocket } {
  const sockets: FakeSocket[] = [];
  return {
    sockets,
    create: (url: string) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
  };
}
