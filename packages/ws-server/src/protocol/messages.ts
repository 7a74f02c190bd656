// The wire protocol of the Marksim feed: every JSON shape that crosses the socket, defined once.
// Browser-safe: no Node imports. Keys are snake_case as in the seed; numbers are decimals
// (prices and sizes as JSON numbers), timestamps integer µs since the Unix epoch.

/** The seed's ticker: exactly these 9 fields. A client that sends nothing receives only these. */
export interface TickerWire {
  timestamp: number;
  symbol: string;
  last_price: number;
  bid_price: number;
  ask_price: number;
  bid_size: number;
  ask_size: number;
  volume_24h: number;
  trade_count: number;
}

/** Opt-in channels. */
export type Channel = 'ticker' | 'trades' | 'book' | 'candles' | 'status';
export const CHANNELS: readonly Channel[] = ['ticker', 'trades', 'book', 'candles', 'status'];

export type CandleInterval = '1s' | '1m';
export const CANDLE_INTERVALS: readonly CandleInterval[] = ['1s', '1m'];

export type WireSide = 'buy' | 'sell';

/** [price, size] */
export type WireLevel = [number, number];

// ---------------------------------------------------------------- client → server

export interface SubscribeRequest {
  op: 'subscribe';
  channels: Channel[];
  /** Defaults to every symbol the server has. */
  symbols?: string[];
  /** Book depth for the `book` channel (levels per side), default 20, at most 100. */
  depth?: number;
  /** Candle intervals for the `candles` channel, default ['1s', '1m']. */
  intervals?: CandleInterval[];
  /** Echoed back in the ack or error. */
  req_id?: string | number;
}

export interface UnsubscribeRequest {
  op: 'unsubscribe';
  channels: Channel[];
  symbols?: string[];
  req_id?: string | number;
}

export interface PingRequest {
  op: 'ping';
  req_id?: string | number;
}

/** Ask for a fresh book snapshot (after a detected gap). */
export interface SnapshotRequest {
  op: 'snapshot';
  symbol: string;
  /**
   * Levels per side for a one-off snapshot when the client has no book subscription for the
   * symbol (default 20, at most 100). Ignored when subscribed: the snapshot then has the
   * subscription's depth and continues its delta sequence.
   */
  depth?: number;
  req_id?: string | number;
}

export type ControlAction = 'pause' | 'resume' | 'set_speed' | 'reset';

/** Simulation control; refused unless `token` equals the server's control token. */
export interface ControlRequest {
  op: 'control';
  action: ControlAction;
  token: string;
  /** For set_speed: simulated seconds per wall second, > 0. */
  speed?: number;
  req_id?: string | number;
}

export type ClientMessage = SubscribeRequest | UnsubscribeRequest | PingRequest | SnapshotRequest | ControlRequest;

// ---------------------------------------------------------------- server → client

/** The ticker as sent to a client that subscribed to channels: the seed's 9 fields plus `type`. */
export interface TickerMessage extends TickerWire {
  type: 'ticker';
}

export interface TradeMessage {
  type: 'trade';
  symbol: string;
  /** The symbol's event sequence number of this trade. */
  seq: number;
  trade_id: number;
  price: number;
  size: number;
  /** The aggressor's (taker's) side. */
  side: WireSide;
  timestamp: number;
}

/**
 * Full L2 book (top `depth` levels per side). bids descending, asks ascending. `seq` is the
 * symbol's sequence number the book reflects; `checksum` as in PROTOCOL.md.
 */
export interface BookSnapshotMessage {
  type: 'book_snapshot';
  symbol: string;
  seq: number;
  depth: number;
  bids: WireLevel[];
  asks: WireLevel[];
  checksum: number;
  timestamp: number;
  /** Digits after the decimal point of a price (from the tick size); used by the checksum. */
  price_decimals: number;
  /** Digits after the decimal point of a size (from the lot size); used by the checksum. */
  size_decimals: number;
}

/**
 * Level changes since the previous book message. `prev_seq` equals the `seq` of the previous
 * book message this client received for the symbol; anything else is a gap: request a snapshot.
 * Size 0 removes the level.
 */
export interface BookDeltaMessage {
  type: 'book_delta';
  symbol: string;
  seq: number;
  prev_seq: number;
  bids: WireLevel[];
  asks: WireLevel[];
  checksum: number;
  timestamp: number;
}

export interface CandleMessage {
  type: 'candle';
  symbol: string;
  interval: CandleInterval;
  /** Start of the bar, µs since the epoch. */
  open_time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  trade_count: number;
  /** false while the bar is still forming; the final update of a bar has closed: true. */
  closed: boolean;
}

/** Server and simulation state, about once a second on the `status` channel and after control ops. */
export interface StatusMessage {
  type: 'status';
  sim_time: number;
  speed: number;
  paused: boolean;
  clients: number;
  events_per_s: number;
}

export interface SubscribedMessage {
  type: 'subscribed';
  channels: Channel[];
  symbols: string[];
  req_id?: string | number;
}

export interface UnsubscribedMessage {
  type: 'unsubscribed';
  channels: Channel[];
  symbols: string[];
  req_id?: string | number;
}

export interface PongMessage {
  type: 'pong';
  timestamp: number;
  req_id?: string | number;
}

export interface ControlAckMessage {
  type: 'control_ack';
  action: ControlAction;
  speed: number;
  paused: boolean;
  req_id?: string | number;
}

export type ErrorCode =
  | 'INVALID_JSON'
  | 'INVALID_MESSAGE'
  | 'UNKNOWN_OP'
  | 'UNKNOWN_CHANNEL'
  | 'UNKNOWN_SYMBOL'
  | 'MESSAGE_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'CONTROL_REFUSED'
  | 'CONTROL_FAILED'
  | 'SLOW_CONSUMER'
  | 'SERVER_FULL';

/** A refusal; the connection stays open unless a later `close` frame says otherwise. */
export interface ErrorMessage {
  type: 'error';
  code: ErrorCode;
  message: string;
  req_id?: string | number;
}

export type ServerMessage =
  | TickerWire
  | TickerMessage
  | TradeMessage
  | BookSnapshotMessage
  | BookDeltaMessage
  | CandleMessage
  | StatusMessage
  | SubscribedMessage
  | UnsubscribedMessage
  | PongMessage
  | ControlAckMessage
  | ErrorMessage;
