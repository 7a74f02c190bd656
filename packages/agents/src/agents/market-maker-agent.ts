import type { AgentAccountView, AgentContext, AgentDecision, BookSnapshot, MarketData, OpenOrdersView, OpenOrderView, OrderIntent, Side } from '@marksim/core';
import { BaseAgent, sizeOptionToLots } from './base-agent.js';
import type { BaseAgentOptions } from './base-agent.js';
import { numberOption } from './option-checks.js';

/** MarketMakerAgent settings; sizes in instrument units (BTC), spread as a fraction of price. */
export interface MarketMakerOptions extends BaseAgentOptions {
  /** Quoted spread, bid to ask, as a fraction of the reference price. Default 0.005 (0.5 %). */
  readonly spread?: number;
  /** Size of each quote. Default 0.5. */
  readonly orderSize?: number;
  /** |position| never exceeds this. Default 10. */
  readonly maxPosition?: number;
  /**
   * How far quotes lean against inventory, in half-spreads at full position: at +maxPosition
   * both quotes move down by skew × spread / 2. Default 1.
   */
  readonly inventorySkew?: number;
  /** Re-quote only when the wanted price is this fraction of price away from the quote. Default 0.0002. */
  readonly requoteThreshold?: number;
}

/** The seed's market maker parameters. */
export const DEFAULT_MARKET_MAKER_OPTIONS = Object.freeze({
  spread: 0.005,
  orderSize: 0.5,
  maxPosition: 10,
  inventorySkew: 1,
  requoteThreshold: 0.0002,
});

/** What a quote's requote needs of it. */
type Quote = Pick<OpenOrderView, 'orderId' | 'priceTicks' | 'sizeLots' | 'state'>;

/**
 * The market maker's copy of one of its quotes, refreshed only when its account moved on
 * (AgentAccountView.version). Nearly every wake-up leaves the quotes as they are; reading the
 * copy spares it the account's order records, which with thousands of agents are cold.
 */
class QuoteCopy implements Quote {
  present = false;
  orderId = '';
  priceTicks = 0;
  sizeLots = 0;
  state: 'pending' | 'resting' = 'pending';

  copy(orders: OpenOrdersView, index: number): void {
    this.present = true;
    this.orderId = orders.idAt(index);
    this.priceTicks = orders.priceTicksAt(index);
    this.sizeLots = orders.sizeLotsAt(index);
    this.state = orders.stateAt(index);
  }
}

/**
 * Quotes both sides around the mid of everyone else's orders (its own quotes excluded, so it
 * does not chase itself), leans against its inventory, keeps |position| ≤ maxPosition even if
 * every quote filled, and moves its quotes with `modify` (a new order only when a quote is gone).
 */
export class MarketMakerAgent extends BaseAgent {
  readonly spread: number;
  readonly orderSize: number;
  readonly maxPosition: number;
  readonly inventorySkew: number;
  readonly requoteThreshold: number;
  private orderSizeLots = 0;
  private maxPositionLots = 0;
  /** Account version the quote copies were taken at (-1: never). */
  private quotesVersion = -1;
  private readonly bid = new QuoteCopy();
  private readonly ask = new QuoteCopy();
  /** Open orders beyond one per side (e.g. left over by a race): cancelled at each wake-up until gone. */
  private extraOrderIds: string[] = [];

  constructor(id: string, options: MarketMakerOptions = {}) {
    super(id, options);
    const d = DEFAULT_MARKET_MAKER_OPTIONS;
    this.spread = numberOption(options.spread, d.spread, 'MarketMakerAgent.spread', { min: 0, max: 1, minExclusive: true });
    this.orderSize = numberOption(options.orderSize, d.orderSize, 'MarketMakerAgent.orderSize', { min: 0, max: Infinity, minExclusive: true });
    this.maxPosition = numberOption(options.maxPosition, d.maxPosition, 'MarketMakerAgent.maxPosition', { min: 0, max: Infinity, minExclusive: true });
    this.inventorySkew = numberOption(options.inventorySkew, d.inventorySkew, 'MarketMakerAgent.inventorySkew', { min: 0, max: 10 });
    this.requoteThreshold = numberOption(options.requoteThreshold, d.requoteThreshold, 'MarketMakerAgent.requoteThreshold', { min: 0, max: 1 });
  }

  protected override reset(context: AgentContext): void {
    this.orderSizeLots = sizeOptionToLots(context.units, this.orderSize, 'MarketMakerAgent.orderSize');
    this.maxPositionLots = sizeOptionToLots(context.units, this.maxPosition, 'MarketMakerAgent.maxPosition');
    this.limits = { maxPositionLots: this.maxPositionLots };
    this.quotesVersion = -1;
  }

