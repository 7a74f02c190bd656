// The dashboard store: owns the feed connection, batches incoming messages per animation frame
// into one reducer step, performs the side effects the state asks for (snapshot re-requests,
// control requests), and publishes state to the UI at most every `publishIntervalMs` so that
// rendering stays smooth at the server's full message rate. Framework-free: React binds to it
// with useSyncExternalStore (hooks/use-dashboard.ts).

import type { CandleInterval, ControlAction, ServerMessage, SubscribeRequest } from '@marksim/ws-server/protocol';
import { reduce, type DashboardAction } from '../model/reducer.js';
import { initialState, type DashboardState } from '../model/state.js';
import type { TimeWindow } from '../model/windows.js';
import { FeedConnection, type ConnectionClock, type SocketLike } from './connection.js';
import { FrameBatcher, type FrameScheduler } from './frame-batcher.js';
import { parseServerFrame } from './parse.js';
import type { BackoffOptions } from './backoff.js';

/** Book levels per side the dashboard subscribes to (the ladder shows 20). */
export const BOOK_DEPTH = 20;
/** Longest wait for a control answer before it counts as failed. */
export const CONTROL_TIMEOUT_MS = 5_000;
/** A resync whose snapshot has not come after this long is requested again. */
export const RESYNC_RETRY_MS = 3_000;
/** Default UI publish period: 10 renders a second at most. */
export const DEFAULT_PUBLISH_INTERVAL_MS = 100;
/** Period of the housekeeping tick (throughput figure, resync and control timeouts). */
const TICK_MS = 1_000;

/** Options of a store. */
export interface DashboardStoreOptions {
  url: string;
  symbol?: string | null;
  window?: TimeWindow;
  interval?: CandleInterval;
  createSocket: (url: string) => SocketLike;
  clock: ConnectionClock;
  scheduler: FrameScheduler;
  publishIntervalMs?: number;
  backoff?: BackoffOptions;
  pingIntervalMs?: number;
}

/** The subscription the dashboard sends on every (re)connect. */
export function dashboardSubscription(): SubscribeRequest {
  return { op: 'subscribe', channels: ['ticker', 'trades', 'book', 'candles', 'status'], depth: BOOK_DEPTH, intervals: ['1s', '1m'], req_id: 'dashboard' };
}

interface Inbound {
  message: ServerMessage | null;
}

/** State, feed connection and effects of one dashboard. */
export class DashboardStore {
  private state: DashboardState;
  private published: DashboardState;
  private readonly listeners = new Set<() => void>();
  private readonly connection: FeedConnection;
  private readonly batcher: FrameBatcher<Inbound>;
  private readonly options: DashboardStoreOptions;
  private publishTimer: unknown = null;
  private tickTimer: unknown = null;
  private lastPublishMs = -Infinity;
  private controlSeq = 0;
  private snapshotSeq = 0;
  private controlSentMs = 0;
  private resyncRequestedMs = 0;

  constructor(options: DashboardStoreOptions) {
    this.options = options;
    this.state = initialState({ url: options.url, symbol: options.symbol, window: options.window, interval: options.interval, nowMs: options.clock.nowMs() });
    this.published = this.state;
    this.batcher = new FrameBatcher<Inbound>({ scheduler: options.scheduler, flush: (items) => this.flushInbound(items) });
    this.connection = new FeedConnection({
      url: options.url,
      createSocket: options.createSocket,
      clock: options.clock,
      backoff: options.backoff,
      pingIntervalMs: options.pingIntervalMs,
      onOpen: (send) => {
        send(dashboardSubscription());
      },
      onFrame: (text) => this.batcher.push({ message: parseServerFrame(text) }),
      onStatus: (connection) => {
        // Messages of the old connection go in first, so a reset cannot be undone by them.
        this.batcher.flushNow();
        this.dispatch({ type: 'connection', connection });
      },
    });
  }

  /** The state the UI should show (updated at most every publish interval). */
  getState = (): DashboardState => this.published;

  /** The newest state, including changes not yet published to the UI. */
  getLatestState(): DashboardState {
    return this.state;
  }

  /** Registers a listener called after each publish; returns its removal. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Connects and starts the housekeeping tick. */
  start(): void {
    this.connection.start();
    this.scheduleTick();
  }

  /** Disconnects and cancels every timer. */
  stop(): void {
    this.connection.stop();
    this.batcher.dispose();
    if (this.tickTimer !== null) this.options.clock.clearTimer(this.tickTimer);
    this.tickTimer = null;
    this.publishNow();
  }

  /** Connects to another feed URL now. */
  setUrl(url: string): void {
    this.connection.setUrl(url);
  }

