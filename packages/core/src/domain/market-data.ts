/**
 * The ticker in domain form (integer units). The wire form with snake_case keys and decimal
 * numbers belongs to @marksim/ws-server/protocol.
 */
export interface Ticker {
  readonly timeUs: number;
  readonly symbol: string;
  /** 0 until the first trade. */
  readonly lastPriceTicks: number;
  /** 0 when there is no bid. */
  readonly bidPriceTicks: number;
  /** 0 when there is no ask. */
  readonly askPriceTicks: number;
  readonly bidSizeLots: number;
  readonly askSizeLots: number;
  /** Traded size over the last 24 h of simulated time. */
  readonly volume24hLots: number;
  /** Trades since the start of the run. */
  readonly tradeCount: number;
}

/** One aggregated price level (L2). */
export interface BookLevel {
  readonly priceTicks: number;
  readonly sizeLots: number;
  readonly orderCount: number;
}

/** One resting order as seen in an L3 view. */
export interface RestingOrderView {
  readonly orderId: string;
  readonly ownerId: string;
  readonly side: 'buy' | 'sell';
  readonly priceTicks: number;
  /** Open (unfilled) size. */
  readonly sizeLots: number;
  /** Size filled so far over the order's life. */
  readonly filledLots: number;
  /** When the order took its place in the queue: entry, or the last modify that lost priority. */
  readonly timeUs: number;
}
