// Command validation at the engine's edge. Agents and clients send commands from untyped sources
// (JSON, user code), so every field is checked at run time. A failure is a Rejection that the
// engine turns into a `rejected` event; valid commands allocate nothing here.
import type { RejectCode } from '../domain/events.js';
import type { CancelCommand, ModifyCommand, NewOrderCommand } from '../domain/order.js';

/** Why a command is refused: a stable code and a message naming the field, the value and the rule. */
export interface Rejection {
  readonly code: RejectCode;
  readonly message: string;
}

/** Shows a bad value in a message: strings quoted, everything else as String() gives it. */
function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function reject(code: RejectCode, field: string, rule: string, value: unknown, orderId: unknown): Rejection {
  const where = typeof orderId === 'string' && orderId.length > 0 ? ` for order ${orderId}` : '';
  return { code, message: `${field} must be ${rule} (got ${show(value)})${where}` };
}

/** A simulated time: a non-negative safe integer number of µs. */
export function isValidTimeUs(timeUs: unknown): timeUs is number {
  return typeof timeUs === 'number' && Number.isSafeInteger(timeUs) && timeUs >= 0;
}

/** Checks a limit price in ticks: a finite number (INVALID_PRICE), whole (OFF_TICK_PRICE), > 0 and safe. */
export function checkPriceTicks(priceTicks: unknown, orderId: unknown): Rejection | null {
  if (typeof priceTicks !== 'number' || !Number.isFinite(priceTicks)) {
    return reject('INVALID_PRICE', 'priceTicks', 'a finite number of ticks', priceTicks, orderId);
  }
  if (!Number.isInteger(priceTicks)) {
    return reject('OFF_TICK_PRICE', 'priceTicks', 'a whole number of ticks', priceTicks, orderId);
  }
  if (priceTicks <= 0 || priceTicks > Number.MAX_SAFE_INTEGER) {
    return reject('INVALID_PRICE', 'priceTicks', `> 0 and <= ${Number.MAX_SAFE_INTEGER}`, priceTicks, orderId);
  }
  return null;
}

/** Checks a size in lots: a positive safe integer (INVALID_SIZE otherwise). */
export function checkSizeLots(sizeLots: unknown, orderId: unknown): Rejection | null {
  if (typeof sizeLots !== 'number' || !Number.isSafeInteger(sizeLots) || sizeLots <= 0) {
    return reject('INVALID_SIZE', 'sizeLots', 'a positive whole number of lots', sizeLots, orderId);
  }
  return null;
}

function checkOrderId(orderId: unknown): Rejection | null {
  if (typeof orderId !== 'string' || orderId.length === 0) {
    return reject('INVALID_ORDER', 'orderId', 'a non-empty string', orderId, undefined);
  }
  return null;
}

function checkTime(timeUs: unknown, orderId: unknown): Rejection | null {
  if (!isValidTimeUs(timeUs)) return reject('INVALID_ORDER', 'timeUs', 'a non-negative whole number of µs', timeUs, orderId);
  return null;
}

/** Everything about a new order that can be checked without looking at the book. */
export function checkNewOrder(command: NewOrderCommand): Rejection | null {
  const orderId = command.orderId;
  const idProblem = checkOrderId(orderId);
  if (idProblem !== null) return idProblem;
  if (typeof command.ownerId !== 'string') return reject('INVALID_ORDER', 'ownerId', 'a string', command.ownerId, orderId);
  const side = command.side;
  if (side !== 'buy' && side !== 'sell') return reject('INVALID_ORDER', 'side', '"buy" or "sell"', side, orderId);
  const orderType = command.orderType;
  if (orderType !== 'limit' && orderType !== 'market') {
    return reject('INVALID_ORDER', 'orderType', '"limit" or "market"', orderType, orderId);
  }
  const tif = command.timeInForce;
  if (tif !== 'gtc' && tif !== 'ioc' && tif !== 'fok') {
    return reject('INVALID_ORDER', 'timeInForce', '"gtc", "ioc" or "fok"', tif, orderId);
  }
  const stp = command.selfTradePrevention;
  if (stp !== 'none' && stp !== 'cancel-resting' && stp !== 'cancel-incoming' && stp !== 'cancel-both') {
    return reject(
      'INVALID_ORDER',
      'selfTradePrevention',
      '"cancel-resting", "cancel-incoming", "cancel-both" or "none"',
      stp,
      orderId,
    );
  }
  const postOnly = command.postOnly;
  if (postOnly !== true && postOnly !== false) return reject('INVALID_ORDER', 'postOnly', 'a boolean', postOnly, orderId);
  if (postOnly && (orderType !== 'limit' || tif !== 'gtc')) {
    return reject('INVALID_ORDER', 'postOnly', 'false unless the order is a gtc limit', postOnly, orderId);
  }
  const timeProblem = checkTime(command.timeUs, orderId);
  if (timeProblem !== null) return timeProblem;
  const sizeProblem = checkSizeLots(command.sizeLots, orderId);
  if (sizeProblem !== null) return sizeProblem;
  return orderType === 'limit' ? checkPriceTicks(command.priceTicks, orderId) : null;
}

/** The fields cancel and modify share: which order, whose, when. */
function checkTarget(orderId: unknown, ownerId: unknown, timeUs: unknown): Rejection | null {
  const idProblem = checkOrderId(orderId);
  if (idProblem !== null) return idProblem;
  if (ownerId !== undefined && typeof ownerId !== 'string') {
    return reject('INVALID_ORDER', 'ownerId', 'a string when given', ownerId, orderId);
  }
  return checkTime(timeUs, orderId);
}

/** Shape checks for a cancel; whether the order exists is the engine's to say. */
export function checkCancel(command: CancelCommand): Rejection | null {
  return checkTarget(command.orderId, command.ownerId, command.timeUs);
}

/** Shape checks for a modify: at least one of priceTicks and sizeLots, each valid when given. */
export function checkModify(command: ModifyCommand): Rejection | null {
  const targetProblem = checkTarget(command.orderId, command.ownerId, command.timeUs);
  if (targetProblem !== null) return targetProblem;
  const priceTicks = command.priceTicks;
  const sizeLots = command.sizeLots;
  if (priceTicks === undefined && sizeLots === undefined) {
    return reject('INVALID_ORDER', 'priceTicks or sizeLots', 'given', undefined, command.orderId);
  }
  if (sizeLots !== undefined) {
    const sizeProblem = checkSizeLots(sizeLots, command.orderId);
    if (sizeProblem !== null) return sizeProblem;
  }
  return priceTicks === undefined ? null : checkPriceTicks(priceTicks, command.orderId);
}
