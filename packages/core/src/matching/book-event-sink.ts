// The engine's one way out for events. `process(command, out)` hands the engine an EventArraySink
// that builds the documented event objects; `processTo(command, sink)` hands it the caller's own
// sink, which gets the same fields as arguments and no object per event. A consumer that folds
// events into its own state (a feed, a ledger, a recorder) then allocates nothing per event.
import type { BookEvent, CancelReason, DoneEvent, RejectCode, RejectedEvent } from '../domain/events.js';
import type { OrderType, Side, TimeInForce } from '../domain/order.js';
import {
  acceptedEvent,
  cancelledEvent,
  doneEvent,
  levelEvent,
  modifiedEvent,
  rejectedEvent,
  tradeEvent,
} from './book-events.js';

/**
 * Receives a MatchingEngine's events as calls, one method per event type, with the fields of the
 * event of that type (see BookEvent) in their documented order. Calls arrive in event order while
 * the command is being applied: read the book after `processTo` returns, not from a callback, and
 * do not call the engine from a callback (it throws REENTRANT_PROCESS).
 */
export interface BookEventSink {
  accepted(
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
  ): void;
  rejected(
    seq: number,
    symbol: string,
    timeUs: number,
    orderId: string,
    ownerId: string,
    command: RejectedEvent['command'],
    code: RejectCode,
    message: string,
  ): void;
  trade(
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
  ): void;
  cancelled(
    seq: number,
    symbol: string,
    timeUs: number,
    orderId: string,
    ownerId: string,
    reason: CancelReason,
    cancelledLots: number,
  ): void;
  modified(
    seq: number,
    symbol: string,
    timeUs: number,
    orderId: string,
    ownerId: string,
    priceTicks: number,
    sizeLots: number,
    keptPriority: boolean,
  ): void;
  done(
    seq: number,
    symbol: string,
    timeUs: number,
    orderId: string,
    ownerId: string,
    reason: DoneEvent['reason'],
    filledLots: number,
  ): void;
  level(
    seq: number,
    symbol: string,
    timeUs: number,
    side: Side,
    priceTicks: number,
    sizeLots: number,
    orderCount: number,
  ): void;
}

/** The sink behind `process(command, out)`: appends each event as its documented object to `out`. */
export class EventArraySink implements BookEventSink {
  /** Where the command being processed appends its events. */
  out: BookEvent[] = [];

  accepted(
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
  ): void {
    this.out.push(acceptedEvent(seq, symbol, timeUs, orderId, ownerId, side, orderType, timeInForce, priceTicks, sizeLots));
  }

  rejected(
    seq: number,
    symbol: string,
    timeUs: number,
    orderId: string,
    ownerId: string,
    command: RejectedEvent['command'],
    code: RejectCode,
    message: string,
  ): void {
    this.out.push(rejectedEvent(seq, symbol, timeUs, command, orderId, ownerId, code, message));
  }

  trade(
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
  ): void {
    this.out.push(
      tradeEvent(seq, symbol, timeUs, tradeId, priceTicks, sizeLots, aggressor, makerOrderId, makerOwnerId, takerOrderId, takerOwnerId),
    );
  }

  cancelled(seq: number, symbol: string, timeUs: number, orderId: string, ownerId: string, reason: CancelReason, cancelledLots: number): void {
    this.out.push(cancelledEvent(seq, symbol, timeUs, orderId, ownerId, reason, cancelledLots));
  }

  modified(
    seq: number,
    symbol: string,
    timeUs: number,
    orderId: string,
    ownerId: string,
    priceTicks: number,
    sizeLots: number,
    keptPriority: boolean,
  ): void {
    this.out.push(modifiedEvent(seq, symbol, timeUs, orderId, ownerId, priceTicks, sizeLots, keptPriority));
  }

  done(seq: number, symbol: string, timeUs: number, orderId: string, ownerId: string, reason: DoneEvent['reason'], filledLots: number): void {
    this.out.push(doneEvent(seq, symbol, timeUs, orderId, ownerId, reason, filledLots));
  }

  level(seq: number, symbol: string, timeUs: number, side: Side, priceTicks: number, sizeLots: number, orderCount: number): void {
    this.out.push(levelEvent(seq, symbol, timeUs, side, priceTicks, sizeLots, orderCount));
  }
}
