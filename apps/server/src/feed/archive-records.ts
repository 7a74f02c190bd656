import type { BookEvent, Instrument, Ticker } from '@marksim/core';

/**
 * What the server writes to its archive, one JSON object per line: an `instrument` record per
 * symbol first (so a replay knows tick and lot sizes), then every book event as core emits it and
 * every ticker as `{type: "ticker", ...ticker}`.
 */
export interface InstrumentRecord extends Instrument {
  readonly type: 'instrument';
  readonly timeUs: number;
}

export interface TickerRecord extends Ticker {
  readonly type: 'ticker';
}

export type ServerArchiveRecord = InstrumentRecord | TickerRecord | BookEvent;

export function instrumentRecord(instrument: Instrument, timeUs: number): InstrumentRecord {
  return { type: 'instrument', timeUs, symbol: instrument.symbol, tickSize: instrument.tickSize, lotSize: instrument.lotSize };
}

export function tickerRecord(ticker: Ticker): TickerRecord {
  return { type: 'ticker', ...ticker };
}

/** The ticker inside a ticker record. */
export function tickerOf(record: TickerRecord): Ticker {
  const { type: _type, ...ticker } = record;
  return ticker;
}
