// The time and sales tape: newest trade on top, price coloured by the aggressor's side.
import { memo, useMemo } from 'react';
import { formatClockMsUs, formatFixed } from '../model/format.js';
import type { Ring } from '../model/ring.js';
import { largeTradeThreshold, selectTape } from '../model/selectors.js';
import type { TradeView } from '../model/state.js';

/** Trades the tape lists. */
export const TAPE_ROWS = 60;

/** Props of the tape. */
export interface TradeTapeProps {
  trades: Ring<TradeView>;
  priceDecimals: number;
  sizeDecimals: number;
}

/** The trade tape. */
export const TradeTape = memo(function TradeTape({ trades, priceDecimals, sizeDecimals }: TradeTapeProps) {
  const rows = useMemo(() => selectTape(trades, TAPE_ROWS), [trades]);
  const largeFrom = useMemo(() => largeTradeThreshold(rows.map((trade) => trade.size)), [rows]);
  if (rows.length === 0) return <div className="chart-empty">Waiting for trades…</div>;
  return (
    <div className="tape">
      <div className="tape-head">
        <span>Time</span>
        <span>Price</span>
        <span>Size</span>
      </div>
      <ol className="tape-rows">
        {rows.map((trade) => (
          <li key={`${trade.id}:${trade.seq}`} className={`tape-row ${trade.side}${trade.size >= largeFrom ? ' large' : ''}`} title={`trade ${trade.id}, aggressor ${trade.side}`}>
            <span className="time">{formatClockMsUs(trade.timeUs)}</span>
            <span className="price">
              {trade.side === 'buy' ? '▲' : '▼'} {formatFixed(trade.price, priceDecimals)}
            </span>
            <span className="size">{formatFixed(trade.size, sizeDecimals)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
});
