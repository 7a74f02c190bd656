import type { AgentAccountView, AgentContext, AgentDecision, BookSnapshot, MarketData } from '@marksim/core';
import { BaseAgent, sizeOptionToLots } from './base-agent.js';
import type { BaseAgentOptions } from './base-agent.js';
import { numberOption } from './option-checks.js';

/** MomentumTraderAgent settings; sizes in instrument units, thresholds as log returns. */
export interface MomentumTraderOptions extends BaseAgentOptions {
  /** Trend horizon: the return from this long ago to now, µs of simulated time. Default 15 min. */
  readonly lookbackUs?: number;
  /** Enters when |return over the lookback| exceeds this; exits when it falls below half of it. Default 0.003 (0.3 %). */
  readonly threshold?: number;
  /** Size of each order while building or unwinding. Default 0.1. */
  readonly orderSize?: number;
  /** Position held while a trend lasts. Default 2. */
  readonly maxPosition?: number;
}

/** Defaults of MomentumTraderOptions. */
export const DEFAULT_MOMENTUM_TRADER_OPTIONS = Object.freeze({
  lookbackUs: 900_000_000,
  threshold: 0.003,
  orderSize: 0.1,
  maxPosition: 2,
});

/** Price samples per lookback window: enough resolution, bounded memory. */
const SAMPLES_PER_LOOKBACK = 30;

/**
 * Trend follower (chartist): samples the mid, and when the return over `lookbackUs` exceeds
 * `threshold` it builds a position of `maxPosition` in the direction of the trend; once the
 * trend falls below half the threshold (hysteresis, so it does not churn on noise) it unwinds
 * to flat. Market orders of `orderSize`, one per wake-up. Its buying into rises and selling
 * into falls is what lets moves feed on themselves for a while.
 */
export class MomentumTraderAgent extends BaseAgent {
  readonly lookbackUs: number;
  readonly threshold: number;
  readonly orderSize: number;
  readonly maxPosition: number;
  private orderLots = 0;
  private maxPositionLots = 0;
  private readonly sampleIntervalUs: number;
  /** Ring of mid samples, one per sample interval, newest at `head - 1`. */
  private readonly samples = new Float64Array(SAMPLES_PER_LOOKBACK + 1);
  private head = 0;
  private count = 0;
  private nextSampleUs = 0;
  /** -1 short trend, 0 none, +1 long trend. */
  private regime = 0;

  constructor(id: string, options: MomentumTraderOptions = {}) {
    super(id, options);
    const d = DEFAULT_MOMENTUM_TRADER_OPTIONS;
    const positive = { min: 0, max: Infinity, minExclusive: true };
    this.lookbackUs = numberOption(options.lookbackUs, d.lookbackUs, 'MomentumTraderAgent.lookbackUs', { min: SAMPLES_PER_LOOKBACK, max: Infinity });
    this.threshold = numberOption(options.threshold, d.threshold, 'MomentumTraderAgent.threshold', { min: 0, max: 1, minExclusive: true });
    this.orderSize = numberOption(options.orderSize, d.orderSize, 'MomentumTraderAgent.orderSize', positive);
    this.maxPosition = numberOption(options.maxPosition, d.maxPosition, 'MomentumTraderAgent.maxPosition', positive);
    this.sampleIntervalUs = Math.floor(this.lookbackUs / SAMPLES_PER_LOOKBACK);
  }

  protected override reset(context: AgentContext): void {
    this.orderLots = sizeOptionToLots(context.units, this.orderSize, 'MomentumTraderAgent.orderSize');
    this.maxPositionLots = sizeOptionToLots(context.units, this.maxPosition, 'MomentumTraderAgent.maxPosition');
    this.limits = { maxPositionLots: this.maxPositionLots };
    this.head = 0;
    this.count = 0;
    this.nextSampleUs = context.startTimeUs;
    this.regime = 0;
  }

  /** The trend signal: log return from the oldest sample in the window to `priceTicks`, or 0 before a full window. */
  trendReturn(priceTicks: number): number {
    if (this.count < this.samples.length) return 0;
    return Math.log(priceTicks / this.samples[this.head]!);
  }

  protected decide(marketData: MarketData, book: BookSnapshot, account: AgentAccountView): AgentDecision {
    const priceTicks = this.referencePriceTicks(book);
    // Sample at most once per interval, at the first wake-up after it is due.
    if (marketData.timeUs >= this.nextSampleUs) {
      this.samples[this.head] = priceTicks;
      this.head = (this.head + 1) % this.samples.length;
      if (this.count < this.samples.length) this.count++;
      this.nextSampleUs = marketData.timeUs + this.sampleIntervalUs;
    }
    const trend = this.trendReturn(priceTicks);
    if (Math.abs(trend) > this.threshold) this.regime = Math.sign(trend);
    else if (Math.abs(trend) < this.threshold / 2 || Math.sign(trend) !== this.regime) this.regime = 0;
    const targetLots = this.regime * this.maxPositionLots;
    const gapLots = targetLots - account.positionLots - account.openBuyLots + account.openSellLots;
    if (gapLots === 0) return undefined;
    const sizeLots = Math.min(Math.abs(gapLots), this.orderLots);
    return [this.marketOrder(gapLots > 0 ? 'buy' : 'sell', sizeLots)];
  }
}
