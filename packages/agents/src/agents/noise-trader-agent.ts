import type { AgentAccountView, AgentContext, AgentDecision, BookSnapshot, MarketData, OrderIntent, Side } from '@marksim/core';
import { BaseAgent, sizeOptionToLots } from './base-agent.js';
import type { BaseAgentOptions } from './base-agent.js';
import { numberOption } from './option-checks.js';

/** NoiseTraderAgent settings; sizes in instrument units (BTC), offsets as fractions of price. */
export interface NoiseTraderOptions extends BaseAgentOptions {
  /** Chance of sending an order at a wake-up. Default 0.05. */
  readonly tradeProbability?: number;
  /** Largest order size. Default 2.0. */
  readonly maxSize?: number;
  /** Smallest order size; sizes are log-uniform between min and max (many small, few large). Default 0.01. */
  readonly minSize?: number;
  /** Share of orders sent as market orders; the rest are limit orders. Default 0.3. */
  readonly marketOrderProbability?: number;
  /** Mean distance of a limit order from the mid, behind the touch (exponential). Default 0.0003 (0.03 %). */
  readonly limitOffsetMean?: number;
  /** A resting order older than this (simulated µs) is cancelled at the next wake-up. Default 60 s. */
  readonly orderLifetimeUs?: number;
  /** |position| limit. Default 50. */
  readonly maxPosition?: number;
}

/** The seed's noise-trader parameters plus the order-placement ones this implementation needs. */
export const DEFAULT_NOISE_TRADER_OPTIONS = Object.freeze({
  tradeProbability: 0.05,
  maxSize: 2.0,
  minSize: 0.01,
  marketOrderProbability: 0.3,
  limitOffsetMean: 0.0003,
  orderLifetimeUs: 60_000_000,
  maxPosition: 50,
});

/**
 * Trades at random: with `tradeProbability` per wake-up it buys or sells (fair coin) a
 * log-uniform size, by market order or by a limit order an exponential distance behind the
 * mid. It cancels its limit orders once they are older than `orderLifetimeUs`.
 */
export class NoiseTraderAgent extends BaseAgent {
  readonly tradeProbability: number;
  readonly maxSize: number;
  readonly minSize: number;
  readonly marketOrderProbability: number;
  readonly limitOffsetMean: number;
  readonly orderLifetimeUs: number;
  readonly maxPosition: number;
  private minLots = 0;
  /** `limits.maxPositionLots`, kept on the agent: with thousands of agents the limits object is one more cold read per order. */
  private maxPositionLots = Number.POSITIVE_INFINITY;
  private logSizeRange = 0;
  /**
   * When the oldest open limit order expires (Infinity when there is none). Most wake-ups are
   * idle; checking this one number spares them the account, which matters with thousands of
   * agents whose state is no longer in cache.
   */
  private nextExpiryUs = Number.POSITIVE_INFINITY;
  /**
   * Send time of the youngest order already cancelled: its cancel is still travelling, so the
   * order stays open in the account until the cancel arrives and must not be cancelled twice.
   */
  private cancelledThroughUs = Number.NEGATIVE_INFINITY;
  /** skipWakeup already drew this wake-up's trade draw, and it said trade. */
  private tradeDrawn = false;

  constructor(id: string, options: NoiseTraderOptions = {}) {
    super(id, options);
    const d = DEFAULT_NOISE_TRADER_OPTIONS;
    const positive = { min: 0, max: Infinity, minExclusive: true };
    this.tradeProbability = numberOption(options.tradeProbability, d.tradeProbability, 'NoiseTraderAgent.tradeProbability', { min: 0, max: 1 });
    this.maxSize = numberOption(options.maxSize, d.maxSize, 'NoiseTraderAgent.maxSize', positive);
    this.minSize = numberOption(options.minSize, Math.min(d.minSize, this.maxSize), 'NoiseTraderAgent.minSize', { min: 0, max: this.maxSize, minExclusive: true });
    this.marketOrderProbability = numberOption(options.marketOrderProbability, d.marketOrderProbability, 'NoiseTraderAgent.marketOrderProbability', { min: 0, max: 1 });
    this.limitOffsetMean = numberOption(options.limitOffsetMean, d.limitOffsetMean, 'NoiseTraderAgent.limitOffsetMean', { min: 0, max: 0.5 });
    this.orderLifetimeUs = numberOption(options.orderLifetimeUs, d.orderLifetimeUs, 'NoiseTraderAgent.orderLifetimeUs', positive);
    this.maxPosition = numberOption(options.maxPosition, d.maxPosition, 'NoiseTraderAgent.maxPosition', positive);
  }