  /** Chooses the charts' time window. */
  selectWindow(window: TimeWindow): void {
    this.dispatch({ type: 'select_window', window });
    this.publishNow();
  }

  /** Chooses the candle interval. */
  selectInterval(interval: CandleInterval): void {
    this.dispatch({ type: 'select_interval', interval });
    this.publishNow();
  }

  /** Shows another symbol; its book is rebuilt from a snapshot requested here. */
  selectSymbol(symbol: string): void {
    if (symbol === this.state.symbol) return;
    this.dispatch({ type: 'select_symbol', symbol });
    this.sendSnapshotRequest(symbol, 'symbol selected');
    this.publishNow();
  }

  /** Sends a control request (pause, resume, set_speed, reset) with the user's token. */
  control(action: ControlAction, token: string, speed?: number): void {
    const nowMs = this.options.clock.nowMs();
    if (token.trim() === '') {
      this.dispatch({ type: 'control_failed', text: 'Enter the control token first', atMs: nowMs });
    } else {
      this.controlSeq += 1;
      const reqId = `control-${this.controlSeq}`;
      const request = action === 'set_speed' ? { op: 'control', action, token, speed, req_id: reqId } : { op: 'control', action, token, req_id: reqId };
      if (this.connection.send(request)) {
        this.controlSentMs = nowMs;
        this.dispatch({ type: 'control_sent', reqId, action, speed: speed ?? null, atMs: nowMs });
      } else {
        this.dispatch({ type: 'control_failed', text: 'Not connected: the request was not sent', atMs: nowMs });
      }
    }
    this.publishNow();
  }

  /** Applies an action and runs the effects the new state calls for. */
  dispatch(action: DashboardAction): void {
    const previous = this.state;
    this.state = reduce(previous, action);
    if (this.state === previous) return;
    const book = this.state.book;
    if (book.resyncRequests > previous.book.resyncRequests && book.symbol !== null) {
      this.sendSnapshotRequest(book.symbol, book.lastProblem ?? 'book out of sync');
    }
    this.schedulePublish();
  }

  private sendSnapshotRequest(symbol: string, reason: string): void {
    this.snapshotSeq += 1;
    this.resyncRequestedMs = this.options.clock.nowMs();
    // When not connected the request is moot: the next connection's subscription brings a snapshot.
    if (this.connection.send({ op: 'snapshot', symbol, req_id: `snapshot-${this.snapshotSeq}` })) {
      this.dispatch({ type: 'snapshot_requested', symbol, reason, atMs: this.resyncRequestedMs });
    }
  }

  private flushInbound(items: Inbound[]): void {
    const messages: ServerMessage[] = [];
    let ignored = 0;
    for (const item of items) {
      if (item.message === null) ignored += 1;
      else messages.push(item.message);
    }
    this.dispatch({ type: 'messages', messages, receivedAtMs: this.options.clock.nowMs(), ignored });
  }

  private scheduleTick(): void {
    this.tickTimer = this.options.clock.setTimer(() => {
      this.tickTimer = null;
      const nowMs = this.options.clock.nowMs();
      // An empty batch refreshes the messages/s figure when the feed goes quiet.
      this.batcher.flushNow();
      this.dispatch({ type: 'messages', messages: [], receivedAtMs: nowMs });
      const state = this.state;
      if (state.control.pending !== null && nowMs - this.controlSentMs >= CONTROL_TIMEOUT_MS) {
        this.dispatch({ type: 'control_failed', text: `No answer to ${state.control.pending.action} within ${CONTROL_TIMEOUT_MS / 1000} s`, atMs: nowMs });
      }
      if (state.book.sync === 'resyncing' && state.book.symbol !== null && nowMs - this.resyncRequestedMs >= RESYNC_RETRY_MS) {
        this.sendSnapshotRequest(state.book.symbol, 'snapshot not received yet');
      }
      this.scheduleTick();
    }, TICK_MS);
  }

  private schedulePublish(): void {
    if (this.publishTimer !== null) return;
    const intervalMs = this.options.publishIntervalMs ?? DEFAULT_PUBLISH_INTERVAL_MS;
    const waitMs = Math.max(0, this.lastPublishMs + intervalMs - this.options.clock.nowMs());
    this.publishTimer = this.options.clock.setTimer(() => {
      this.publishTimer = null;
      this.publishNow();
    }, waitMs);
  }

  private publishNow(): void {
    if (this.publishTimer !== null) {
      this.options.clock.clearTimer(this.publishTimer);
      this.publishTimer = null;
    }
    this.lastPublishMs = this.options.clock.nowMs();
    if (this.published === this.state) return;
    this.published = this.state;
    for (const listener of this.listeners) listener();
  }
}
