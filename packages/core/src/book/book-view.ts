import type { BookLevel, RestingOrderView } from '../domain/market-data.js';
import type { Side } from '../domain/order.js';
import type { BookSnapshot } from './book-snapshot.js';

/** Both sides' top levels, best first: bids descending, asks ascending. */
export interface BookDepth {
  readonly bids: readonly BookLevel[];
  readonly asks: readonly BookLevel[];
}

/** L2 queries, answered alike by the live book and by a snapshot. Prices in ticks, sizes in lots. */
export interface BookLevelsView {
  readonly symbol: string;
  /** Sequence number of the last event the book reflects (0 before the first command). */
  readonly seq: number;
  /** Simulated time of the last command the book reflects, in µs. */
  readonly timeUs: number;
  readonly bestBid: BookLevel | undefined;
  readonly bestAsk: BookLevel | undefined;
  /** bestAsk − bestBid in ticks; undefined unless both sides have orders. */
  readonly spreadTicks: number | undefined;
  /** (bestBid + bestAsk) / 2 in ticks (may end in .5); undefined unless both sides have orders. */
  readonly midTicks: number | undefined;
  /** Price of the last trade, 0 until the first trade. */
  readonly lastTradePriceTicks: number;
  /** Trades since the engine started. */
  readonly tradeCount: number;
  readonly bidLevelCount: number;
  readonly askLevelCount: number;
  /** Top `maxLevels` levels of each side (all levels when omitted). */
  depth(maxLevels?: number): BookDepth;
  /** Top `maxLevels` levels of one side, best first (all levels when omitted). */
  levels(side: Side, maxLevels?: number): BookLevel[];
  /** Total resting size at one price of one side, 0 when there is no level. */
  volumeAtPrice(side: Side, priceTicks: number): number;
}

/** The live book as the engine's users see it: L2 and L3 queries, no mutation. */
export interface BookView extends BookLevelsView {
  /** Resting orders on both sides. */
  readonly orderCount: number;
  /** A copy of one resting order, or undefined when it is not resting. */
  order(orderId: string): RestingOrderView | undefined;
  /** L3: copies of the resting orders of one side in priority order, from the top `maxLevels` levels. */
  orders(side: Side, maxLevels?: number): RestingOrderView[];
  /** An O(1) read-only view of the book now that never changes afterwards (the same object until the book changes). */
  snapshot(): BookSnapshot;
}