  protected decide(_marketData: MarketData, book: BookSnapshot, account: AgentAccountView): AgentDecision {
    if (account.version !== this.quotesVersion) this.copyQuotes(account);
    const bidQuote = this.bid.present ? this.bid : undefined;
    const askQuote = this.ask.present ? this.ask : undefined;
    const intents: OrderIntent[] = [];
    for (const orderId of this.extraOrderIds) intents.push(this.cancelOrder(orderId));
    const referenceTicks = this.othersMidTicks(book, bidQuote, askQuote);
    const inventory = account.positionLots / this.maxPositionLots;
    const halfSpreadTicks = (referenceTicks * this.spread) / 2;
    const centreTicks = referenceTicks - inventory * this.inventorySkew * halfSpreadTicks;
    const bidTicks = Math.max(1, Math.floor(centreTicks - halfSpreadTicks));
    const askTicks = Math.max(bidTicks + 1, Math.ceil(centreTicks + halfSpreadTicks));
    // Worst case if every quote filled: position + bid size ≤ max, and likewise for the ask.
    const bidLots = Math.min(this.orderSizeLots, this.maxPositionLots - account.positionLots);
    const askLots = Math.min(this.orderSizeLots, this.maxPositionLots + account.positionLots);
    const thresholdTicks = referenceTicks * this.requoteThreshold;
    this.requote(intents, 'buy', bidQuote, bidTicks, bidLots, thresholdTicks);
    this.requote(intents, 'sell', askQuote, askTicks, askLots, thresholdTicks);
    return intents;
  }

  /** One quote per side, the oldest; anything extra is to be cancelled. */
  private copyQuotes(account: AgentAccountView): void {
    this.quotesVersion = account.version;
    this.bid.present = false;
    this.ask.present = false;
    this.extraOrderIds = [];
    const orders = account.openOrders;
    for (let i = 0; i < orders.size; i++) {
      const side = orders.sideAt(i);
      if (side === 'buy' && !this.bid.present) this.bid.copy(orders, i);
      else if (side === 'sell' && !this.ask.present) this.ask.copy(orders, i);
      else this.extraOrderIds.push(orders.idAt(i));
    }
  }

  private requote(
    intents: OrderIntent[],
    side: Side,
    quote: Quote | undefined,
    priceTicks: number,
    sizeLots: number,
    thresholdTicks: number,
  ): void {
    if (sizeLots <= 0) {
      if (quote !== undefined) intents.push(this.cancelOrder(quote.orderId));
      return;
    }
    if (quote === undefined) {
      intents.push(this.limitOrder(side, priceTicks, sizeLots));
      return;
    }
    if (quote.state === 'pending') return;
    const priceMoved = Math.abs(quote.priceTicks - priceTicks) > thresholdTicks;
    // Only grow the size back together with a price move: growing alone would lose priority.
    if (priceMoved) intents.push(this.modifyOrder(quote.orderId, priceTicks, sizeLots));
    else if (quote.sizeLots > sizeLots) intents.push(this.modifyOrder(quote.orderId, quote.priceTicks, sizeLots));
  }

  /**
   * Mid of the best bid and ask left after removing this agent's own quotes; falls back to the
   * last trade, then to the initial price, when the others leave a side empty.
   */
  private othersMidTicks(book: BookSnapshot, bidQuote: Quote | undefined, askQuote: Quote | undefined): number {
    const bidTicks = othersBestTicks(book, 'buy', bidQuote);
    const askTicks = othersBestTicks(book, 'sell', askQuote);
    if (bidTicks > 0 && askTicks > 0 && bidTicks < askTicks) return (bidTicks + askTicks) / 2;
    if (book.lastTradePriceTicks > 0) return book.lastTradePriceTicks;
    return this.context.initialPriceTicks;
  }
}

/** Best price of `side` once `own` (a resting quote) is taken out; 0 when nothing else rests there. */
function othersBestTicks(book: BookSnapshot, side: Side, own: Quote | undefined): number {
  // Usually the best level holds others' orders too: answer from it without listing levels.
  const best = side === 'buy' ? book.bestBid : book.bestAsk;
  if (best === undefined) return 0;
  if (best.sizeLots > ownRestingLotsAt(own, best.priceTicks)) return best.priceTicks;
  const levels = book.levels(side, 2);
  for (const level of levels) {
    if (level.sizeLots > ownRestingLotsAt(own, level.priceTicks)) return level.priceTicks;
  }
  return 0;
}

/** Lots of `own` resting at `priceTicks` (0 when it is elsewhere, still pending, or absent). */
function ownRestingLotsAt(own: Quote | undefined, priceTicks: number): number {
  return own !== undefined && own.state === 'resting' && own.priceTicks === priceTicks ? own.sizeLots : 0;
}
