import type { WallClock, WallTimer } from './wall-clock.js';

// The only file in core that touches wall time. It relies on globals present in both Node and
// browsers (performance, setTimeout, MessageChannel); setImmediate is used when it exists.

interface TimerGlobals {
  setImmediate?: (callback: () => void) => unknown;
  MessageChannel?: new () => {
    port1: { onmessage: (() => void) | null };
    port2: { postMessage(message: unknown): void };
  };
}

const timerGlobals = globalThis as unknown as TimerGlobals;

/** setImmediate in Node; a MessageChannel round-trip in browsers (setTimeout(0) is clamped to 4 ms there). */
function createMacrotaskYield(): () => Promise<void> {
  const setImmediateFn = timerGlobals.setImmediate;
  if (typeof setImmediateFn === 'function') {
    return () => new Promise<void>((resolve) => void setImmediateFn(resolve));
  }
  const Channel = timerGlobals.MessageChannel;
  if (typeof Channel === 'function') {
    const channel = new Channel();
    const waiting: Array<() => void> = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    return () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(0);
      });
  }
  return () => new Promise<void>((resolve) => void setTimeout(resolve, 0));
}

/** Creates a WallClock on performance.now and the host's timers. */
export function createSystemClock(): WallClock {
  const yieldToHost = createMacrotaskYield();
  return {
    nowMs: () => performance.now(),
    // Timers take whole milliseconds; rounding up keeps the "never early" promise, and the
    // engine re-checks the due time on wake-up anyway.
    setTimer: (callback: () => void, delayMs: number): WallTimer => setTimeout(callback, Math.max(0, Math.ceil(delayMs))),
    clearTimer: (timer: WallTimer): void => clearTimeout(timer as ReturnType<typeof setTimeout>),
    yield: yieldToHost,
  };
}

/** The default wall clock: performance.now, setTimeout and setImmediate. */
export const systemClock: WallClock = createSystemClock();
