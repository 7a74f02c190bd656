// OHLC candlesticks with volume bars beneath, for the 1 s or 1 m bars the feed aggregates.
import { memo, useMemo } from 'react';
import { Bar, CartesianGrid, ComposedChart, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';
import { formatClockUs, formatFixed } from '../model/format.js';
import { decimalsOfStep, niceScale } from '../model/scale.js';
import { selectCandleSeries, type CandleChartPoint } from '../model/selectors.js';
import type { DashboardState } from '../model/state.js';
import type { TimeWindow } from '../model/windows.js';
import { useSampled } from '../hooks/use-sampled.js';
import { AXIS_TICK, COLORS } from '../theme.js';

/** Props of the candle chart. */
export interface CandleChartProps {
  candles: DashboardState['candles'];
  interval: DashboardState['interval'];
  window: TimeWindow;
  priceDecimals: number;
  sizeDecimals: number;
}

/** Draws one candle from the [low, high] bar Recharts lays out: wick over the full range, body open→close. */
function CandleShape(props: BarShapeProps) {
  const point = props.payload as CandleChartPoint | undefined;
  const { x, y, width, height } = props as { x: number; y: number; width: number; height: number };
  if (point === undefined || !Number.isFinite(y)) return <g />;
  const span = point.high - point.low;
  const yOf = (value: number) => (span > 0 ? y + ((point.high - value) / span) * height : y);
  const color = point.rising ? COLORS.bid : COLORS.ask;
  const top = yOf(Math.max(point.open, point.close));
  const bodyHeight = Math.max(1, yOf(Math.min(point.open, point.close)) - top);
  const bodyWidth = Math.max(1, width);
  const centre = x + width / 2;
  return (
    <g className={`candle ${point.rising ? 'rising' : 'falling'}`} data-close={point.close}>
      <line x1={centre} x2={centre} y1={y} y2={y + Math.max(height, 1)} stroke={color} strokeWidth={1} />
      <rect x={x} y={top} width={bodyWidth} height={bodyHeight} fill={color} fillOpacity={point.closed ? 1 : 0.75} />
    </g>
  );
}

function VolumeShape(props: BarShapeProps) {
  const point = props.payload as CandleChartPoint | undefined;
  const { x, y, width, height } = props as { x: number; y: number; width: number; height: number };
  if (point === undefined || !(height > 0)) return <g />;
  return <rect className="volume-bar" x={x} y={y} width={Math.max(1, width)} height={height} fill={point.rising ? COLORS.bid : COLORS.ask} fillOpacity={0.3} />;
}

function CandleTooltip({ active, payload, priceDecimals, sizeDecimals }: { active?: boolean; payload?: readonly { payload?: CandleChartPoint }[]; priceDecimals: number; sizeDecimals: number }) {
  const bar = active === true ? payload?.[0]?.payload : undefined;
  if (bar === undefined) return null;
  return (
    <div className="chart-tooltip">
      <div className="muted">{formatClockUs(bar.timeMs * 1000)}{bar.closed ? '' : ' (forming)'}</div>
      <div>O {formatFixed(bar.open, priceDecimals)} H {formatFixed(bar.high, priceDecimals)}</div>
      <div>L {formatFixed(bar.low, priceDecimals)} C <b className={bar.rising ? 'bid' : 'ask'}>{formatFixed(bar.close, priceDecimals)}</b></div>
      <div className="muted">Vol {formatFixed(bar.volume, sizeDecimals)}</div>
    </div>
  );
}

/** Candlesticks with volume, redrawn at most every CHART_INTERVAL_MS. */
export const CandleChart = memo(function CandleChart({ candles, interval, window, priceDecimals, sizeDecimals }: CandleChartProps) {
  const sampled = useSampled(candles);
  const series = useMemo(() => selectCandleSeries({ candles: sampled, interval }, window), [sampled, interval, window]);
  return <CandleChartView bars={series.bars} barUs={series.barUs} interval={interval} priceDecimals={priceDecimals} sizeDecimals={sizeDecimals} />;
});

/** `5s`, `1m`, `30s`: a bar width for the chart's corner label. */
function barLabel(barUs: number): string {
  const seconds = barUs / 1_000_000;
  return seconds % 60 === 0 ? `${seconds / 60}m` : `${seconds}s`;
}

const CandleChartView = memo(function CandleChartView({ bars, barUs, interval, priceDecimals, sizeDecimals }: { bars: CandleChartPoint[]; barUs: number; interval: string; priceDecimals: number; sizeDecimals: number }) {
  if (bars.length === 0) return <div className="chart-empty">Waiting for {interval} candles…</div>;
  let low = Infinity;
  let high = -Infinity;
  let maxVolume = 0;
  for (const bar of bars) {
    low = Math.min(low, bar.low);
    high = Math.max(high, bar.high);
    maxVolume = Math.max(maxVolume, bar.volume);
  }
  const scale = niceScale(low, high, 5, 10 * 10 ** -priceDecimals);
  const tickDecimals = Math.min(priceDecimals, decimalsOfStep(scale.step));
  const axisWidth = 14 + 7 * formatFixed(scale.domain[1], tickDecimals).length;
  return (
    <>
    <div className="chart-note" data-testid="candle-width">{barLabel(barUs)} bars</div>
    <ComposedChart data={bars} responsive style={{ width: '100%', height: '100%' }} margin={{ top: 8, right: 0, bottom: 0, left: 4 }} barCategoryGap="18%">
      <CartesianGrid stroke={COLORS.grid} strokeDasharray="2 4" />
      <XAxis dataKey="timeMs" tickFormatter={(ms: number) => formatClockUs(ms * 1000)} tick={AXIS_TICK} stroke={COLORS.grid} minTickGap={40} />
      <YAxis
        yAxisId="price"
        orientation="right"
        domain={scale.domain}
        ticks={scale.ticks}
        tickFormatter={(value: number) => formatFixed(value, tickDecimals)}
        tick={AXIS_TICK}
        stroke={COLORS.grid}
        width={axisWidth}
        allowDataOverflow
      />
      {/* Volume uses the bottom quarter: its axis is four times the tallest bar. */}
      <YAxis yAxisId="volume" hide domain={[0, Math.max(maxVolume * 4, 1e-9)]} />
      <Tooltip content={<CandleTooltip priceDecimals={priceDecimals} sizeDecimals={sizeDecimals} />} isAnimationActive={false} cursor={{ fill: 'rgba(255,255,255,0.04)' }} />
      <Bar dataKey="volume" yAxisId="volume" shape={VolumeShape} isAnimationActive={false} />
      <Bar dataKey="range" yAxisId="price" shape={CandleShape} isAnimationActive={false} />
    </ComposedChart>
    </>
  );
});
