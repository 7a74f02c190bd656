// Last price over the selected window, with the bid/ask spread as a shaded band and the last
// price tagged on the right axis as a trading screen does.
import { memo, useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatClockUs, formatFixed } from '../model/format.js';
import { decimalsOfStep, niceScale, type NiceScale } from '../model/scale.js';
import { selectPriceSeries, type PriceChartPoint } from '../model/selectors.js';
import type { PriceHistory } from '../model/series.js';
import type { TimeWindow } from '../model/windows.js';
import { useSampled } from '../hooks/use-sampled.js';
import { AXIS_TICK, COLORS } from '../theme.js';

/** Props of the price chart. */
export interface PriceChartProps {
  prices: PriceHistory;
  window: TimeWindow;
  priceDecimals: number;
}

function scaleOf(points: readonly PriceChartPoint[], priceDecimals: number): NiceScale {
  let low = Infinity;
  let high = -Infinity;
  for (const point of points) {
    low = Math.min(low, point.last, point.bid ?? point.last);
    high = Math.max(high, point.last, point.ask ?? point.last);
  }
  // At least ten ticks of price tall, so a still market is a flat line, not magnified noise.
  return niceScale(low, high, 5, 10 * 10 ** -priceDecimals);
}

function PriceTooltip({ active, payload, decimals }: { active?: boolean; payload?: readonly { payload?: PriceChartPoint }[]; decimals: number }) {
  const point = active === true ? payload?.[0]?.payload : undefined;
  if (point === undefined) return null;
  return (
    <div className="chart-tooltip">
      <div className="muted">{formatClockUs(point.timeMs * 1000)}</div>
      <div>Last <b>{formatFixed(point.last, decimals)}</b></div>
      <div className="bid">Bid {formatFixed(point.bid, decimals)}</div>
      <div className="ask">Ask {formatFixed(point.ask, decimals)}</div>
    </div>
  );
}

/** The last price as a tag on the price axis, as trading terminals mark it. */
function LastPriceTag({ viewBox, text }: { viewBox?: { x?: number; y?: number; width?: number }; text: string }) {
  if (viewBox?.x === undefined || viewBox.y === undefined || viewBox.width === undefined) return null;
  const x = viewBox.x + viewBox.width;
  return (
    <g className="last-price-tag">
      <rect x={x + 1} y={viewBox.y - 8} width={text.length * 7 + 8} height={16} rx={2} fill={COLORS.accent} />
      <text x={x + 5} y={viewBox.y + 4} fill={COLORS.background} fontSize={11} fontWeight={700} fontFamily="DejaVu Sans Mono, Menlo, Consolas, monospace">
        {text}
      </text>
    </g>
  );
}

/** The last-price line chart with bid/ask band, redrawn at most every CHART_INTERVAL_MS. */
export const PriceChart = memo(function PriceChart({ prices, window, priceDecimals }: PriceChartProps) {
  const sampled = useSampled(prices);
  const points = useMemo(() => selectPriceSeries({ prices: sampled }, window), [sampled, window]);
  return <PriceChartView points={points} priceDecimals={priceDecimals} />;
});

// The drawing itself only re-renders when the sampled points change, not on every store publish.
const PriceChartView = memo(function PriceChartView({ points, priceDecimals }: { points: PriceChartPoint[]; priceDecimals: number }) {
  if (points.length === 0) return <div className="chart-empty">Waiting for prices…</div>;
  const last = points[points.length - 1].last;
  const scale = scaleOf(points, priceDecimals);
  const tickDecimals = Math.min(priceDecimals, decimalsOfStep(scale.step));
  const lastText = formatFixed(last, priceDecimals);
  const axisWidth = 14 + 7 * Math.max(formatFixed(scale.domain[1], tickDecimals).length, lastText.length);
  return (
    <ComposedChart data={points} responsive style={{ width: '100%', height: '100%' }} margin={{ top: 8, right: 0, bottom: 0, left: 4 }}>
      <CartesianGrid stroke={COLORS.grid} strokeDasharray="2 4" />
      <XAxis
        dataKey="timeMs"
        type="number"
        scale="time"
        domain={['dataMin', 'dataMax']}
        tickFormatter={(ms: number) => formatClockUs(ms * 1000)}
        tick={AXIS_TICK}
        stroke={COLORS.grid}
        minTickGap={40}
      />
      <YAxis
        orientation="right"
        domain={scale.domain}
        // Ticks the last-price tag would cover are left out.
        ticks={scale.ticks.filter((tick) => Math.abs(tick - last) >= scale.step * 0.35)}
        tickFormatter={(value: number) => formatFixed(value, tickDecimals)}
        tick={AXIS_TICK}
        stroke={COLORS.grid}
        width={axisWidth}
        allowDataOverflow
      />
      <Tooltip content={<PriceTooltip decimals={priceDecimals} />} isAnimationActive={false} />
      <Area dataKey="band" stroke="none" fill={COLORS.band} fillOpacity={0.16} isAnimationActive={false} connectNulls />
      <Line dataKey="bid" stroke={COLORS.bid} strokeOpacity={0.55} strokeWidth={1} dot={false} isAnimationActive={false} className="bid-line" />
      <Line dataKey="ask" stroke={COLORS.ask} strokeOpacity={0.55} strokeWidth={1} dot={false} isAnimationActive={false} className="ask-line" />
      <Line dataKey="last" stroke={COLORS.accent} strokeWidth={1.6} dot={false} isAnimationActive={false} className="last-line" />
      <ReferenceLine
        y={last}
        stroke={COLORS.accent}
        strokeDasharray="3 3"
        strokeOpacity={0.7}
        label={<LastPriceTag text={lastText} />}
      />
    </ComposedChart>
  );
});
