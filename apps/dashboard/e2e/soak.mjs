#!/usr/bin/env node
// Memory soak of the dashboard: the real server and the built dashboard in headless chromium
// for N minutes (default 10), sampling the page's JS heap after a forced GC, its DOM node count
// and the messages it received. Prints a table, then one JSON line with the figures.
//   node e2e/soak.mjs [--minutes 10] [--sample-seconds 30] [--server PATH]
import { startStaticServer } from '../serve.mjs';
import { launchBrowser, SERVER_MAIN, startServer } from './harness.mjs';

const argv = process.argv.slice(2);
function option(name, fallback) {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : fallback;
}
if (argv.includes('--help')) {
  console.log('usage: node e2e/soak.mjs [--minutes N] [--sample-seconds S] [--server PATH]');
  process.exit(0);
}
const minutes = Number(option('--minutes', '10'));
const sampleSeconds = Number(option('--sample-seconds', '30'));
const serverScript = option('--server', SERVER_MAIN);
if (!(minutes > 0) || !(sampleSeconds > 0)) {
  console.error(`--minutes and --sample-seconds must be > 0 (got ${minutes}, ${sampleSeconds})`);
  process.exit(2);
}

const server = await startServer({ script: serverScript });
const web = await startStaticServer({ host: '127.0.0.1', port: 0 });
const browser = await launchBrowser();
const samples = [];
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${web.url}?ws=${encodeURIComponent(server.url)}`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const startMs = Date.now();
  console.log('   min   heap MB   DOM nodes   messages   trades');
  for (;;) {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => metrics.find((entry) => entry.name === name)?.value ?? 0;
    const counts = await page.evaluate(() => ({
      messages: Number(document.querySelector('[data-testid="messages-rate"]')?.getAttribute('data-total') ?? 0),
      trades: Number(document.querySelector('[data-testid="trades-received"]')?.getAttribute('data-count') ?? 0),
    }));
    const sample = { minute: (Date.now() - startMs) / 60_000, heapMb: metric('JSHeapUsedSize') / 1e6, nodes: metric('Nodes'), ...counts };
    samples.push(sample);
    console.log(`${sample.minute.toFixed(1).padStart(6)}  ${sample.heapMb.toFixed(1).padStart(8)}  ${String(sample.nodes).padStart(10)}  ${String(sample.messages).padStart(9)}  ${String(sample.trades).padStart(7)}`);
    if (sample.minute >= minutes) break;
    await new Promise((done) => setTimeout(done, sampleSeconds * 1000));
  }
} finally {
  await browser.close();
  await web.close();
  await server.kill('SIGTERM');
}
// Growth after warm-up: the first sample past 2 minutes (or the second) against the last.
const warm = samples.find((sample) => sample.minute >= 2) ?? samples[1] ?? samples[0];
const last = samples[samples.length - 1];
console.log(JSON.stringify({
  dashboard_heap_mb_after_warmup: Number(warm.heapMb.toFixed(1)),
  dashboard_heap_mb_at_end: Number(last.heapMb.toFixed(1)),
  dashboard_heap_growth_pct_after_warmup: Number((((last.heapMb - warm.heapMb) / warm.heapMb) * 100).toFixed(1)),
  dashboard_dom_nodes_at_end: last.nodes,
  minutes: Number(last.minute.toFixed(1)),
  trades_received: last.trades,
}));
