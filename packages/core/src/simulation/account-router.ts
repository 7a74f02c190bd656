// Routes book events to the accounts and hooks of the agents they name: fills update position
// and cash, order events update open orders, and each agent hears about its own orders only.
import type { AgentEvent, Fill } from '../agent/agent.js';
import type { BookEvent, TradeEvent } from '../domain/events.js';
import type { Side } from '../domain/order.js';
import type { AgentMember } from './agent-member.js';

/** Called when an agent's onFill/onEvent hook throws; the event is still applied to its account. */
export type HookErrorHandler = (member: AgentMember, timeUs: number, hook: 'onFill' | 'onEvent', error: unknown) => void;

function opposite(side: Side): Side {
  return side === 'buy' ? 'sell' : 'buy';
}

/** Applies book events to the agents' accounts and calls their hooks. */
export class AccountRouter {
  private readonly members: ReadonlyMap<string, AgentMember>;
  private readonly onHookError: HookErrorHandler;

  constructor(members: ReadonlyMap<string, AgentMember>, onHookError: HookErrorHandler) {
    this.members = members;
    this.onHookError = onHookError;
  }

  /** Applies one book event. */
  route(event: BookEvent): void {
    switch (event.type) {
      case 'level':
        return;
      case 'trade': {
        const maker = this.members.get(event.makerOwnerId);
        if (maker !== undefined) this.fill(maker, event, event.makerOrderId, opposite(event.aggressor), 'maker');
        const taker = this.members.get(event.takerOwnerId);
        if (taker !== undefined) this.fill(taker, event, event.takerOrderId, event.aggressor, 'taker');
        return;
      }
      default: {
        const member = this.members.get(event.ownerId);
        if (member === undefined) return;
        const account = member.account;
        if (event.type === 'accepted') account.markResting(event.orderId);
        else if (event.type === 'cancelled') account.reduce(event.orderId, event.cancelledLots);
        else if (event.type === 'modified') account.modify(event.orderId, event.priceTicks, event.sizeLots);
        else if (event.type === 'done') account.remove(event.orderId);
        else if (event.type === 'rejected' && event.command === 'new') account.remove(event.orderId);
        if (member.hasOnEvent) this.notify(member, event);
      }
    }
  }

  /** Tells an agent about one of its own events (e.g. a rejection before the book). */
  notify(member: AgentMember, event: AgentEvent): void {
    try {
      member.agent.onEvent!(event, member.account);
    } catch (error) {
      this.onHookError(member, event.timeUs, 'onEvent', error);
    }
  }

  private fill(member: AgentMember, trade: TradeEvent, orderId: string, side: Side, liquidity: 'maker' | 'taker'): void {
    member.account.applyFill(orderId, side, trade.priceTicks, trade.sizeLots);
    if (member.hasOnFill) {
      const fill: Fill = {
        orderId,
        tradeId: trade.tradeId,
        side,
        priceTicks: trade.priceTicks,
        sizeLots: trade.sizeLots,
        liquidity,
        timeUs: trade.timeUs,
      };
      try {
        member.agent.onFill!(fill, member.account);
      } catch (error) {
        this.onHookError(member, trade.timeUs, 'onFill', error);
      }
    }
    // A self-trade would notify twice; the maker side already did.
    if (member.hasOnEvent && !(liquidity === 'taker' && trade.makerOwnerId === trade.takerOwnerId)) this.notify(member, trade);
  }
}
