// The dashboard's one reducer: pure, immer-based, one `produce` per action. The store
// dispatches one `messages` action per animation frame carrying everything that arrived since
// the last frame, so a burst of hundreds of messages costs one state update and one render.

import { produce, type Draft } from 'immer';
import type { CandleInterval, ControlAction, ServerMessage } from '@marksim/ws-server/protocol';
import { addNotice, applyMessage, selectSymbol } from './apply-message.js';
import { resetBook } from './book.js';
import type { ConnectionView, DashboardState } from './state.js';
import type { TimeWindow } from './windows.js';

/** Everything that can change the dashboard state. */
export type DashboardAction =
  /** Messages received since the last frame, in arrival order. */
  | { type: 'messages'; messages: readonly ServerMessage[]; receivedAtMs: number; ignored?: number }
  | { type: 'connection'; connection: ConnectionView }
  | { type: 'select_window'; window: TimeWindow }
  | { type: 'select_interval'; interval: CandleInterval }
  | { type: 'select_symbol'; symbol: string }
  | { type: 'control_sent'; reqId: string; action: ControlAction; speed: number | null; atMs: number }
  /** A control request that could not be sent (not connected, no token). */
  | { type: 'control_failed'; text: string; atMs: number }
  /** A snapshot request went out; shown in the notices so a resync is visible. */
  | { type: 'snapshot_requested'; symbol: string; reason: string; atMs: number }
  /** Something for the user to read (e.g. an ignored query parameter). */
  | { type: 'notice'; code: string; text: string; atMs: number };

/** Measuring window of the messages/s figure. */
const THROUGHPUT_WINDOW_MS = 1_000;

function applyConnection(state: Draft<DashboardState>, connection: ConnectionView): void {
  const wasLive = state.connection.phase === 'live';
  state.connection = connection;
  if (connection.phase === 'live' && !wasLive) {
    state.connections += 1;
    state.subscribed = false;
    // A new connection means a new subscription: the server sends a fresh snapshot, and deltas
    // from the old connection's sequence must not be applied on top of it.
    resetBook(state.book, state.symbol);
    state.candlesAwaitingResend = { '1s': true, '1m': true };
    state.control.pending = null;
  }
  if (connection.phase !== 'live' && wasLive) {
    state.book.sync = 'waiting';
    state.server = state.server === null ? null : { ...state.server, eventsPerS: 0 };
  }
}

/** The state after `action`; `state` itself is never changed. */
export function reduce(state: DashboardState, action: DashboardAction): DashboardState {
  return produce(state, (draft) => {
    switch (action.type) {
      case 'messages': {
        draft.batchId += 1;
        for (const message of action.messages) applyMessage(draft, message, action.receivedAtMs);
        const throughput = draft.throughput;
        throughput.totalMessages += action.messages.length;
        throughput.windowCount += action.messages.length;
        throughput.ignored += action.ignored ?? 0;
        const elapsedMs = action.receivedAtMs - throughput.windowStartMs;
        if (elapsedMs >= THROUGHPUT_WINDOW_MS) {
          throughput.messagesPerS = Math.round((throughput.windowCount * 1000) / elapsedMs);
          throughput.windowCount = 0;
          throughput.windowStartMs = action.receivedAtMs;
        }
        return;
      }
      case 'connection':
        applyConnection(draft, action.connection);
        return;
      case 'select_window':
        draft.window = action.window;
        return;
      case 'select_interval':
        draft.interval = action.interval;
        return;
      case 'select_symbol':
        selectSymbol(draft, action.symbol);
        return;
      case 'control_sent':
        draft.control.pending = { reqId: action.reqId, action: action.action, speed: action.speed };
        return;
      case 'control_failed':
        draft.control.pending = null;
        draft.control.result = { ok: false, text: action.text, atMs: action.atMs };
        draft.control.refused += 1;
        return;
      case 'snapshot_requested':
        addNotice(draft, { atMs: action.atMs, code: 'RESYNC', text: `Requested a fresh ${action.symbol} book: ${action.reason}` });
        return;
      case 'notice':
        addNotice(draft, { atMs: action.atMs, code: action.code, text: action.text });
        return;
    }
  });
}
