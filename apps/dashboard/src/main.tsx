// Entry point: reads the page URL, creates the store with the browser's WebSocket, clock and
// animation frames, and renders the dashboard.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { readConfig } from './feed/config.js';
import { DashboardStore } from './feed/store.js';
import { StoreContext } from './store-context.js';
import './styles.css';

const config = readConfig(window.location.search, window.location.hostname);

const store = new DashboardStore({
  url: config.url,
  symbol: config.symbol,
  window: config.window,
  interval: config.interval,
  createSocket: (url) => new WebSocket(url),
  clock: {
    nowMs: () => Date.now(),
    random: () => Math.random(),
    setTimer: (callback, delayMs) => window.setTimeout(callback, delayMs),
    clearTimer: (handle) => window.clearTimeout(handle as number),
  },
  scheduler: {
    requestFrame: (callback) => window.requestAnimationFrame(() => callback()),
    cancelFrame: (handle) => window.cancelAnimationFrame(handle),
    setTimer: (callback, delayMs) => window.setTimeout(callback, delayMs),
    clearTimer: (handle) => window.clearTimeout(handle as number),
  },
});
for (const warning of config.warnings) store.dispatch({ type: 'notice', code: 'BAD_QUERY', text: warning, atMs: Date.now() });
store.start();

const root = document.getElementById('root');
if (root === null) throw new Error('index.html must contain <div id="root">');
createRoot(root).render(
  <StrictMode>
    <StoreContext value={store}>
      <App />
    </StoreContext>
  </StrictMode>,
);
