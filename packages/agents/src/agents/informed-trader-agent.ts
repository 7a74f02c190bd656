import type { AgentAccountView, AgentContext, AgentDecision, BookSnapshot, MarketData, OrderIntent } from '@marksim/core';
import type { FundamentalValue } from '../fundamental/fundamental-value.js';
import { BaseAgent, sizeOptionToLots } from './base-agent.js';
import type { BaseAgentOptions } from './base-agent.js';
import { numberOption } from './option-checks.js';

/** InformedTraderAgent settings; sizes in instrument units, noise and thresholds as fractions of price. */
export interface InformedTraderOptions extends BaseAgentOptions {
  /** The fundamental value it observes. */
  readonly fundamental: FundamentalValue;
  /** Standard deviation of its observation error, as a fraction of the value. Default 0.0001. */
  readonly observationNoise?: number;
  /** Trades only when |observed − mid| / mid exceeds this. Default 0.0003 (0.03 %). */
  readonly threshold?: number;
  /** Largest order size, reached at a mispricing of 3 × threshold. Default 1.0. */
  readonly maxSize?: number;
  /** |position| limit. Default 200. */
  readonly maxPosition?: number;
  /** Share of trades sent as market orders; the rest as IOC limits at the observed value ∓ threshold. Default 0.1. */
  readonly marketOrderProbability?: number;
}

/** Defaults of the optional InformedTraderOptions. */
export const DEFAULT_INFORMED_TRADER_OPTIONS = Object.freeze({
  observationNoise: 0.0001,
  threshold: 0.0003,
  maxSize: 1.0,
  maxPosition: 200,
  marketOrderProbability: 0.1,
});

/**
 * Directional trader: at each wake-up it observes the fundamental value with noise and, when
 * the market is mispriced by more than `threshold`, trades toward the value (buys below, sells
 * above) with a size growing with the mispricing. It leaves no orders resting: its limit orders
 * are immediate-or-cancel and never cross its own estimate of value.
 */
export class InformedTraderAgent extends BaseAgent {
  readonly fundamental: FundamentalValue;
  readonly observationNoise: number;
  readonly threshold: number;
  readonly maxSize: number;
  readonly maxPosition: number;
  readonly marketOrderProbability: number;
  private maxLots = 0;
  private maxPositionLots = 0;

  constructor(id: string, options: InformedTraderOptions) {
    super(id, options);
    const d = DEFAULT_INFORMED_TRADER_OPTIONS;
    const positive = { min: 0, max: Infinity, minExclusive: true };
    this.fundamental = options.fundamental;
    this.observationNoise = numberOption(options.observationNoise, d.observationNoise, 'InformedTraderAgent.observationNoise', { min: 0, max: 1 });
    this.threshold = numberOption(options.threshold, d.threshold, 'InformedTraderAgent.threshold', { min: 0, max: 1 });
    this.maxSize = numberOption(options.maxSize, d.maxSize, 'InformedTraderAgent.maxSize', positive);
    this.maxPosition = numberOption(options.maxPosition, d.maxPosition, 'InformedTraderAgent.maxPosition', positive);
    this.marketOrderProbability = numberOption(options.marketOrderProbability, d.marketOrderProbability, 'InformedTraderAgent.marketOrderProbability', { min: 0, max: 1 });
  }

  protected override reset(context: AgentContext): void {
    this.fundamental.begin({ seed: context.random.seed, startTimeUs: context.startTimeUs, initialValueTicks: context.initialPriceTicks });
    this.maxLots = sizeOptionToLots(context.units, this.maxSize, 'InformedTraderAgent.maxSize');
    this.maxPositionLots = sizeOptionToLots(context.units, this.maxPosition, 'InformedTraderAgent.maxPosition');
    this.limits = { maxPositionLots: this.maxPositionLots };
  }

  /** What the agent believes the value is now: the fundamental times a lognormal observation error. */
  observeValueTicks(timeUs: number): number {
    return this.fundamental.valueAt(timeUs) * Math.exp(this.observationNoise * this.random.normal());
  }

  protected decide(marketData: MarketData, book: BookSnapshot, account: AgentAccountView): AgentDecision {
    const referenceTicks = this.referencePriceTicks(book);
    const observedTicks = this.observeValueTicks(marketData.timeUs);
    const mispricing = (observedTicks - referenceTicks) / referenceTicks;
    if (Math.abs(mispricing) <= this.threshold) return undefined;
    const side = mispricing > 0 ? 'buy' : 'sell';
    const strength = Math.min(1, Math.abs(mispricing) / (3 * this.threshold));
    const roomLots =
      side === 'buy'
        ? this.maxPositionLots - account.positionLots - account.openBuyLots
        : this.maxPositionLots + account.positionLots - account.openSellLots;
    const sizeLots = Math.min(Math.max(1, Math.round(this.maxLots * strength)), roomLots);
    if (sizeLots < 1) return undefined;
    // One intent, as a literal: `[]` + push would reserve 17 slots for it.
    if (this.random.next() < this.marketOrderProbability) return [this.marketOrder(side, sizeLots)];
    // Sweep whatever is mispriced by more than the threshold, and no further: an IOC limit at
    // the observed value less the threshold never pays more than it believes is a bargain.
    const limitTicks =
      side === 'buy' ? Math.floor(observedTicks * (1 - this.threshold)) : Math.ceil(observedTicks * (1 + this.threshold));
    if (limitTicks < 1) return undefined;
    return [{ type: 'new', side, orderType: 'limit', priceTicks: limitTicks, sizeLots, timeInForce: 'ioc', orderId: this.nextOrderId() }];
  }
}
