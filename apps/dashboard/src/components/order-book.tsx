// The order book ladder: top 20 bids and asks side by side, best prices in the middle, with
// cumulative-size bars and a flash on every level whose size just changed.
import { memo, useMemo } from 'react';
import type { BookState } from '../model/book.js';
import { formatFixed } from '../model/format.js';
import { selectLadder, type LadderLevel } from '../model/selectors.js';

/** Levels per side the ladder shows. */
export const LADDER_LEVELS = 20;

/** Props of the ladder. */
export interface OrderBookProps {
  book: BookState;
  batchId: number;
  priceDecimals: number;
  sizeDecimals: number;
}

/** Batches after which a change no longer flashes when a row is re-created (≈ 1 s of frames). */
const FLASH_BATCHES = 60;

function LadderRow({ level, side, scale, batchId, priceDecimals, sizeDecimals }: {
  level: LadderLevel;
  side: 'bid' | 'ask';
  scale: number;
  batchId: number;
  priceDecimals: number;
  sizeDecimals: number;
}) {
  const flash = level.changedBatch > 0 && batchId - level.changedBatch < FLASH_BATCHES && level.change !== 'none' ? `flash-${level.change}` : '';
  const barWidth = scale > 0 ? `${Math.min(100, (level.cumulative / scale) * 100).toFixed(1)}%` : '0%';
  const price = <span className={`price ${side}`}>{formatFixed(level.price, priceDecimals)}</span>;
  // The key changes with each change of the level, so the flash animation plays once per change.
  const size = <span key={level.changedBatch} className={`size ${flash}`}>{formatFixed(level.size, sizeDecimals)}</span>;
  const total = <span className="total">{formatFixed(level.cumulative, sizeDecimals)}</span>;
  return (
    <div className={`ladder-row ${side}`} data-price={level.price}>
      <div className="depth-bar" style={{ width: barWidth }} />
      {side === 'bid' ? (
        <>
          {total}
          {size}
          {price}
        </>
      ) : (
        <>
          {price}
          {size}
          {total}
        </>
      )}
    </div>
  );
}

/** The side-by-side ladder. */
export const OrderBook = memo(function OrderBook({ book, batchId, priceDecimals, sizeDecimals }: OrderBookProps) {
  const ladder = useMemo(() => selectLadder(book, LADDER_LEVELS), [book]);
  if (ladder.bids.length === 0 && ladder.asks.length === 0) {
    return <div className="chart-empty">{book.sync === 'resyncing' ? 'Resynchronising the book…' : 'Waiting for the book…'}</div>;
  }
  return (
    <div className="ladder" data-testid="ladder-rows" data-seq={book.seq}>
      <div className="ladder-head">
        <span>Total</span>
        <span>Size</span>
        <span>Bid</span>
        <span>Ask</span>
        <span>Size</span>
        <span>Total</span>
      </div>
      <div className="ladder-sides">
        <div className="ladder-side bids">
          {ladder.bids.map((level) => (
            <LadderRow key={level.price} level={level} side="bid" scale={ladder.maxCumulative} batchId={batchId} priceDecimals={priceDecimals} sizeDecimals={sizeDecimals} />
          ))}
        </div>
        <div className="ladder-side asks">
          {ladder.asks.map((level) => (
            <LadderRow key={level.price} level={level} side="ask" scale={ladder.maxCumulative} batchId={batchId} priceDecimals={priceDecimals} sizeDecimals={sizeDecimals} />
          ))}
        </div>
      </div>
    </div>
  );
});
