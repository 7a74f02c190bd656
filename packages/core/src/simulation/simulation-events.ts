// What a MarketSimulation tells its subscribers: market events (book events and tickers, in
// order) and, separately, its own lifecycle.
import type { BookEvent } from '../domain/events.js';
import type { Ticker } from '../domain/market-data.js';
import type { TimeEngineMode } from '../time/time-engine-events.js';

/** A ticker publication. `bookSeq` is the book sequence number it reflects (tickers have no seq of their own). */
export interface TickerEvent {
  readonly type: 'ticker';
  readonly symbol: string;
  readonly timeUs: number;
  readonly bookSeq: number;
  readonly ticker: Ticker;
}

/** The market stream: every book event (per-symbol seq, +1 each) and tickers in between. */
export type MarketEvent = BookEvent | TickerEvent;

/** Lifecycle of a simulation. `reset` means a new run: book sequence numbers start again from 1. */
export type SimulationControlEvent =
  | { readonly type: 'started'; readonly timeUs: number; readonly mode: TimeEngineMode; readonly speed: number }
  | { readonly type: 'paused'; readonly timeUs: number }
  | { readonly type: 'resumed'; readonly timeUs: number }
  | { readonly type: 'speed'; readonly timeUs: number; readonly speed: number }
  | { readonly type: 'mode'; readonly timeUs: number; readonly mode: TimeEngineMode }
  | { readonly type: 'reached'; readonly timeUs: number }
  | { readonly type: 'stopped'; readonly timeUs: number }
  | { readonly type: 'reset'; readonly timeUs: number; readonly seed: number | string }
  /** A subscriber threw, or the simulation itself failed (a bug): reported, the market went on. */
  | { readonly type: 'error'; readonly timeUs: number; readonly message: string; readonly error: unknown };

/** The simulation's lifecycle state. */
export type SimulationState = 'ready' | 'running' | 'paused' | 'stopped';

/** A compact status, e.g. for a status channel. */
export interface SimulationStatus {
  /** Simulated clock, µs since the Unix epoch. */
  readonly simTimeUs: number;
  readonly speed: number;
  readonly mode: TimeEngineMode;
  readonly state: SimulationState;
  readonly paused: boolean;
  /** Events (wake-ups + orders reaching the book) per wall second, over the last second or so of running. */
  readonly eventsPerS: number;
  /** Book sequence number of the last event. */
  readonly seq: number;
}

/** Run counters since the start (or the last reset). */
export interface SimulationStats {
  readonly simTimeUs: number;
  /** Simulated time since the start, µs. */
  readonly elapsedUs: number;
  /** Wake-ups + orders reaching the book: the unit of throughput. */
  readonly events: number;
  readonly wakeups: number;
  /** Decisions run (wake-ups minus those of busy agents). */
  readonly decisions: number;
  readonly missedWakeups: number;
  /** Intents agents returned. */
  readonly intents: number;
  /** Commands that reached the book. */
  readonly orders: number;
  readonly bookEvents: number;
  readonly trades: number;
  readonly tradedLots: number;
  /** `rejected` events from the book. */
  readonly rejects: number;
  /** Intents refused before the book (agent limits, unknown own order). */
  readonly limitRejects: number;
  readonly agentErrors: number;
  readonly agentTimeouts: number;
  readonly disabledAgents: number;
  readonly tickers: number;
  /** Commands after which the best bid was ≥ the best ask (must stay 0). */
  readonly crossedBookCount: number;
  /** Smallest two-sided spread seen after any command, ticks (Infinity before the book had two sides). */
  readonly minSpreadTicks: number;
  /** Wall time spent running, ms. */
  readonly wallMs: number;
  /** events / wall seconds over the whole run. */
  readonly eventsPerS: number;
}

/** One agent's account in quote-currency numbers, plus its counters. */
export interface AgentAccountSummary {
  readonly agentId: string;
  readonly positionLots: number;
  /** Position in instrument units (e.g. BTC). */
  readonly position: number;
  readonly maxAbsPosition: number;
  readonly averagePrice: number;
  /** Quote currency. */
  readonly cash: number;
  readonly realisedPnl: number;
  readonly unrealisedPnl: number;
  /** Cash plus position at the mark price. */
  readonly totalPnl: number;
  readonly markPrice: number;
  readonly openOrders: number;
  readonly fills: number;
  readonly wakeups: number;
  readonly limitRejects: number;
  readonly failures: number;
  readonly timeouts: number;
  readonly missedWakeups: number;
  readonly disabled: boolean;
}
