import type { DecimalUnits, Ticker } from '@marksim/core';

/**
 * The seed's 9-field ticker as written to tickers.ndjson: snake_case keys in the seed's order,
 * decimals as JSON numbers, timestamp in µs. The feed's own wire types live in
 * @marksim/ws-server/protocol; agents may not depend on it, so the file format is defined here
 * (same fields, same encoding).
 */
export interface TickerLine {
  readonly timestamp: number;
  readonly symbol: string;
  readonly last_price: number;
  readonly bid_price: number;
  readonly ask_price: number;
  readonly bid_size: number;
  readonly ask_size: number;
  readonly volume_24h: number;
  readonly trade_count: number;
}

/** Encodes a domain ticker as the seed's wire object. */
export function tickerLine(units: DecimalUnits, ticker: Ticker): TickerLine {
  return {
    timestamp: ticker.timeUs,
    symbol: ticker.symbol,
    last_price: units.ticksToNumber(ticker.lastPriceTicks),
    bid_price: units.ticksToNumber(ticker.bidPriceTicks),
    ask_price: units.ticksToNumber(ticker.askPriceTicks),
    bid_size: units.lotsToNumber(ticker.bidSizeLots),
    ask_size: units.lotsToNumber(ticker.askSizeLots),
    volume_24h: units.lotsToNumber(ticker.volume24hLots),
    trade_count: ticker.tradeCount,
  };
}
