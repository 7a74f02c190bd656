// How each server message changes the dashboard state. Called for every message of a batch
// inside the reducer's single `produce`, so each function mutates the draft it is given.

import type { Draft } from 'immer';
import type {
  BookDeltaMessage,
  BookSnapshotMessage,
  CandleMessage,
  ControlAckMessage,
  ErrorMessage,
  ServerMessage,
  StatusMessage,
  TickerWire,
  TradeMessage,
  WireLevel,
} from '@marksim/ws-server/protocol';
import { applyDelta, applySnapshot, resetBook } from './book.js';
import { decimalsOf } from './format.js';
import type { Ring } from './ring.js';
import { emptyPriceHistory, recordPrice, type PriceHistory } from './series.js';
import { emptyCandles, NOTICE_CAPACITY, SYMBOL_CAPACITY, type CandleView, type DashboardState, type Notice } from './state.js';

type State = Draft<DashboardState>;

/** Most decimals the dashboard learns for prices and sizes. */
const MAX_DECIMALS = 8;

function learnPrice(state: State, value: number): void {
  const decimals = Math.min(MAX_DECIMALS, decimalsOf(value));
  if (decimals > state.format.priceDecimals) state.format.priceDecimals = decimals;
}

function learnSize(state: State, value: number): void {
  const decimals = Math.min(MAX_DECIMALS, decimalsOf(value));
  if (decimals > state.format.sizeDecimals) state.format.sizeDecimals = decimals;
}

function learnLevels(state: State, levels: readonly WireLevel[]): void {
  for (const [price, size] of levels) {
    learnPrice(state, price);
    learnSize(state, size);
  }
}

/** A positive finite price, or null (a one-sided book may send 0 for the missing side). */
function quote(value: number): number | null {
  return Number.isFinite(value) && value > 0 ? value : null;
}

/** Appends a notice, keeping only the newest few. */
export function addNotice(state: State, notice: Notice): void {
  state.notices.push(notice);
  if (state.notices.length > NOTICE_CAPACITY) state.notices.splice(0, state.notices.length - NOTICE_CAPACITY);
}

/** Switches the per-symbol views to `symbol`, forgetting the previous symbol's history. */
export function selectSymbol(state: State, symbol: string): void {
  if (state.symbol === symbol) return;
  state.symbol = symbol;
  state.ticker = null;
  state.prices = emptyPriceHistory();
  state.candles = emptyCandles();
  state.trades = state.trades.clear();
  state.tradesReceived = 0;
  resetBook(state.book, symbol);
}

/** Remembers a symbol for the picker; adopts it when none is selected yet. Returns whether it is selected. */
function noteSymbol(state: State, symbol: string): boolean {
  if (!state.symbols.includes(symbol) && state.symbols.length < SYMBOL_CAPACITY) state.symbols.push(symbol);
  if (state.symbol === null) selectSymbol(state, symbol);
  return state.symbol === symbol;
}

function applyTicker(state: State, message: TickerWire): void {
  if (!noteSymbol(state, message.symbol)) return;
  const bid = quote(message.bid_price);
  const ask = quote(message.ask_price);
  learnPrice(state, message.last_price);
  state.ticker = {
    timeUs: message.timestamp,
    last: message.last_price,
    bid,
    ask,
    bidSize: message.bid_size,
    askSize: message.ask_size,
    volume24h: message.volume_24h,
    tradeCount: message.trade_count,
  };
  if (quote(message.last_price) !== null) {
    // Rings are opaque to immer (never drafted), so the draft's history holds the real rings.
    state.prices = recordPrice(state.prices as PriceHistory, message.timestamp, message.last_price, bid, ask);
  }
}

function applyTrade(state: State, message: TradeMessage): void {
  if (!noteSymbol(state, message.symbol)) return;
  learnPrice(state, message.price);
  learnSize(state, message.size);
  // Trade times only rise within one timeline; an earlier one means a restarted server.
  const newest = state.trades.last();
  if (newest !== undefined && message.timestamp < newest.timeUs) state.trades = state.trades.clear();
  state.trades = state.trades.push({
    id: message.trade_id,
    seq: message.seq,
    timeUs: message.timestamp,
    price: message.price,
    size: message.size,
    side: message.side,
  });
  state.tradesReceived += 1;
}

/** Index of the candle opening at `openTimeUs`, or -1. */
function findCandle(ring: Ring<CandleView>, openTimeUs: number): number {
  const index = ring.lowerBound((candle) => candle.openTimeUs, openTimeUs);
  return index < ring.size && (ring.at(index) as CandleView).openTimeUs === openTimeUs ? index : -1;
}

/**
 * The first candle after a (re)connect. The server re-sends its recent bars on subscribe: when
 * we hold a bar at that time with the same open, this is our timeline, so the held bars from
 * there on are dropped (they come again). A bar after all we hold continues the timeline after a
 * gap. Anything else is another timeline (a restarted server): the history starts afresh.
 */
