#!/usr/bin/env node
// Browser end-to-end test of the dashboard against the real Marksim server: chromium opens the
// built dashboard, and each check below prints PASS or FAIL. Exits non-zero on any failure.
// Every wait is bounded; the server, the static server and the browser are always stopped.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startStaticServer } from '../serve.mjs';
import { Checks, delay, launchBrowser, REPO_ROOT, SERVER_MAIN, startServer, waitFor } from './harness.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = resolve(HERE, '..', 'artifacts');
const HTML_EXAMPLE = join(REPO_ROOT, 'examples', 'websocket_client.html');
const TOKEN = 'e2e-control-token';
/** Hard stop for the whole run, whatever hangs. */
const RUN_TIMEOUT_MS = 120_000;

const USAGE = `usage: node e2e/run.mjs [--server PATH] [--headed-timeout MS]

Starts the real server (apps/server/dist/main.js; --server picks another build), serves
apps/dashboard/dist on a free port, and drives Debian chromium through the dashboard:
connect, charts, ladder, tape, control (refused, pause, resume), server restart and resync,
a screenshot in apps/dashboard/artifacts/, and the HTML example. Build first: pnpm build.`;

const argv = process.argv.slice(2);
if (argv.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
const serverIndex = argv.indexOf('--server');
const serverScript = serverIndex >= 0 ? resolve(argv[serverIndex + 1]) : SERVER_MAIN;

const checks = new Checks();
const cleanups = [];
const pageErrors = [];

async function cleanup() {
  for (const step of cleanups.reverse()) {
    try {
      await step();
    } catch {
      // Best effort: the rest must still be stopped.
    }
  }
  cleanups.length = 0;
}

const watchdog = setTimeout(async () => {
  console.log(`FAIL whole run — still running after ${RUN_TIMEOUT_MS / 1000} s, stopping`);
  checks.failed += 1;
  await cleanup();
  process.exit(checks.finish('dashboard'));
}, RUN_TIMEOUT_MS);

/** Everything the checks read from the page, in one evaluate so it is one consistent moment. */
function readDashboard(page) {
  return page.evaluate(() => {
    const q = (selector) => document.querySelector(selector);
    const all = (selector) => [...document.querySelectorAll(selector)];
    const priceLines = all('[data-testid="price-chart"] path.recharts-line-curve');
    const candles = all('[data-testid="candle-chart"] .candle');
    const lastCandle = candles[candles.length - 1];
    const depthAreas = all('[data-testid="depth-chart"] path.recharts-area-area');
    const ladderRows = all('[data-testid="ladder"] .ladder-row');
    return {
      phase: q('[data-testid="connection-status"]')?.getAttribute('data-phase') ?? null,
      connectionText: q('[data-testid="connection-status"]')?.textContent ?? '',
      priceLineCount: priceLines.length,
      priceLine: priceLines.map((path) => path.getAttribute('d') ?? '').join('|'),
      candleCount: candles.length,
      candleSignature: lastCandle === undefined ? '' : `${candles.length}:${lastCandle.getAttribute('data-close')}:${lastCandle.querySelector('rect')?.getAttribute('y')}:${lastCandle.querySelector('rect')?.getAttribute('height')}`,
      depthAreaCount: depthAreas.length,
      depthSignature: depthAreas.map((path) => path.getAttribute('d') ?? '').join('|'),
      bidRows: ladderRows.filter((row) => row.classList.contains('bid')).length,
      askRows: ladderRows.filter((row) => row.classList.contains('ask')).length,
      ladderSignature: `${q('[data-testid="ladder-rows"]')?.getAttribute('data-seq')}:${ladderRows.map((row) => row.textContent).join('|')}`,
      tradesReceived: Number(q('[data-testid="trades-received"]')?.getAttribute('data-count') ?? 0),
      tapeRows: all('[data-testid="trade-tape"] .tape-row').length,
      last: q('[data-testid="stat-last"] [data-value]')?.getAttribute('data-value') ?? '',
      lastText: q('[data-testid="stat-last"] .stat-value')?.textContent ?? '',
      spreadText: q('[data-testid="stat-spread"] .stat-value')?.textContent ?? '',
      paused: q('[data-testid="sim-state"] [data-paused]')?.getAttribute('data-paused') ?? '',
      controlOk: q('[data-testid="control-result"]')?.getAttribute('data-ok') ?? null,
      controlText: q('[data-testid="control-result"]')?.textContent ?? '',
      bookSync: q('[data-testid="book-status"]')?.getAttribute('data-sync') ?? null,
      checksumOk: q('[data-testid="book-status"]')?.getAttribute('data-checksum-ok') ?? null,
      bookSeq: Number(q('[data-testid="book-status"]')?.getAttribute('data-seq') ?? 0),
    };
  });
}

/** Waits until `field` of the dashboard differs from its current value, and returns both. */
async function waitForChange(page, field, what, timeoutMs = 10_000) {
  const before = (await readDashboard(page))[field];
  const after = await waitFor(what, async () => {
    const now = (await readDashboard(page))[field];
    return now !== before ? { now } : false;
  }, { timeoutMs });
  return { before, after: after.now };
}

async function main() {
  let server;
  const started = await checks.run('server starts and logs its ws:// URL', async () => {
    server = await startServer({ script: serverScript, token: TOKEN });
    cleanups.push(() => server.kill());
    return server.url;
  });
  if (!started) return;

  const web = await startStaticServer({ host: '127.0.0.1', port: 0 });
  cleanups.push(() => web.close());
  const browser = await launchBrowser();
  cleanups.push(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const dashboardUrl = `${web.url}?ws=${encodeURIComponent(server.url)}`;
  await page.goto(dashboardUrl);

  const connected = await checks.run('dashboard connects to the feed', async () => {
    await waitFor('connection status "live"', async () => (await readDashboard(page)).phase === 'live', { timeoutMs: 15_000 });
    return `connected to ${server.url}`;
  });
  if (!connected) return;

  await checks.run('price chart renders its lines and updates', async () => {
    await waitFor('price lines', async () => (await readDashboard(page)).priceLineCount >= 1);
    await waitForChange(page, 'priceLine', 'the price line to change');
    return `${(await readDashboard(page)).priceLineCount} lines (last, bid, ask)`;
  });
  await checks.run('candles render and update', async () => {
    await waitFor('candles', async () => (await readDashboard(page)).candleCount >= 1, { timeoutMs: 15_000 });
    await waitForChange(page, 'candleSignature', 'the newest candle to change', 15_000);
    return `${(await readDashboard(page)).candleCount} candles`;
  });
  await checks.run('depth chart renders bids and asks and updates', async () => {
    await waitFor('two depth areas', async () => (await readDashboard(page)).depthAreaCount >= 2);
    await waitForChange(page, 'depthSignature', 'the depth chart to change');
  });
  await checks.run('order book ladder shows both sides and updates', async () => {
    const view = await waitFor('ladder rows on both sides', async () => {
      const now = await readDashboard(page);
      return now.bidRows > 0 && now.askRows > 0 ? now : false;
    });
    await waitForChange(page, 'ladderSignature', 'the ladder to change');
    await waitFor('a changed level to flash', () => page.evaluate(() => document.querySelector('[data-testid="ladder"] [class*="flash-"]') !== null));
    return `${view.bidRows} bid and ${view.askRows} ask levels, changed levels flash`;
  });
  await checks.run('trade tape grows', async () => {
    const { before, after } = await waitForChange(page, 'tradesReceived', 'new trades on the tape', 15_000);
    const view = await readDashboard(page);
    if (view.tapeRows === 0) throw new Error('tape shows no rows');
    return `${before} → ${after} trades, ${view.tapeRows} rows shown`;
  });
  await checks.run('headline stats show the last price and spread', async () => {
    const view = await waitFor('last price and spread', async () => {
      const now = await readDashboard(page);
      return /\d/.test(now.lastText) && /\d/.test(now.spreadText) ? now : false;
    });
    return `last ${view.lastText.trim()}, spread ${view.spreadText.trim()}`;
  });
  await checks.run('book is in sync with the server checksum', async () => {
    const view = await waitFor('book in sync with checksum OK', async () => {
      const now = await readDashboard(page);
      return now.bookSync === 'live' && now.checksumOk === 'true' ? now : false;
    });
    return `seq ${view.bookSeq}`;
  });

  await checks.run('time window and candle interval selectors switch the charts', async () => {
    await page.click('[data-testid="window-selector"] button[data-value="1h"]');
    await page.click('[data-testid="interval-selector"] button[data-value="1m"]');
    await waitFor('1 m bars in the candle chart', () => page.evaluate(() => document.querySelector('[data-testid="candle-width"]')?.textContent === '1m bars'));
    await waitFor('the price chart in the 1 hour window', async () => (await readDashboard(page)).priceLineCount >= 1);
    await page.click('[data-testid="window-selector"] button[data-value="1m"]');
    await page.click('[data-testid="interval-selector"] button[data-value="1s"]');
    await waitFor('1 s bars again', () => page.evaluate(() => document.querySelector('[data-testid="candle-width"]')?.textContent === '1s bars'));
    const pressed = await page.evaluate(() => document.querySelector('[data-testid="window-selector"] button[aria-pressed="true"]')?.getAttribute('data-value'));
    if (pressed !== '1m') throw new Error(`window selector shows ${pressed}`);
  });

  mkdirSync(ARTIFACTS, { recursive: true });

  await checks.run('controls are hidden until a token is entered; a wrong token is refused and shown', async () => {
    if ((await page.locator('[data-testid="control-pause"]').count()) !== 0) throw new Error('pause button visible without a token');
    await page.fill('[data-testid="control-token"]', 'not-the-token');
    await page.click('[data-testid="control-pause"]');
    const view = await waitFor('a refusal', async () => {
      const now = await readDashboard(page);
      return now.controlOk === 'false' ? now : false;
    });
    if ((await readDashboard(page)).paused === 'true') throw new Error('simulation paused with a wrong token');
    return view.controlText.trim();
  });

  const paused = await checks.run('pause with the token stops the price (status paused, no new trades)', async () => {
    await page.fill('[data-testid="control-token"]', TOKEN);
    await page.click('[data-testid="control-pause"]');
    await waitFor('status paused', async () => (await readDashboard(page)).paused === 'true');
    await waitFor('pause acknowledged', async () => (await readDashboard(page)).controlOk === 'true');
    // Messages already in flight may still land: settle, then watch for a quiet period.
    await delay(500);
    const before = await readDashboard(page);
    await delay(2_000);
    const after = await readDashboard(page);
    if (after.tradesReceived !== before.tradesReceived) throw new Error(`trades kept coming while paused (${before.tradesReceived} → ${after.tradesReceived})`);
    if (after.last !== before.last) throw new Error(`last price moved while paused (${before.last} → ${after.last})`);
    return `no trades for 2 s, last ${after.lastText.trim()}`;
  });
  if (paused) {
    await checks.run('resume restarts the market', async () => {
      await page.click('[data-testid="control-resume"]');
      await waitFor('status running', async () => (await readDashboard(page)).paused === 'false');
      const { before, after } = await waitForChange(page, 'tradesReceived', 'trades after resume', 15_000);
      return `${before} → ${after} trades`;
    });
  } else {
    checks.skip('resume restarts the market', 'pause failed');
  }

  await checks.run('screenshot of the live dashboard saved', async () => {
    // By now the market has run for several seconds (a minute or more of simulated time).
    const path = join(ARTIFACTS, 'dashboard.png');
    await page.screenshot({ path });
    return path;
  });

  await checks.run('server killed: dashboard shows reconnecting', async () => {
    await server.kill('SIGKILL');
    const view = await waitFor('connection status "reconnecting"', async () => {
      const now = await readDashboard(page);
      return now.phase === 'reconnecting' ? now : false;
    });
    if (!/reconnecting/i.test(view.connectionText)) throw new Error(`status text is "${view.connectionText}"`);
    return view.connectionText.trim();
  });
  await checks.run('server restarted on the same port: live data again with a consistent book', async () => {
    const port = server.port;
    server = await startServer({ script: serverScript, token: TOKEN, port });
    cleanups.push(() => server.kill());
    await waitFor('connection status "live" again', async () => (await readDashboard(page)).phase === 'live', { timeoutMs: 20_000 });
    const synced = await waitFor('book resynchronised with checksum OK', async () => {
      const now = await readDashboard(page);
      return now.bookSync === 'live' && now.checksumOk === 'true' ? now : false;
    }, { timeoutMs: 15_000 });
    const { before, after } = await waitForChange(page, 'tradesReceived', 'trades after the restart', 15_000);
    const again = await readDashboard(page);
    if (again.checksumOk !== 'true') throw new Error('checksum no longer OK after new deltas');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-after-restart.png') });
    return `port ${port}, book seq ${synced.bookSeq}, trades ${before} → ${after}`;
  });

  await checks.run('no uncaught errors in the dashboard page', async () => {
    if (pageErrors.length > 0) throw new Error(pageErrors.slice(0, 3).join('; '));
  });

  await checks.run('HTML example shows prices in the same browser', async () => {
    const example = await browser.newPage();
    const exampleErrors = [];
    example.on('pageerror', (error) => exampleErrors.push(error.message));
    await example.goto(`${pathToFileURL(HTML_EXAMPLE).href}?ws=${encodeURIComponent(server.url)}`);
    const read = () => example.evaluate(() => ({
      price: document.querySelector('#last-price')?.textContent ?? '',
      count: Number(document.querySelector('#message-count')?.textContent?.replace(/,/g, '') ?? 0),
    }));
    const first = await waitFor('a price on the example page', async () => {
      const now = await read();
      return /\d/.test(now.price) && now.count > 0 ? now : false;
    });
    const later = await waitFor('more messages on the example page', async () => {
      const now = await read();
      return now.count > first.count ? now : false;
    });
    await example.screenshot({ path: join(ARTIFACTS, 'websocket-client-example.png') });
    await example.close();
    if (exampleErrors.length > 0) throw new Error(exampleErrors.join('; '));
    return `price ${later.price.trim()}, ${later.count} messages`;
  });
}

try {
  await main();
} catch (error) {
  checks.failed += 1;
  console.log(`FAIL e2e harness — ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
} finally {
  clearTimeout(watchdog);
  await cleanup();
}
process.exit(checks.finish('dashboard'));
