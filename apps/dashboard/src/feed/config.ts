// Start-up settings from the page URL: `?ws=` picks the feed, `?symbol=`, `?window=` and
// `?interval=` pre-select views. Validation messages name the parameter, value and rule.

import type { CandleInterval } from '@marksim/ws-server/protocol';
import { isTimeWindow, type TimeWindow } from '../model/windows.js';

/** The feed the dashboard connects to when `?ws=` is absent (the server's default port). */
export const DEFAULT_FEED_PORT = 8765;

/** Settings read from the page URL. */
export interface DashboardConfig {
  url: string;
  symbol: string | null;
  window: TimeWindow;
  interval: CandleInterval;
  /** Problems with the query, shown as notices rather than failing the page. */
  warnings: string[];
}

/** null when `url` is a usable WebSocket URL, else why not. */
export function feedUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `feed URL must be an absolute ws:// or wss:// URL (got "${url}")`;
  }
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') {
    return `feed URL must start with ws:// or wss:// (got "${url}")`;
  }
  return null;
}

/** The default feed for a page served from `hostname`: same host, port 8765. */
export function defaultFeedUrl(hostname: string): string {
  const host = hostname === '' ? 'localhost' : hostname.includes(':') ? `[${hostname}]` : hostname;
  return `ws://${host}:${DEFAULT_FEED_PORT}`;
}

/** Reads the settings from a query string (`location.search`) for a page on `hostname`. */
export function readConfig(search: string, hostname: string): DashboardConfig {
  const params = new URLSearchParams(search);
  const warnings: string[] = [];
  let url = defaultFeedUrl(hostname);
  const ws = params.get('ws');
  if (ws !== null && ws !== '') {
    const problem = feedUrlProblem(ws);
    if (problem === null) url = ws;
    else warnings.push(`?ws= ignored: ${problem}`);
  }
  const windowParam = params.get('window');
  let window: TimeWindow = '5m';
  if (windowParam !== null) {
    if (isTimeWindow(windowParam)) window = windowParam;
    else warnings.push(`?window= must be one of 1m, 5m, 1h (got "${windowParam}")`);
  }
  const intervalParam = params.get('interval');
  let interval: CandleInterval = '1s';
  if (intervalParam !== null) {
    if (intervalParam === '1s' || intervalParam === '1m') interval = intervalParam;
    else warnings.push(`?interval= must be one of 1s, 1m (got "${intervalParam}")`);
  }
  const symbol = params.get('symbol');
  return { url, symbol: symbol !== null && symbol !== '' ? symbol : null, window, interval, warnings };
}