  protected override reset(context: AgentContext): void {
    this.minLots = sizeOptionToLots(context.units, this.minSize, 'NoiseTraderAgent.minSize');
    const maxLots = sizeOptionToLots(context.units, this.maxSize, 'NoiseTraderAgent.maxSize');
    this.logSizeRange = Math.log(maxLots / this.minLots);
    this.maxPositionLots = sizeOptionToLots(context.units, this.maxPosition, 'NoiseTraderAgent.maxPosition');
    this.limits = { maxPositionLots: this.maxPositionLots };
    this.nextExpiryUs = Number.POSITIVE_INFINITY;
    this.cancelledThroughUs = Number.NEGATIVE_INFINITY;
    this.tradeDrawn = false;
  }

  /**
   * Sits out a wake-up at `timeUs` when no queued order expires by then and the trade draw says
   * no: the same draw decide would make, so a run that skips gives the same orders as one that
   * wakes the agent every time. Fills in between change neither.
   */
  skipWakeup(timeUs: number): boolean {
    if (timeUs >= this.nextExpiryUs) return false;
    if (this.random.next() >= this.tradeProbability) return true;
    this.tradeDrawn = true;
    return false;
  }

  protected decide(marketData: MarketData, book: BookSnapshot, account: AgentAccountView): AgentDecision {
    let intents: OrderIntent[] | undefined;
    // Before the oldest open order expires there is nothing to cancel: orders sent later are younger.
    if (marketData.timeUs >= this.nextExpiryUs) intents = this.cancelExpired(marketData.timeUs, account);
    const trades = this.tradeDrawn || this.random.next() < this.tradeProbability;
    this.tradeDrawn = false;
    if (!trades) return intents;
    const side: Side = this.random.next() < 0.5 ? 'buy' : 'sell';
    const sizeLots = Math.round(this.minLots * Math.exp(this.random.next() * this.logSizeRange));
    // Stay inside the position limit rather than being refused: trade the room that is left.
    const limitLots = this.maxPositionLots;
    const roomLots =
      side === 'buy' ? limitLots - account.positionLots - account.openBuyLots : limitLots + account.positionLots - account.openSellLots;
    const lots = Math.min(sizeLots, roomLots);
    if (lots < 1) return intents;
    let order: OrderIntent;
    if (this.random.next() < this.marketOrderProbability) {
      order = this.marketOrder(side, lots);
    } else {
      const referenceTicks = this.referencePriceTicks(book);
      const offsetTicks = -Math.log(1 - this.random.next()) * this.limitOffsetMean * referenceTicks;
      const priceTicks = Math.max(1, Math.round(side === 'buy' ? referenceTicks - offsetTicks : referenceTicks + offsetTicks));
      const limit = this.limitOrder(side, priceTicks, lots);
      if (this.nextExpiryUs === Number.POSITIVE_INFINITY) this.nextExpiryUs = marketData.timeUs + this.orderLifetimeUs;
      order = limit;
    }
    // A literal when it is the only intent: `[]` + push would reserve 17 slots for it.
    if (intents === undefined) return [order];
    intents.push(order);
    return intents;
  }

  /**
   * Cancels open limit orders older than `orderLifetimeUs`. The account lists open orders in
   * sending order, so the first young one ends the scan. It is the only record of them the agent
   * reads: a queue of its own, with thousands of agents, was several more cold objects per order.
   */
  private cancelExpired(timeUs: number, account: AgentAccountView): OrderIntent[] | undefined {
    let intents: OrderIntent[] | undefined;
    let nextExpiryUs = Number.POSITIVE_INFINITY;
    const orders = account.openOrders;
    for (let i = 0; i < orders.size; i++) {
      const sentUs = orders.sentUsAt(i);
      if (orders.orderTypeAt(i) !== 'limit' || sentUs <= this.cancelledThroughUs) continue;
      if (timeUs - sentUs < this.orderLifetimeUs) {
        nextExpiryUs = sentUs + this.orderLifetimeUs;
        break;
      }
      this.cancelledThroughUs = sentUs;
      const cancel = this.cancelOrder(orders.idAt(i));
      if (intents === undefined) intents = [cancel];
      else intents.push(cancel);
    }
    this.nextExpiryUs = nextExpiryUs;
    return intents;
  }
}
