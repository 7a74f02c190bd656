// Public API of @marksim/core. Everything not listed here is private.
export { MarksimError } from './errors/marksim-error.js';
export type { CoreErrorCode } from './errors/marksim-error.js';

export { BTC_USD } from './domain/instrument.js';
export type { Instrument } from './domain/instrument.js';
export type {
  Side,
  OrderType,
  TimeInForce,
  SelfTradePrevention,
  NewOrderCommand,
  CancelCommand,
  ModifyCommand,
  OrderCommand,
} from './domain/order.js';
export type {
  RejectCode,
  CancelReason,
  AcceptedEvent,
  RejectedEvent,
  TradeEvent,
  CancelledEvent,
  ModifiedEvent,
  DoneEvent,
  LevelEvent,
  BookEvent,
  BookEventType,
} from './domain/events.js';
export type { Ticker, BookLevel, RestingOrderView } from './domain/market-data.js';

export { DecimalUnits } from './units/decimal-units.js';
export type { DecimalInput } from './units/decimal-units.js';
