// Public, browser-safe API of @marksim/ws-server/protocol.
export { CHANNELS, CANDLE_INTERVALS } from './messages.js';
export type {
  TickerWire,
  Channel,
  CandleInterval,
  WireSide,
  WireLevel,
  SubscribeRequest,
  UnsubscribeRequest,
  PingRequest,
  SnapshotRequest,
  ControlAction,
  ControlRequest,
  ClientMessage,
  TickerMessage,
  TradeMessage,
  BookSnapshotMessage,
  BookDeltaMessage,
  CandleMessage,
  StatusMessage,
  SubscribedMessage,
  UnsubscribedMessage,
  PongMessage,
  ControlAckMessage,
  ErrorCode,
  ErrorMessage,
  ServerMessage,
} from './messages.js';

export {
  CLIENT_OPS,
  CONTROL_ACTIONS,
  DEFAULT_BOOK_DEPTH,
  MAX_BOOK_DEPTH,
  MAX_SYMBOL_LENGTH,
  MAX_REQ_ID_LENGTH,
  MAX_SYMBOLS_PER_REQUEST,
  describeValue,
  parseClientMessage,
  parseClientText,
} from './parse-client-message.js';
export type { ParseResult } from './parse-client-message.js';

export {
  encodeTicker,
  encodeTickerMessage,
  encodeTrade,
  encodeLevels,
  encodeBookSnapshot,
  encodeBookDelta,
  encodeCandle,
  encodeStatus,
} from './encode.js';
export type { WireUnits, BookState, BookChanges, CandleBar, StatusState } from './encode.js';

export { CHECKSUM_LEVELS, crc32, checksumDigits, checksumString, bookChecksum } from './checksum.js';

export { LocalBook } from './local-book.js';
export type { BookSyncIssue, BookApplyResult } from './local-book.js';
