// The dashboard store's state: one plain, immutable tree updated only through the reducer.
// History lives in bounded rings so that the tab's memory stays flat however long it is open.

import type { CandleInterval, ControlAction } from '@marksim/ws-server/protocol';
import { emptyBook, type BookState } from './book.js';
import { Ring } from './ring.js';
import { emptyPriceHistory, type PriceHistory } from './series.js';
import type { TimeWindow } from './windows.js';

/** Where the connection to the feed stands. */
export type ConnectionPhase = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'stopped';

/** The connection as the status bar shows it. */
export interface ConnectionView {
  readonly phase: ConnectionPhase;
  readonly url: string;
  /** Failed attempts since the last good connection. */
  readonly attempt: number;
  /** When reconnecting: the delay before the next attempt. */
  readonly retryInMs: number | null;
  readonly lastError: string | null;
  /** Wall-clock ms of the last phase change. */
  readonly sinceMs: number;
}

/** The latest ticker of the selected symbol. */
export interface TickerView {
  readonly timeUs: number;
  readonly last: number;
  readonly bid: number | null;
  readonly ask: number | null;
  readonly bidSize: number;
  readonly askSize: number;
  readonly volume24h: number;
  readonly tradeCount: number;
}

/** One trade on the tape. */
export interface TradeView {
  readonly id: number;
  readonly seq: number;
  readonly timeUs: number;
  readonly price: number;
  readonly size: number;
  /** The aggressor's side. */
  readonly side: 'buy' | 'sell';
}

/** One OHLCV bar. */
export interface CandleView {
  readonly openTimeUs: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
  readonly tradeCount: number;
  readonly closed: boolean;
}

/** Simulation and server state from the `status` channel. */
export interface ServerStatusView {
  readonly simTimeUs: number;
  readonly speed: number;
  readonly paused: boolean;
  readonly clients: number;
  readonly eventsPerS: number;
  readonly receivedAtMs: number;
}

/** The outcome of the last control request, shown next to the controls. */
export interface ControlResult {
  readonly ok: boolean;
  readonly text: string;
  readonly atMs: number;
}

/** Control requests in flight and their answers. */
export interface ControlState {
  readonly pending: { readonly reqId: string; readonly action: ControlAction; readonly speed: number | null } | null;
  readonly result: ControlResult | null;
  readonly accepted: number;
  readonly refused: number;
}

/** A server error or other event worth showing to the user. */
export interface Notice {
  readonly atMs: number;
  readonly code: string;
  readonly text: string;
}

/** Messages received per wall-clock second, measured over whole seconds. */
export interface ThroughputView {
  readonly windowStartMs: number;
  readonly windowCount: number;
  readonly messagesPerS: number;
  readonly totalMessages: number;
  /** Frames that were not valid JSON or not a message the dashboard reads. */
  readonly ignored: number;
}

/** Decimals learned from the prices and sizes seen (they only ever grow, so columns stay put). */
export interface NumberFormatView {
  readonly priceDecimals: number;
  readonly sizeDecimals: number;
}

/** The whole dashboard state. */
export interface DashboardState {
  readonly connection: ConnectionView;
  /** Good connections so far; more than one means we reconnected. */
  readonly connections: number;
  readonly subscribed: boolean;
  /** Symbols seen on the feed, in order of first appearance. */
  readonly symbols: readonly string[];
  readonly symbol: string | null;
  readonly ticker: TickerView | null;
  readonly prices: PriceHistory;
  readonly candles: Readonly<Record<CandleInterval, Ring<CandleView>>>;
  /**
   * Per interval: true from a (re)connect until its first candle, which tells whether the new
   * connection continues our history (the server re-sends recent bars) or starts another
   * timeline (a restarted server).
   */
  readonly candlesAwaitingResend: Readonly<Record<CandleInterval, boolean>>;
  readonly trades: Ring<TradeView>;
  /** Trades received for the selected symbol since it was selected. */
  readonly tradesReceived: number;
  readonly book: BookState;
  readonly server: ServerStatusView | null;
  readonly control: ControlState;
  readonly notices: readonly Notice[];
  readonly throughput: ThroughputView;
  readonly format: NumberFormatView;
  readonly window: TimeWindow;
  readonly interval: CandleInterval;
  /** Incremented per applied batch; stamps level changes for the ladder's flash. */
  readonly batchId: number;
}

/** Capacities of the bounded histories. */
export const TRADE_CAPACITY = 1_000;
/** 1 s candles for an hour, 1 m candles for a day. */
export const CANDLE_CAPACITY: Readonly<Record<CandleInterval, number>> = { '1s': 3_600, '1m': 1_440 };
/** Notices kept for display. */
export const NOTICE_CAPACITY = 5;
/** Symbols remembered for the picker. */
export const SYMBOL_CAPACITY = 64;

/** Options of a fresh state. */
export interface InitialStateOptions {
  url: string;
  symbol?: string | null;
  window?: TimeWindow;
  interval?: CandleInterval;
  nowMs?: number;
}

/** Candle rings, empty. */
export function emptyCandles(): Record<CandleInterval, Ring<CandleView>> {
  return { '1s': Ring.empty<CandleView>(CANDLE_CAPACITY['1s']), '1m': Ring.empty<CandleView>(CANDLE_CAPACITY['1m']) };
}

/** The state before anything is connected. */
export function initialState(options: InitialStateOptions): DashboardState {
  const nowMs = options.nowMs ?? 0;
  return {
    connection: { phase: 'idle', url: options.url, attempt: 0, retryInMs: null, lastError: null, sinceMs: nowMs },
    connections: 0,
    subscribed: false,
    symbols: [],
    symbol: options.symbol ?? null,
    ticker: null,
    prices: emptyPriceHistory(),
    candles: emptyCandles(),
    candlesAwaitingResend: { '1s': false, '1m': false },
    trades: Ring.empty<TradeView>(TRADE_CAPACITY),
    tradesReceived: 0,
    book: emptyBook(options.symbol ?? null),
    server: null,
    control: { pending: null, result: null, accepted: 0, refused: 0 },
    notices: [],
    throughput: { windowStartMs: nowMs, windowCount: 0, messagesPerS: 0, totalMessages: 0, ignored: 0 },
    format: { priceDecimals: 2, sizeDecimals: 2 },
    window: options.window ?? '5m',
    interval: options.interval ?? '1s',
    batchId: 0,
  };
}
