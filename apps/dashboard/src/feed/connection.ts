// One WebSocket connection to the feed that keeps itself alive: reconnects with backoff after
// any close, notices a silent (half-open) socket through an application-level ping, and says
// what it is doing through `onStatus`. The socket and the clock are injected, so the whole
// life cycle is unit-tested without a browser.

import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';
import type { ConnectionView } from '../model/state.js';

// Handlers are checked bivariantly (as DOM typings do), so the browser's WebSocket, whose
// handlers take Event subclasses, fits this minimal shape without a cast.
type Handler<E> = { bivarianceHack(event: E): void }['bivarianceHack'];

/** The part of the browser WebSocket the connection uses. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: Handler<unknown> | null;
  onmessage: Handler<{ data: unknown }> | null;
  onclose: Handler<{ code: number; reason: string }> | null;
  onerror: Handler<unknown> | null;
}

/** WebSocket.OPEN. */
const OPEN = 1;

/** Timers and randomness, injectable for tests. */
export interface ConnectionClock {
  nowMs(): number;
  random(): number;
  setTimer(callback: () => void, delayMs: number): unknown;
  clearTimer(handle: unknown): void;
}

/** Options of a feed connection. */
export interface FeedConnectionOptions {
  url: string;
  createSocket: (url: string) => SocketLike;
  clock: ConnectionClock;
  /** Called on each open, before any message: send subscriptions here. */
  onOpen: (send: (message: object) => boolean) => void;
  /** Every text frame received. */
  onFrame: (text: string) => void;
  onStatus: (view: ConnectionView) => void;
  backoff?: BackoffOptions;
  /** Application-level ping period while open; 0 disables. */
  pingIntervalMs?: number;
  /** A live socket silent for this long is treated as dead and replaced. */
  silenceTimeoutMs?: number;
}

/** Ping every 5 s; give up on a socket silent for 15 s (the server sends status every second). */
export const DEFAULT_PING_INTERVAL_MS = 5_000;
export const DEFAULT_SILENCE_TIMEOUT_MS = 15_000;

/** A self-healing connection to the feed. */
export class FeedConnection {
  private readonly options: FeedConnectionOptions;
  private url: string;
  private socket: SocketLike | null = null;
  private retryTimer: unknown = null;
  private pingTimer: unknown = null;
  private attempt = 0;
  private everConnected = false;
  private stopped = true;
  private lastFrameMs = 0;
  private view: ConnectionView;

  constructor(options: FeedConnectionOptions) {
    this.options = options;
    this.url = options.url;
    this.view = { phase: 'idle', url: options.url, attempt: 0, retryInMs: null, lastError: null, sinceMs: options.clock.nowMs() };
  }

  /** The current connection view. */
  get status(): ConnectionView {
    return this.view;
  }

  /** Starts connecting (no-op when already started). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  /** Closes the socket and stops reconnecting. */
  stop(): void {
    this.stopped = true;
    this.clearTimers();
    this.dropSocket(1000, 'dashboard closed');
    this.update({ phase: 'stopped', retryInMs: null });
  }

  /** Switches to another feed URL at once, with a fresh backoff. */
  setUrl(url: string): void {
    this.url = url;
    this.attempt = 0;
    this.everConnected = false;
    this.clearTimers();
    this.dropSocket(1000, 'switching feed');
    this.stopped = false;
    this.connect();
  }

  /** Sends a JSON message if the socket is open; false otherwise. */
  send(message: object): boolean {
    const socket = this.socket;
    if (socket === null || socket.readyState !== OPEN) return false;
    socket.send(JSON.stringify(message));
    return true;
  }

  private connect(): void {
    this.retryTimer = null;
    const phase = this.everConnected || this.attempt > 0 ? 'reconnecting' : 'connecting';
    this.update({ phase, url: this.url, retryInMs: null });
    let socket: SocketLike;
    try {
      socket = this.options.createSocket(this.url);
    } catch (error) {
      // An invalid URL throws synchronously in browsers: report it and keep retrying, so a
      // corrected URL (setUrl) or a later fix is picked up without a reload.
      this.scheduleRetry(`cannot open ${this.url}: ${(error as Error).message}`);
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.everConnected = true;
      this.lastFrameMs = this.options.clock.nowMs();
      this.update({ phase: 'live', retryInMs: null, lastError: null });
      this.options.onOpen((message) => this.send(message));
      this.schedulePing();
    };
    socket.onmessage = (event) => {
      if (this.socket !== socket) return;
      this.lastFrameMs = this.options.clock.nowMs();
      // A connection that delivers data is healthy: the next failure starts the backoff anew.
      if (this.attempt !== 0) {
        this.attempt = 0;
        this.update({ attempt: 0 });
      }
      if (typeof event.data === 'string') this.options.onFrame(event.data);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.clearPing();
      if (this.stopped) return;
      const reason = event.reason !== '' ? `: ${event.reason}` : '';
      this.scheduleRetry(`connection closed (code ${event.code}${reason})`);
    };
    socket.onerror = () => {
      // The close event follows with the code; nothing to add here.
    };
  }

  private scheduleRetry(error: string): void {
    const delayMs = backoffDelayMs(this.attempt, this.options.clock.random(), this.options.backoff ?? DEFAULT_BACKOFF);
    this.attempt += 1;
    this.update({ phase: 'reconnecting', attempt: this.attempt, retryInMs: delayMs, lastError: error });
    this.retryTimer = this.options.clock.setTimer(() => this.connect(), delayMs);
  }

  private schedulePing(): void {
    const intervalMs = this.options.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS;
    if (intervalMs <= 0) return;
    this.pingTimer = this.options.clock.setTimer(() => {
      this.pingTimer = null;
      const silentMs = this.options.clock.nowMs() - this.lastFrameMs;
      if (silentMs >= (this.options.silenceTimeoutMs ?? DEFAULT_SILENCE_TIMEOUT_MS)) {
        const socket = this.socket;
        this.dropSocket(4000, 'no data');
        if (socket !== null && !this.stopped) this.scheduleRetry(`no data for ${Math.round(silentMs / 1000)} s`);
        return;
      }
      this.send({ op: 'ping' });
      this.schedulePing();
    }, intervalMs);
  }

  private dropSocket(code: number, reason: string): void {
    const socket = this.socket;
    this.socket = null;
    this.clearPing();
    if (socket === null) return;
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    socket.onerror = null;
    try {
      socket.close(code, reason);
    } catch {
      // Closing a socket that never opened can throw in some browsers; it is gone either way.
    }
  }

  private clearPing(): void {
    if (this.pingTimer !== null) {
      this.options.clock.clearTimer(this.pingTimer);
      this.pingTimer = null;
    }
  }

  private clearTimers(): void {
    this.clearPing();
    if (this.retryTimer !== null) {
      this.options.clock.clearTimer(this.retryTimer);
      this.retryTimer = null;
    }
  }

  private update(change: Partial<ConnectionView>): void {
    const phaseChanged = change.phase !== undefined && change.phase !== this.view.phase;
    this.view = { ...this.view, ...change, sinceMs: phaseChanged ? this.options.clock.nowMs() : this.view.sinceMs };
    this.options.onStatus(this.view);
  }
}
