// Event constructors. Each event type is built at exactly one object literal with its fields in one
// order, so every event of a type shares one hidden class and consumers' property reads stay
// monomorphic. `type` comes first so logged JSON reads naturally.
import type {
  AcceptedEvent,
  CancelReason,
  CancelledEvent,
  DoneEvent,
  LevelEvent,
  ModifiedEvent,
  RejectCode,
  RejectedEvent,
  TradeEvent,
} from '../domain/events.js';
import type { OrderType, Side, TimeInForce } from '../domain/order.js';

/** `accepted` for a new order that passed validation and its pre-trade checks (`priceTicks` 0 for a market order). */
export function acceptedEvent(
  seq: number,
  symbol: string,
  timeUs: number,
  orderId: string,
  ownerId: string,
  side: Side,
  orderType: OrderType,
  timeInForce: TimeInForce,
  priceTicks: number,
  sizeLots: number,
): AcceptedEvent {
  return { type: 'accepted', seq, symbol, timeUs, orderId, ownerId, side, orderType, timeInForce, priceTicks, sizeLots };
}

/** `rejected` for a command that changed nothing. */
export function rejectedEvent(
  seq: number,
  symbol: string,
  timeUs: number,
  command: RejectedEvent['command'],
  orderId: string,
  ownerId: string,
  code: RejectCode,
  message: string,
): RejectedEvent {
  return { type: 'rejected', seq, symbol, timeUs, orderId, ownerId, command, code, message };
}

/** `trade` at the maker's price `priceTicks`; `aggressor` is the taker's side. */
export function tradeEvent(
  seq: number,
  symbol: string,
  timeUs: number,
  tradeId: number,
  priceTicks: number,
  sizeLots: number,
  aggressor: Side,
  makerOrderId: string,
  makerOwnerId: string,
  takerOrderId: string,
  takerOwnerId: string,
): TradeEvent {
  return {
    type: 'trade',
    seq,
    symbol,
    timeUs,
    tradeId,
    priceTicks,
    sizeLots,
    aggressor,
    makerOrderId,
    makerOwnerId,
    takerOrderId,
    takerOwnerId,
  };
}

/** `cancelled`: `cancelledLots` left the order without trading. */
export function cancelledEvent(
  seq: number,
  symbol: string,
  timeUs: number,
  orderId: string,
  ownerId: string,
  reason: CancelReason,
  cancelledLots: number,
): CancelledEvent {
  return { type: 'cancelled', seq, symbol, timeUs, orderId, ownerId, reason, cancelledLots };
}

/** `modified`: the order's new price `priceTicks` and open size, and whether it kept its place in the queue. */
export function modifiedEvent(
  seq: number,
  symbol: string,
  timeUs: number,
  orderId: string,
  ownerId: string,
  priceTicks: number,
  sizeLots: number,
  keptPriority: boolean,
): ModifiedEvent {
  return { type: 'modified', seq, symbol, timeUs, orderId, ownerId, priceTicks, sizeLots, keptPriority };
}

/** `done`: the order will never trade again. */
export function doneEvent(
  seq: number,
  symbol: string,
  timeUs: number,
  orderId: string,
  ownerId: string,
  reason: DoneEvent['reason'],
  filledLots: number,
): DoneEvent {
  return { type: 'done', seq, symbol, timeUs, orderId, ownerId, reason, filledLots };
}

/** `level`: the new total at one price of one side (0 lots and 0 orders = level gone). */
export function levelEvent(
  seq: number,
  symbol: string,
  timeUs: number,
  side: Side,
  priceTicks: number,
  sizeLots: number,
  orderCount: number,
): LevelEvent {
  return { type: 'level', seq, symbol, timeUs, side, priceTicks, sizeLots, orderCount };
}
