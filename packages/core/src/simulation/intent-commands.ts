// Turns an agent's intents into book commands when they reach the book.
import type { OrderIntent } from '../agent/agent.js';
import type { OrderCommand, SelfTradePrevention } from '../domain/order.js';

/** The book command for `intent`, sent by `ownerId` under id `orderId`, reaching the book at `timeUs`. */
export function intentToCommand(
  intent: OrderIntent,
  orderId: string,
  ownerId: string,
  timeUs: number,
  selfTradePrevention: SelfTradePrevention,
): OrderCommand {
  if (intent.type === 'new') {
    const orderType = intent.orderType ?? 'limit';
    return {
      type: 'new',
      orderId,
      ownerId,
      side: intent.side,
      orderType,
      priceTicks: orderType === 'market' ? 0 : (intent.priceTicks as number),
      sizeLots: intent.sizeLots,
      // A market order never rests: whatever it cannot take is cancelled.
      timeInForce: intent.timeInForce ?? (orderType === 'market' ? 'ioc' : 'gtc'),
      postOnly: intent.postOnly ?? false,
      selfTradePrevention,
      timeUs,
    };
  }
  if (intent.type === 'cancel') return { type: 'cancel', orderId, ownerId, timeUs };
  return { type: 'modify', orderId, ownerId, priceTicks: intent.priceTicks, sizeLots: intent.sizeLots, timeUs };
}

/** true when `value` looks like an intent (checked before anything else reads it: agents are user code). */
export function isIntent(value: unknown): value is OrderIntent {
  if (value === null || typeof value !== 'object') return false;
  const type = (value as { type?: unknown }).type;
  if (type === 'new') return true;
  return (type === 'cancel' || type === 'modify') && typeof (value as { orderId?: unknown }).orderId === 'string';
}
