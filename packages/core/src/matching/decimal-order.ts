// The decimal edge of the engine: orders written as users write prices and sizes ("50000.5",
// "0.1") become integer ticks and lots through DecimalUnits (big.js, exact). A decimal that is
// not on the instrument's grid is a rejection, never a rounding.
import Big from 'big.js';
import type { NewOrderCommand, OrderType, SelfTradePrevention, Side, TimeInForce } from '../domain/order.js';
import type { DecimalInput, DecimalUnits } from '../units/decimal-units.js';
import type { Rejection } from './order-validation.js';

/** A new order with decimal price and size. Optional fields default to DEFAULT_DECIMAL_ORDER. */
export interface DecimalOrder {
  readonly orderId: string;
  readonly ownerId: string;
  readonly side: Side;
  readonly orderType?: OrderType;
  /** Limit price as a decimal, e.g. "50000.5"; ignored for market orders. */
  readonly price?: DecimalInput;
  /** Size as a decimal, e.g. "0.1". */
  readonly size: DecimalInput;
  readonly timeInForce?: TimeInForce;
  readonly postOnly?: boolean;
  readonly selfTradePrevention?: SelfTradePrevention;
  /** Simulated time at which the order reaches the book, in µs. */
  readonly timeUs: number;
}

/** Defaults of the optional DecimalOrder fields: a resting limit order that never trades with its owner. */
export const DEFAULT_DECIMAL_ORDER: {
  readonly orderType: OrderType;
  readonly timeInForce: TimeInForce;
  readonly postOnly: boolean;
  readonly selfTradePrevention: SelfTradePrevention;
} = Object.freeze({ orderType: 'limit', timeInForce: 'gtc', postOnly: false, selfTradePrevention: 'cancel-resting' });

// The syntax big.js accepts, checked first so that bad text is a rejection rather than a throw.
const DECIMAL_TEXT = /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

function isDecimal(value: unknown): value is DecimalInput {
  if (typeof value === 'string') return DECIMAL_TEXT.test(value);
  if (typeof value === 'number') return Number.isFinite(value);
  return value instanceof Big;
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** True when the conversion produced a rejection rather than a command. */
export function isRejection(value: NewOrderCommand | Rejection): value is Rejection {
  return (value as Rejection).code !== undefined;
}

/** Converts a decimal order to integer units, or says which decimal is off the grid and why. */
export function decimalOrderToCommand(units: DecimalUnits, order: DecimalOrder): NewOrderCommand | Rejection {
  const where = typeof order.orderId === 'string' ? ` for order ${order.orderId}` : '';
  const orderType = order.orderType ?? DEFAULT_DECIMAL_ORDER.orderType;
  if (!isDecimal(order.size)) {
    return { code: 'INVALID_SIZE', message: `size must be a decimal number (got ${show(order.size)})${where}` };
  }
  const sizeLots = units.sizeToLots(order.size);
  if (Number.isNaN(sizeLots)) {
    const rule = `a multiple of the lot size ${units.instrument.lotSize}`;
    return { code: 'INVALID_SIZE', message: `size must be ${rule} (got ${show(order.size)})${where}` };
  }
  let priceTicks = 0;
  if (orderType === 'limit') {
    if (!isDecimal(order.price)) {
      return { code: 'INVALID_PRICE', message: `price must be a decimal number (got ${show(order.price)})${where}` };
    }
    priceTicks = units.priceToTicks(order.price);
    if (Number.isNaN(priceTicks)) {
      const rule = `a multiple of the tick size ${units.instrument.tickSize}`;
      return { code: 'OFF_TICK_PRICE', message: `price must be ${rule} (got ${show(order.price)})${where}` };
    }
  }
  return {
    type: 'new',
    orderId: order.orderId,
    ownerId: order.ownerId,
    side: order.side,
    orderType,
    priceTicks,
    sizeLots,
    timeInForce: order.timeInForce ?? DEFAULT_DECIMAL_ORDER.timeInForce,
    postOnly: order.postOnly ?? DEFAULT_DECIMAL_ORDER.postOnly,
    selfTradePrevention: order.selfTradePrevention ?? DEFAULT_DECIMAL_ORDER.selfTradePrevention,
    timeUs: order.timeUs,
  };
}
