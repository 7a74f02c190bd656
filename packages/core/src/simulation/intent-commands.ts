// Turns an agent's intents into book commands when they reach the book, and recognises intents.
import type { OrderIntent } from '../agent/agent.js';
import type { CancelCommand, ModifyCommand, NewOrderCommand, OrderCommand, SelfTradePrevention } from '../domain/order.js';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Turns intents into book commands in three reused objects, one per command type: the engine
 * keeps no command (see MatchingEngine.processTo), so an order needs no command object of its own.
 */
export class CommandScratch {
  private readonly newOrder: Writable<NewOrderCommand> = {
    type: 'new',
    orderId: '',
    ownerId: '',
    side: 'buy',
    orderType: 'limit',
    priceTicks: 0,
    sizeLots: 0,
    timeInForce: 'gtc',
    postOnly: false,
    selfTradePrevention: 'none',
    timeUs: 0,
  };
  private readonly cancelOrder: Writable<CancelCommand> = { type: 'cancel', orderId: '', ownerId: '', timeUs: 0 };
  private readonly modifyOrder: Writable<ModifyCommand> = { type: 'modify', orderId: '', ownerId: '', priceTicks: 0, sizeLots: 0, timeUs: 0 };

  /**
   * The book command for `intent`, sent by `ownerId` under id `orderId`, reaching the book at
   * `timeUs`. The object is rewritten by the next call: hand it to the engine and let it go.
   */
  toCommand(intent: OrderIntent, orderId: string, ownerId: string, timeUs: number, selfTradePrevention: SelfTradePrevention): OrderCommand {
    if (intent.type === 'new') {
      const command = this.newOrder;
      const orderType = intent.orderType ?? 'limit';
      command.orderId = orderId;
      command.ownerId = ownerId;
      command.side = intent.side;
      command.orderType = orderType;
      command.priceTicks = orderType === 'market' ? 0 : (intent.priceTicks as number);
      command.sizeLots = intent.sizeLots;
      // A market order never rests: whatever it cannot take is cancelled.
      command.timeInForce = intent.timeInForce ?? (orderType === 'market' ? 'ioc' : 'gtc');
      command.postOnly = intent.postOnly ?? false;
      command.selfTradePrevention = selfTradePrevention;
      command.timeUs = timeUs;
      return command;
    }
    if (intent.type === 'cancel') {
      const command = this.cancelOrder;
      command.orderId = orderId;
      command.ownerId = ownerId;
      command.timeUs = timeUs;
      return command;
    }
    const command = this.modifyOrder;
    command.orderId = orderId;
    command.ownerId = ownerId;
    command.priceTicks = intent.priceTicks;
    command.sizeLots = intent.sizeLots;
    command.timeUs = timeUs;
    return command;
  }
}

/** true when `value` looks like an intent (checked before anything else reads it: agents are user code). */
export function isIntent(value: unknown): value is OrderIntent {
  if (value === null || typeof value !== 'object') return false;
  const type = (value as { type?: unknown }).type;
  if (type === 'new') return true;
  return (type === 'cancel' || type === 'modify') && typeof (value as { orderId?: unknown }).orderId === 'string';
}
