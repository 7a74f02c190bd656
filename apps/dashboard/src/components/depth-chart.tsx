// Market depth: cumulative size available at each price, bids rising to the left of the mid
// and asks to the right, drawn as steps because a book is discrete.
import { memo, useMemo } from 'react';
import { Area, AreaChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { bestPrices, type BookState } from '../model/book.js';
import { formatCompact, formatFixed } from '../model/format.js';
import { decimalsOfStep, niceScale } from '../model/scale.js';
import { selectDepth, type DepthPoint } from '../model/selectors.js';
import { useSampled } from '../hooks/use-sampled.js';
import { AXIS_TICK, COLORS } from '../theme.js';

/** Props of the depth chart. */
export interface DepthChartProps {
  book: BookState;
  priceDecimals: number;
  sizeDecimals: number;
}

function DepthTooltip({ active, payload, priceDecimals, sizeDecimals }: { active?: boolean; payload?: readonly { payload?: DepthPoint }[]; priceDecimals: number; sizeDecimals: number }) {
  const point = active === true ? payload?.[0]?.payload : undefined;
  if (point === undefined) return null;
  const bid = point.bidDepth !== null;
  return (
    <div className="chart-tooltip">
      <div>Price <b>{formatFixed(point.price, priceDecimals)}</b></div>
      <div className={bid ? 'bid' : 'ask'}>
        {bid ? 'Bids ≥ price' : 'Asks ≤ price'}: {formatFixed(bid ? point.bidDepth : point.askDepth, sizeDecimals)}
      </div>
    </div>
  );
}

/** The cumulative depth chart, redrawn at most every CHART_INTERVAL_MS. */
export const DepthChart = memo(function DepthChart({ book, priceDecimals, sizeDecimals }: DepthChartProps) {
  const sampled = useSampled(book);
  const points = useMemo(() => selectDepth(sampled), [sampled]);
  return <DepthChartView points={points} mid={bestPrices(sampled).mid} priceDecimals={priceDecimals} sizeDecimals={sizeDecimals} />;
});

const DepthChartView = memo(function DepthChartView({ points, mid, priceDecimals, sizeDecimals }: { points: DepthPoint[]; mid: number | null; priceDecimals: number; sizeDecimals: number }) {
  if (points.length === 0) return <div className="chart-empty">Waiting for the book…</div>;
  // Round price ticks inside the book's range (the x domain stays the data's, so no empty margin).
  const lowPrice = points[0].price;
  const highPrice = points[points.length - 1].price;
  const scale = niceScale(lowPrice, highPrice, 5);
  const ticks = scale.ticks.filter((tick) => tick >= lowPrice && tick <= highPrice);
  const tickDecimals = Math.min(priceDecimals, decimalsOfStep(scale.step));
  return (
    <AreaChart data={points} responsive style={{ width: '100%', height: '100%' }} margin={{ top: 8, right: 0, bottom: 0, left: 4 }}>
      <CartesianGrid stroke={COLORS.grid} strokeDasharray="2 4" />
      <XAxis
        dataKey="price"
        type="number"
        domain={['dataMin', 'dataMax']}
        ticks={ticks}
        tickFormatter={(value: number) => formatFixed(value, tickDecimals)}
        tick={AXIS_TICK}
        stroke={COLORS.grid}
        minTickGap={30}
      />
      <YAxis orientation="right" tickFormatter={(value: number) => formatCompact(value)} tick={AXIS_TICK} stroke={COLORS.grid} width={44} />
      <Tooltip content={<DepthTooltip priceDecimals={priceDecimals} sizeDecimals={sizeDecimals} />} isAnimationActive={false} />
      <Area dataKey="bidDepth" type="stepBefore" stroke={COLORS.bid} strokeWidth={1.5} fill={COLORS.bid} fillOpacity={0.18} isAnimationActive={false} className="bid-depth" />
      <Area dataKey="askDepth" type="stepAfter" stroke={COLORS.ask} strokeWidth={1.5} fill={COLORS.ask} fillOpacity={0.18} isAnimationActive={false} className="ask-depth" />
      {mid !== null && <ReferenceLine x={mid} stroke={COLORS.muted} strokeDasharray="3 3" />}
    </AreaChart>
  );
});
