// Headline figures across the top: what a trader glances at first.
import { memo, type ReactNode } from 'react';
import { formatClockUs, formatCompact, formatFixed, formatPercent, formatSigned, NO_VALUE } from '../model/format.js';
import { selectWindowChange } from '../model/selectors.js';
import type { DashboardState } from '../model/state.js';
import { WINDOW_LABEL } from '../model/windows.js';

function Stat({ label, testId, className, title, children }: { label: string; testId: string; className?: string; title?: string; children: ReactNode }) {
  return (
    <div className={`stat ${className ?? ''}`} data-testid={testId} title={title}>
      <div className="stat-label">{label}</div>
      <div className="stat-value">{children}</div>
    </div>
  );
}

/** Props of the stats strip. */
export interface StatsStripProps {
  state: DashboardState;
}

/** The row of headline stats. */
export const StatsStrip = memo(function StatsStrip({ state }: StatsStripProps) {
  const { ticker, server, format } = state;
  const change = selectWindowChange(state, state.window);
  const lastTrade = state.trades.at(-1);
  const previousTrade = state.trades.at(-2);
  const tick = lastTrade !== undefined && previousTrade !== undefined ? Math.sign(lastTrade.price - previousTrade.price) : 0;
  const spread = ticker !== null && ticker.bid !== null && ticker.ask !== null ? ticker.ask - ticker.bid : null;
  const mid = ticker !== null && ticker.bid !== null && ticker.ask !== null ? (ticker.bid + ticker.ask) / 2 : null;
  const direction = change === null || change.change === 0 ? '' : change.change > 0 ? 'up' : 'down';
  return (
    <div className="stats">
      <Stat label={`Last ${state.symbol ?? ''}`} testId="stat-last" className={`big ${tick > 0 ? 'up' : tick < 0 ? 'down' : ''}`}>
        <span data-value={ticker?.last ?? ''}>{formatFixed(ticker?.last, format.priceDecimals)}</span>
      </Stat>
      <Stat label={`Change ${WINDOW_LABEL[state.window]}`} testId="stat-change" className={direction}>
        {change === null ? NO_VALUE : `${formatSigned(change.change, format.priceDecimals)} (${formatPercent(change.ratio)})`}
      </Stat>
      <Stat label="Bid" testId="stat-bid" className="bid">
        {formatFixed(ticker?.bid, format.priceDecimals)}
        <small> × {formatFixed(ticker?.bidSize, format.sizeDecimals)}</small>
      </Stat>
      <Stat label="Ask" testId="stat-ask" className="ask">
        {formatFixed(ticker?.ask, format.priceDecimals)}
        <small> × {formatFixed(ticker?.askSize, format.sizeDecimals)}</small>
      </Stat>
      <Stat label="Spread" testId="stat-spread">
        {formatFixed(spread, format.priceDecimals)}
        <small> {spread !== null && mid !== null && mid > 0 ? `${formatFixed((spread / mid) * 10_000, 1)} bps` : ''}</small>
      </Stat>
      <Stat label="24 h volume" testId="stat-volume">
        {formatFixed(ticker?.volume24h, format.sizeDecimals)}
      </Stat>
      <Stat label="Trades" testId="stat-trades" title="trade_count of the ticker">
        <span data-value={ticker?.tradeCount ?? ''}>{formatFixed(ticker?.tradeCount, 0)}</span>
      </Stat>
      <Stat label="Events/s" testId="stat-events">
        {formatCompact(server?.eventsPerS)}
      </Stat>
      <Stat label="Clients" testId="stat-clients">
        {formatFixed(server?.clients, 0)}
      </Stat>
      <Stat label="Simulation" testId="sim-state" className={server?.paused === true ? 'paused' : ''}>
        <span data-paused={server === null ? '' : String(server.paused)}>
          {server === null ? NO_VALUE : server.paused ? '❚❚ Paused' : '● Running'}
        </span>
        <small> {server === null ? '' : `${formatFixed(server.speed, server.speed % 1 === 0 ? 0 : 1)}× · ${formatClockUs(server.simTimeUs)}`}</small>
      </Stat>
    </div>
  );
});
