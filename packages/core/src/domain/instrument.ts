/**
 * A tradable instrument. Tick and lot sizes are decimal strings so they are exact; inside the
 * book every price is an integer number of ticks and every size an integer number of lots.
 */
export interface Instrument {
  readonly symbol: string;
  /** Smallest price increment, e.g. "0.01". */
  readonly tickSize: string;
  /** Smallest size increment, e.g. "0.0001". */
  readonly lotSize: string;
}

/** The seed's market: BTC/USD with cent ticks and 0.0001 BTC lots. */
export const BTC_USD: Instrument = Object.freeze({ symbol: 'BTC/USD', tickSize: '0.01', lotSize: '0.0001' });
