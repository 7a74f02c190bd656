import type {
  Agent,
  AgentAccountView,
  AgentContext,
  AgentDecision,
  AgentLimits,
  BookSnapshot,
  CancelIntent,
  DecimalUnits,
  LatencyModel,
  MarketData,
  ModifyIntent,
  NewOrderIntent,
  SeededRandom,
  Side,
  WakeupModel,
} from '@marksim/core';
import { internedString, orderIdOf } from '@marksim/core';
import { agentsError } from '../errors.js';

/** Scheduling and limits every built-in agent accepts. */
export interface BaseAgentOptions {
  /** When the agent wakes; default: the simulation's fixed interval. */
  readonly wakeup?: WakeupModel;
  /** How long its intents travel to the book; default: the simulation's latency. */
  readonly latency?: LatencyModel;
}

/**
 * A convenient base for agents: keeps the run context (random stream, units), numbers order ids
 * (`<id>-<n>`, unique across the market when agent ids are) and builds intents.
 * Subclasses implement `decide` and may override `reset` to clear state between runs.
 */
export abstract class BaseAgent implements Agent {
  readonly id: string;
  readonly wakeup?: WakeupModel;
  readonly latency?: LatencyModel;
  /** Set by subclasses in `reset`, where the instrument (and so the lot size) is known. */
  limits?: Partial<AgentLimits>;
  #context: AgentContext | undefined;
  /** The context's stream, held directly: one object fewer to reach at every decision. */
  #random: SeededRandom | undefined;
  #orderCount = 0;

  protected constructor(id: string, options: BaseAgentOptions = {}) {
    if (typeof id !== 'string' || id.length === 0) {
      throw agentsError('INVALID_CONFIG', `agent id must be a non-empty string (got ${String(id)})`);
    }
    // Interned: every order id is built from it, and thousands of agents' ids then sit together.
    this.id = internedString(id);
    if (options.wakeup !== undefined) this.wakeup = options.wakeup;
    if (options.latency !== undefined) this.latency = options.latency;
  }

  /** The current run's context; throws when the agent was never started by a simulation. */
  protected get context(): AgentContext {
    if (this.#context === undefined) {
      throw agentsError('INVALID_CONFIG', `agent ${this.id} has not been started: add it to a MarketSimulation`);
    }
    return this.#context;
  }

  /** The agent's own random stream for this run. */
  protected get random(): SeededRandom {
    return this.#random ?? this.context.random;
  }

  protected get units(): DecimalUnits {
    return this.context.units;
  }

  onStart(context: AgentContext): void {
    this.#context = context;
    this.#random = context.random;
    this.#orderCount = 0;
    this.reset(context);
  }

  /** Clears per-run state; called at each start. Override to convert sizes and set limits. */
  protected reset(_context: AgentContext): void {}

  generateOrders(marketData: MarketData, book: BookSnapshot, account: AgentAccountView): AgentDecision | Promise<AgentDecision> {
    return this.decide(marketData, book, account);
  }

  /** The strategy: look at the market and answer with intents (or nothing). */
  protected abstract decide(
    marketData: MarketData,
    book: BookSnapshot,
    account: AgentAccountView,
  ): AgentDecision | Promise<AgentDecision>;

  /** A fresh order id, `<agent id>-<n>`. */
  nextOrderId(): string {
    this.#orderCount++;
    return orderIdOf(this.id, '-', this.#orderCount);
  }

  /** A GTC limit order with a fresh id. */
  protected limitOrder(side: Side, priceTicks: number, sizeLots: number): NewOrderIntent {
    return { type: 'new', side, orderType: 'limit', priceTicks, sizeLots, orderId: this.nextOrderId() };
  }

  /** A market order with a fresh id. */
  protected marketOrder(side: Side, sizeLots: number): NewOrderIntent {
    return { type: 'new', side, orderType: 'market', sizeLots, orderId: this.nextOrderId() };
  }

  protected cancelOrder(orderId: string): CancelIntent {
    return { type: 'cancel', orderId };
  }

  protected modifyOrder(orderId: string, priceTicks: number, sizeLots?: number): ModifyIntent {
    return sizeLots === undefined ? { type: 'modify', orderId, priceTicks } : { type: 'modify', orderId, priceTicks, sizeLots };
  }

  /**
   * The price an agent anchors on, in ticks: the book's mid when both sides have orders, else
   * the last trade, else the simulation's initial price.
   */
  protected referencePriceTicks(book: BookSnapshot): number {
    const mid = book.midTicks;
    if (mid !== undefined) return mid;
    if (book.lastTradePriceTicks > 0) return book.lastTradePriceTicks;
    return this.context.initialPriceTicks;
  }
}

/** Converts a decimal size option (e.g. 0.5 BTC) to lots, refusing values that round to 0. */
export function sizeOptionToLots(units: DecimalUnits, size: number, field: string): number {
  const lots = units.roundSizeToLots(size);
  if (!(Number.isFinite(size) && lots >= 1)) {
    throw agentsError('INVALID_CONFIG', `${field} must be at least one lot (${units.lotsToSize(1)}) (got ${size})`);
  }
  return lots;
}