function resumeCandles(ring: Ring<CandleView>, candle: CandleView): Ring<CandleView> {
  const newest = ring.last();
  if (newest === undefined || candle.openTimeUs > newest.openTimeUs) return ring.push(candle);
  const index = findCandle(ring, candle.openTimeUs);
  if (index >= 0 && (ring.at(index) as CandleView).open === candle.open) return ring.truncate(index).push(candle);
  return ring.clear().push(candle);
}

function applyCandle(state: State, message: CandleMessage): void {
  if (!noteSymbol(state, message.symbol)) return;
  const candle: CandleView = {
    openTimeUs: message.open_time,
    open: message.open,
    high: message.high,
    low: message.low,
    close: message.close,
    volume: message.volume,
    tradeCount: message.trade_count ?? 0,
    closed: message.closed === true,
  };
  const ring = state.candles[message.interval] as Ring<CandleView>;
  const newest = ring.last();
  let next: Ring<CandleView>;
  if (state.candlesAwaitingResend[message.interval]) {
    state.candlesAwaitingResend[message.interval] = false;
    next = resumeCandles(ring, candle);
  } else if (newest === undefined || candle.openTimeUs > newest.openTimeUs) next = ring.push(candle);
  else if (candle.openTimeUs === newest.openTimeUs) next = ring.replaceLast(candle);
  else {
    // An update of an older bar, or a timeline we cannot place: start afresh rather than draw back in time.
    const index = findCandle(ring, candle.openTimeUs);
    next = index >= 0 ? ring.replaceAt(index, candle) : ring.clear().push(candle);
  }
  state.candles[message.interval] = next;
}

function applyBookSnapshot(state: State, message: BookSnapshotMessage): void {
  if (!noteSymbol(state, message.symbol)) return;
  // The snapshot states the market's decimals; learning only fills in before the first one.
  state.format.priceDecimals = Math.min(MAX_DECIMALS, message.price_decimals);
  state.format.sizeDecimals = Math.min(MAX_DECIMALS, message.size_decimals);
  learnLevels(state, message.bids);
  learnLevels(state, message.asks);
  applySnapshot(state.book, message);
}

function applyBookDelta(state: State, message: BookDeltaMessage): void {
  if (state.symbol !== message.symbol) return;
  learnLevels(state, message.bids);
  learnLevels(state, message.asks);
  applyDelta(state.book, message, state.batchId);
}

function applyStatus(state: State, message: StatusMessage, receivedAtMs: number): void {
  state.server = {
    simTimeUs: message.sim_time,
    speed: message.speed,
    paused: message.paused,
    clients: message.clients,
    eventsPerS: message.events_per_s,
    receivedAtMs,
  };
}

function describeAck(message: ControlAckMessage): string {
  switch (message.action) {
    case 'pause':
      return 'Simulation paused';
    case 'resume':
      return 'Simulation resumed';
    case 'set_speed':
      return `Speed set to ${message.speed}×`;
    case 'reset':
      return 'Simulation reset';
  }
}

function applyControlAck(state: State, message: ControlAckMessage, receivedAtMs: number): void {
  if (state.control.pending !== null && (message.req_id === undefined || message.req_id === state.control.pending.reqId)) {
    state.control.pending = null;
  }
  state.control.result = { ok: true, text: describeAck(message), atMs: receivedAtMs };
  state.control.accepted += 1;
  if (state.server !== null) {
    state.server.paused = message.paused;
    state.server.speed = message.speed;
  }
}

function applyError(state: State, message: ErrorMessage, receivedAtMs: number): void {
  const pending = state.control.pending;
  if (pending !== null && message.req_id !== undefined && message.req_id === pending.reqId) {
    state.control.pending = null;
    state.control.result = { ok: false, text: `${message.code}: ${message.message}`, atMs: receivedAtMs };
    state.control.refused += 1;
    return;
  }
  addNotice(state, { atMs: receivedAtMs, code: message.code, text: message.message });
}

/** Applies one server message to the draft. */
export function applyMessage(state: State, message: ServerMessage, receivedAtMs: number): void {
  if (!('type' in message)) {
    applyTicker(state, message);
    return;
  }
  switch (message.type) {
    case 'ticker':
      applyTicker(state, message);
      return;
    case 'trade':
      applyTrade(state, message);
      return;
    case 'book_snapshot':
      applyBookSnapshot(state, message);
      return;
    case 'book_delta':
      applyBookDelta(state, message);
      return;
    case 'candle':
      applyCandle(state, message);
      return;
    case 'status':
      applyStatus(state, message, receivedAtMs);
      return;
    case 'control_ack':
      applyControlAck(state, message, receivedAtMs);
      return;
    case 'error':
      applyError(state, message, receivedAtMs);
      return;
    case 'subscribed':
      state.subscribed = true;
      return;
    case 'unsubscribed':
    case 'pong':
      return;
  }
}
