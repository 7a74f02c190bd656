import type { Side, OrderType, TimeInForce } from './order.js';

/** Why an order or command was refused. Stable codes; the message names the value and the rule. */
export type RejectCode =
  | 'OFF_TICK_PRICE'
  | 'INVALID_PRICE'
  | 'INVALID_SIZE'
  | 'INVALID_ORDER'
  | 'DUPLICATE_ORDER_ID'
  | 'UNKNOWN_ORDER'
  | 'NOT_OWNER'
  | 'POST_ONLY_WOULD_CROSS'
  | 'FOK_NOT_FILLABLE'
  | 'NO_LIQUIDITY'
  | 'RISK_LIMIT';

/** Why a resting or incoming order lost (part of) its size without trading. */
export type CancelReason = 'user' | 'ioc' | 'no-liquidity' | 'self-trade';

/** Fields every event carries: one sequence per symbol, strictly increasing by 1. */
interface EventBase {
  readonly seq: number;
  readonly symbol: string;
  readonly timeUs: number;
}

export interface AcceptedEvent extends EventBase {
  readonly type: 'accepted';
  readonly orderId: string;
  readonly ownerId: string;
  readonly side: Side;
  readonly orderType: OrderType;
  readonly timeInForce: TimeInForce;
  readonly priceTicks: number;
  readonly sizeLots: number;
}

export interface RejectedEvent extends EventBase {
  readonly type: 'rejected';
  readonly orderId: string;
  readonly ownerId: string;
  /** The command that was refused. */
  readonly command: 'new' | 'cancel' | 'modify';
  readonly code: RejectCode;
  readonly message: string;
}

export interface TradeEvent extends EventBase {
  readonly type: 'trade';
  /** Per-symbol trade id, strictly increasing. */
  readonly tradeId: number;
  readonly priceTicks: number;
  readonly sizeLots: number;
  /** The taker's side. */
  readonly aggressor: Side;
  readonly makerOrderId: string;
  readonly makerOwnerId: string;
  readonly takerOrderId: string;
  readonly takerOwnerId: string;
}

export interface CancelledEvent extends EventBase {
  readonly type: 'cancelled';
  readonly orderId: string;
  readonly ownerId: string;
  readonly reason: CancelReason;
  /** Lots removed from the order by this cancel. */
  readonly cancelledLots: number;
}

export interface ModifiedEvent extends EventBase {
  readonly type: 'modified';
  readonly orderId: string;
  readonly ownerId: string;
  readonly priceTicks: number;
  /** Remaining (open) size after the modify. */
  readonly sizeLots: number;
  readonly keptPriority: boolean;
}

/** The order will never trade again: all of it filled, or the rest was cancelled. */
export interface DoneEvent extends EventBase {
  readonly type: 'done';
  readonly orderId: string;
  readonly ownerId: string;
  readonly reason: 'filled' | 'cancelled';
  readonly filledLots: number;
}

/** L2 change: the new total resting size at a price (0 = level gone), for book deltas. */
export interface LevelEvent extends EventBase {
  readonly type: 'level';
  readonly side: Side;
  readonly priceTicks: number;
  readonly sizeLots: number;
  readonly orderCount: number;
}

export type BookEvent =
  | AcceptedEvent
  | RejectedEvent
  | TradeEvent
  | CancelledEvent
  | ModifiedEvent
  | DoneEvent
  | LevelEvent;

export type BookEventType = BookEvent['type'];
