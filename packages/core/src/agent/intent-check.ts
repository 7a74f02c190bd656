// The pre-trade check of one intent against the agent's own account and limits. Prices and
// order types are the book's business (it rejects them with its own codes); this check covers
// what only the agent's side knows: its limits, its open orders, and sizes the limits need.
import type { RejectCode } from '../domain/events.js';
import type { AgentAccountView } from './agent-account.js';
import type { OrderIntent } from './agent.js';

/** Why an intent was refused before reaching the book. */
export interface IntentRefusal {
  readonly code: RejectCode;
  readonly message: string;
}

function isPositiveLots(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0;
}

function positionRefusal(account: AgentAccountView, side: 'buy' | 'sell', extraLots: number): IntentRefusal | null {
  const max = account.limits.maxPositionLots;
  const worst =
    side === 'buy'
      ? account.positionLots + account.openBuyLots + extraLots
      : -(account.positionLots - account.openSellLots - extraLots);
  if (worst <= max) return null;
  return {
    code: 'RISK_LIMIT',
    message:
      `${side} of ${extraLots} lots would allow |position| ${worst} lots > maxPositionLots ${max} ` +
      `(position ${account.positionLots}, open ${side} ${side === 'buy' ? account.openBuyLots : account.openSellLots})`,
  };
}

/** Returns why `intent` may not be sent, or null when it may. `orderId` is the id it will carry. */
export function checkIntent(account: AgentAccountView, intent: OrderIntent, orderId: string): IntentRefusal | null {
  const limits = account.limits;
  if (intent.type === 'new') {
    if (!isPositiveLots(intent.sizeLots)) {
      return { code: 'INVALID_SIZE', message: `sizeLots must be an integer > 0 (got ${intent.sizeLots})` };
    }
    if (intent.sizeLots > limits.maxOrderSizeLots) {
      return {
        code: 'RISK_LIMIT',
        message: `sizeLots ${intent.sizeLots} > maxOrderSizeLots ${limits.maxOrderSizeLots}`,
      };
    }
    if (account.openOrders.has(orderId)) {
      return { code: 'DUPLICATE_ORDER_ID', message: `order id ${orderId} is already open for ${account.agentId}` };
    }
    if (account.openOrders.size >= limits.maxOpenOrders) {
      return {
        code: 'RISK_LIMIT',
        message: `${account.openOrders.size} open orders reach maxOpenOrders ${limits.maxOpenOrders}`,
      };
    }
    return positionRefusal(account, intent.side, intent.sizeLots);
  }
  const orders = account.openOrders;
  const index = orders.indexOf(intent.orderId);
  if (index < 0) {
    return {
      code: 'UNKNOWN_ORDER',
      message: `${intent.type} of order ${intent.orderId}: no open order with this id for ${account.agentId}`,
    };
  }
  if (intent.type === 'modify' && intent.sizeLots !== undefined) {
    if (!isPositiveLots(intent.sizeLots)) {
      return { code: 'INVALID_SIZE', message: `sizeLots must be an integer > 0 (got ${intent.sizeLots})` };
    }
    if (intent.sizeLots > limits.maxOrderSizeLots) {
      return { code: 'RISK_LIMIT', message: `sizeLots ${intent.sizeLots} > maxOrderSizeLots ${limits.maxOrderSizeLots}` };
    }
    const openLots = orders.sizeLotsAt(index);
    if (intent.sizeLots > openLots) return positionRefusal(account, orders.sideAt(index), intent.sizeLots - openLots);
  }
  return null;
}

/**
 * The check a modify needs again when it reaches the book: it sets an absolute size, so fills
 * that shrank the order while the modify travelled would otherwise let it grow the exposure
 * past the limit. Returns why it may not be applied, or null.
 */
export function checkModifyOnArrival(account: AgentAccountView, orderId: string, sizeLots: number | undefined): IntentRefusal | null {
  if (sizeLots === undefined) return null;
  const orders = account.openOrders;
  const index = orders.indexOf(orderId);
  if (index < 0 || sizeLots <= orders.sizeLotsAt(index)) return null;
  return positionRefusal(account, orders.sideAt(index), sizeLots - orders.sizeLotsAt(index));
}
