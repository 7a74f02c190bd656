// What the server needs from a market: instruments, an ordered event stream, book views, status
// and (optionally) control. The server app adapts MarketSimulation, or an archive replayer, to
// it; the server itself never knows which one it serves.
import type { BookEvent, BookLevel, Instrument, Ticker } from '@marksim/core';

/** A ticker update from the feed (the seed's ticker, in integer units). */
export interface TickerEvent {
  readonly type: 'ticker';
  readonly ticker: Ticker;
}

/**
 * The symbol's book changed discontinuously (simulation reset, archive seek): the server sends
 * every book subscriber a fresh snapshot and starts new candles.
 */
export interface FeedResetEvent {
  readonly type: 'reset';
  readonly symbol: string;
  readonly timeUs: number;
}

/** Everything the feed emits, in order per symbol. */
export type FeedEvent = BookEvent | TickerEvent | FeedResetEvent;

/**
 * The top of one symbol's book: bids best (highest) first, asks best (lowest) first. The server
 * keeps these arrays to diff against the next view, so the feed must not mutate them afterwards
 * (return a copy or an immutable snapshot).
 */
export interface FeedBook {
  /** Sequence number of the last event applied to this book. */
  readonly seq: number;
  /** Simulation time (µs since the epoch) of that event. */
  readonly timeUs: number;
  readonly bids: readonly BookLevel[];
  readonly asks: readonly BookLevel[];
}

/** Simulation state for /health, /metrics and the status channel. */
export interface FeedStatus {
  /** Simulation clock, µs since the epoch. */
  readonly simTimeUs: number;
  /** Simulated seconds per wall second. */
  readonly speed: number;
  readonly paused: boolean;
  /** Book events per wall second, recent average. */
  readonly eventsPerS: number;
  /** How far the simulation runs behind its wall-clock schedule, µs; omitted when unknown. */
  readonly lagUs?: number;
}

/** Simulation control. Each call may throw (or reject) with a message naming the problem. */
export interface FeedControl {
  pause(): void | Promise<void>;
  resume(): void | Promise<void>;
  /** Simulated seconds per wall second, > 0. */
  setSpeed(speed: number): void | Promise<void>;
  /** Restarts the market; the feed emits a `reset` event per symbol. */
  reset(): void | Promise<void>;
}

/** A market the server can publish. */
export interface MarketFeed {
  /** The symbols served; fixed for the server's lifetime. */
  instruments(): readonly Instrument[];
  /** Registers a listener for every event; returns the function that removes it. */
  onEvent(listener: (event: FeedEvent) => void): () => void;
  /** The top `depth` levels per side of a symbol's book, as of the last emitted event. */
  book(symbol: string, depth: number): FeedBook;
  status(): FeedStatus;
  /** Absent for feeds that cannot be controlled (e.g. a replay). */
  readonly control?: FeedControl;
}
