// The dashboard layout: top bar, headline stats, then a grid of price chart, candles, depth,
// ladder and trade tape, and a status footer. Components are thin: every figure comes from the
// store's state through pure selectors.
import { CANDLE_INTERVALS } from '@marksim/ws-server/protocol';
import { CandleChart } from './components/candle-chart.js';
import { ConnectionBadge } from './components/connection-badge.js';
import { ControlPanel } from './components/control-panel.js';
import { DepthChart } from './components/depth-chart.js';
import { FeedForm } from './components/feed-form.js';
import { OrderBook } from './components/order-book.js';
import { Panel, Segmented } from './components/panel.js';
import { PriceChart } from './components/price-chart.js';
import { StatsStrip } from './components/stats-strip.js';
import { StatusBar } from './components/status-bar.js';
import { TradeTape } from './components/trade-tape.js';
import { formatFixed } from './model/format.js';
import { TIME_WINDOWS, WINDOW_LABEL } from './model/windows.js';
import { useDashboardState, useStore } from './store-context.js';

/** The whole dashboard. */
export function App() {
  const store = useStore();
  const state = useDashboardState();
  const { format } = state;
  return (
    <div className="app">
      <header className="top-bar">
        <div className="brand">
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M1 12l4-5 3 3 6-8" />
          </svg>
          Marksim
        </div>
        {state.symbols.length > 1 ? (
          <select className="symbol" aria-label="Symbol" value={state.symbol ?? ''} onChange={(event) => store.selectSymbol(event.target.value)}>
            {state.symbols.map((symbol) => (
              <option key={symbol}>{symbol}</option>
            ))}
          </select>
        ) : (
          <span className="symbol">{state.symbol ?? '—'}</span>
        )}
        <ConnectionBadge connection={state.connection} />
        <FeedForm url={state.connection.url} />
        <Segmented options={TIME_WINDOWS} value={state.window} label={(w) => WINDOW_LABEL[w]} onChange={(w) => store.selectWindow(w)} testId="window-selector" title="Time window" />
        <ControlPanel control={state.control} server={state.server} />
      </header>
      <StatsStrip state={state} />
      <main className="grid">
        <Panel title="Price" subtitle="last · bid/ask band" className="area-price" testId="price-chart">
          <PriceChart prices={state.prices} window={state.window} priceDecimals={format.priceDecimals} />
        </Panel>
        <Panel
          title="Candles"
          subtitle={`${state.interval} · volume`}
          className="area-candles"
          testId="candle-chart"
          tools={<Segmented options={CANDLE_INTERVALS} value={state.interval} label={(i) => i} onChange={(i) => store.selectInterval(i)} testId="interval-selector" title="Candle interval" />}
        >
          <CandleChart candles={state.candles} interval={state.interval} window={state.window} priceDecimals={format.priceDecimals} sizeDecimals={format.sizeDecimals} />
        </Panel>
        <Panel title="Depth" subtitle="cumulative size" className="area-depth" testId="depth-chart">
          <DepthChart book={state.book} priceDecimals={format.priceDecimals} sizeDecimals={format.sizeDecimals} />
        </Panel>
        <Panel
          title="Order book"
          subtitle={state.book.depth > 0 ? `top ${Math.min(20, state.book.depth)} levels` : undefined}
          className="area-book"
          testId="ladder"
          tools={
            <span className="muted" data-testid="ladder-spread">
              spread {formatFixed(state.book.asks[0] !== undefined && state.book.bids[0] !== undefined ? state.book.asks[0].price - state.book.bids[0].price : null, format.priceDecimals)}
            </span>
          }
        >
          <OrderBook book={state.book} batchId={state.batchId} priceDecimals={format.priceDecimals} sizeDecimals={format.sizeDecimals} />
        </Panel>
        <Panel
          title="Trades"
          subtitle={<span data-testid="trades-received" data-count={state.tradesReceived}>{formatFixed(state.tradesReceived, 0)} received</span>}
          className="area-tape"
          testId="trade-tape"
        >
          <TradeTape trades={state.trades} priceDecimals={format.priceDecimals} sizeDecimals={format.sizeDecimals} />
        </Panel>
      </main>
      <StatusBar state={state} />
    </div>
  );
}
