// The agent contract: what a trading agent sees and what it may answer. Agents never touch the
// book; they read an immutable snapshot and reply with intents, which reach the book after the
// agent's latency, in simulated time.
import type { BookEvent, RejectCode, TradeEvent } from '../domain/events.js';
import type { Side, TimeInForce } from '../domain/order.js';
import type { Ticker } from '../domain/market-data.js';
import type { Instrument } from '../domain/instrument.js';
import type { SeededRandom } from '../random/seeded-random.js';
import type { DecimalUnits } from '../units/decimal-units.js';
import type { BookSnapshot } from '../book/book-snapshot.js';
import type { AgentAccountView } from './agent-account.js';
import type { AgentLimits } from './agent-limits.js';
import type { LatencyModel, WakeupModel } from './arrival-models.js';

/** Place an order. Prices in ticks, sizes in lots (see DecimalUnits for conversions). */
export interface NewOrderIntent {
  readonly type: 'new';
  readonly side: Side;
  /** Default `limit`. A market order takes whatever the other side offers. */
  readonly orderType?: 'limit' | 'market';
  /** Required for limit orders; ignored for market orders. */
  readonly priceTicks?: number;
  readonly sizeLots: number;
  /** Default `gtc`. */
  readonly timeInForce?: TimeInForce;
  /** Default false: refuse to take liquidity. */
  readonly postOnly?: boolean;
  /**
   * The order id in the book, unique across the market. When omitted the simulation assigns
   * `<agentId>-<n>`; set it yourself (e.g. with BaseAgent.nextOrderId) to cancel it later.
   */
  readonly orderId?: string;
}

/** Cancel one of the agent's own open orders. */
export interface CancelIntent {
  readonly type: 'cancel';
  readonly orderId: string;
}

/** Change price and/or size of one of the agent's own open orders (size down keeps priority). */
export interface ModifyIntent {
  readonly type: 'modify';
  readonly orderId: string;
  readonly priceTicks?: number;
  readonly sizeLots?: number;
}

/** What an agent may ask for. */
export type OrderIntent = NewOrderIntent | CancelIntent | ModifyIntent;

/** An agent's answer to a wake-up: intents in the order they should reach the book, or nothing. */
export type AgentDecision = readonly OrderIntent[] | undefined | void;

/** The market as an agent sees it at a wake-up: the latest ticker and the most recent trades. */
export interface MarketData {
  /** Simulated time of the wake-up, µs since the Unix epoch. */
  readonly timeUs: number;
  readonly ticker: Ticker;
  /** Most recent trades, oldest first (bounded; see MarketSimulationOptions.recentTradesLimit). */
  readonly recentTrades: readonly TradeEvent[];
}

/** One fill of one of the agent's orders (its share of a trade). */
export interface Fill {
  readonly orderId: string;
  readonly tradeId: number;
  readonly side: Side;
  readonly priceTicks: number;
  readonly sizeLots: number;
  /** `maker` when the agent's order was resting, `taker` when it came in and crossed. */
  readonly liquidity: 'maker' | 'taker';
  readonly timeUs: number;
}

/**
 * An intent the simulation refused before it reached the book (agent limits, unknown own
 * order). It has no book sequence number because the book never saw it.
 */
export interface AgentRejectedEvent {
  readonly type: 'rejected';
  readonly source: 'agent-limits';
  readonly symbol: string;
  readonly timeUs: number;
  readonly orderId: string;
  readonly ownerId: string;
  readonly command: 'new' | 'cancel' | 'modify';
  readonly code: RejectCode;
  readonly message: string;
}

/** Everything an agent hears about its own orders: book events that name it, and pre-book rejections. */
export type AgentEvent = BookEvent | AgentRejectedEvent;

/** What the simulation hands an agent when a run starts (and again after each reset). */
export interface AgentContext {
  /** The agent's own random stream, derived from (simulation seed, agent id) only. */
  readonly random: SeededRandom;
  readonly instrument: Instrument;
  /** Tick/lot conversions for this instrument. */
  readonly units: DecimalUnits;
  /** Simulated start of the run, µs since the Unix epoch. */
  readonly startTimeUs: number;
  /** The simulation's `initialPrice` in ticks: a reference before the first trade. */
  readonly initialPriceTicks: number;
}

/**
 * A trading agent. Only `id` and `generateOrders` are required. `generateOrders` may be async;
 * its wall time is bounded by the simulation's decision timeout, and in fast-forward mode the
 * simulation waits for it, so async agents stay deterministic.
 */
export interface Agent {
  /** Unique within the simulation; also the `ownerId` of the agent's orders. */
  readonly id: string;
  /**
   * Called at each wake-up with the market, an immutable book snapshot and a read-only view of
   * the agent's own account.
   */
  generateOrders(
    marketData: MarketData,
    book: BookSnapshot,
    account: AgentAccountView,
  ): AgentDecision | Promise<AgentDecision>;
  /**
   * Called when a run starts and after each reset, before the first wake-up: take your random
   * stream here and clear any state from a previous run.
   */
  onStart?(context: AgentContext): void;
  /** Called for each fill of the agent's orders, after its account was updated. */
  onFill?(fill: Fill, account: AgentAccountView): void;
  /** Called for each event about the agent's own orders (including fills and rejections). */
  onEvent?(event: AgentEvent, account: AgentAccountView): void;
  /**
   * Optional fast path for agents that do nothing at most wake-ups. Right after each finished
   * decision the simulation asks about the agent's next wake-up time, then the one after, and so
   * on: answer true to sit that wake-up out, exactly as if generateOrders had been called then and
   * returned nothing. The agent may draw from its own stream to answer (the draw it would have
   * made at that wake-up). Answer true only when nothing it could hear before then (fills, events,
   * the market) would change the answer. A skipped wake-up counts as a wake-up and a decision.
   * A wake-up past the target of the current runUntil/runFor is asked when it falls due instead,
   * so running in many short pieces wakes the agent no more often than one long run.
   */
  skipWakeup?(timeUs: number): boolean;
  /** When the agent wakes; defaults to the simulation's fixed `agentWakeupIntervalUs`. */
  readonly wakeup?: WakeupModel;
  /** How long its intents take to reach the book; defaults to the simulation's latency. */
  readonly latency?: LatencyModel;
  /** Risk limits checked before an intent reaches the book; defaults to the simulation's. */
  readonly limits?: Partial<AgentLimits>;
}
