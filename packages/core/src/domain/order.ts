/** Order and command types. All prices are integer ticks, sizes integer lots, times integer µs. */

export type Side = 'buy' | 'sell';

/** `limit` rests (subject to time in force); `market` takes whatever the other side offers. */
export type OrderType = 'limit' | 'market';

/** gtc rests until cancelled; ioc fills what it can now and cancels the rest; fok fills all now or nothing. */
export type TimeInForce = 'gtc' | 'ioc' | 'fok';

/**
 * Self-trade prevention, applied when an incoming order would match a resting order of the same
 * owner: cancel the resting order, cancel the incoming order, or cancel both.
 */
export type SelfTradePrevention = 'cancel-resting' | 'cancel-incoming' | 'cancel-both' | 'none';

export interface NewOrderCommand {
  readonly type: 'new';
  readonly orderId: string;
  readonly ownerId: string;
  readonly side: Side;
  readonly orderType: OrderType;
  /** Limit price in ticks; ignored for market orders. */
  readonly priceTicks: number;
  readonly sizeLots: number;
  readonly timeInForce: TimeInForce;
  /** Reject instead of taking liquidity. */
  readonly postOnly: boolean;
  readonly selfTradePrevention: SelfTradePrevention;
  /** Simulated time at which the command reaches the book. */
  readonly timeUs: number;
}

export interface CancelCommand {
  readonly type: 'cancel';
  readonly orderId: string;
  /** When given, the cancel is rejected (NOT_OWNER) unless it matches the order's owner. */
  readonly ownerId?: string;
  readonly timeUs: number;
}

/**
 * Change price and/or size of a resting order. Size down at the same price keeps time priority;
 * a price change or size up loses it (the order goes to the back of its new level and may match).
 */
export interface ModifyCommand {
  readonly type: 'modify';
  readonly orderId: string;
  readonly ownerId?: string;
  readonly priceTicks?: number;
  readonly sizeLots?: number;
  readonly timeUs: number;
}

export type OrderCommand = NewOrderCommand | CancelCommand | ModifyCommand;
