#!/usr/bin/env node
// `npm test`: installs what the tests need (pnpm, dependencies, Debian chromium and the example
// languages' packages when this machine may install them), then typechecks, builds, runs every
// unit/integration test and the browser + example end-to-end tests, and closes with one line
// that sums up every runner's counts.
import { spawn } from 'node:child_process';
import { ensureSystemPackages } from './system-packages.mjs';
import { ROOT, log, run, setup } from './setup.mjs';

if (process.argv.includes('--help')) {
  console.log(`usage: npm test

Installs pnpm (locally), the workspace dependencies and, as root, the Debian packages the
end-to-end tests use (chromium, python3-websockets, golang-go, gorilla websocket); then runs
  tsc -b                     typecheck every package and test
  turbo run build test       build and run jest in every package
  turbo run e2e              browser tests (chromium) and the example consumers
and prints a closing "N passed, N failed" line over all of them.`);
  process.exit(0);
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;
const totals = { passed: 0, failed: 0, skipped: 0 };

/** Adds the counts a jest summary or an e2e closing line reports. */
function count(line) {
  const plain = line.replace(ANSI, '');
  const jest = /Tests:\s+(.*\d+ total)/.exec(plain);
  if (jest) {
    for (const [, n, what] of jest[1].matchAll(/(\d+) (passed|failed|skipped)/g)) totals[what] += Number(n);
    return;
  }
  const e2e = /^(?:\S+:\s+)?\S+: (\d+) passed, (\d+) failed\s*$/.exec(plain);
  if (e2e) {
    totals.passed += Number(e2e[1]);
    totals.failed += Number(e2e[2]);
  }
}

/** Runs turbo, echoing its output and counting what the test runners report. */
function turbo(pnpm, args) {
  log(`$ pnpm exec turbo ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(pnpm, ['exec', 'turbo', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', FORCE_COLOR: '0' } });
    let pending = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop();
      lines.forEach(count);
    });
    child.on('exit', (code) => {
      if (pending) count(pending);
      resolve(code ?? 1);
    });
  });
}

const pnpm = setup();
ensureSystemPackages();
run(pnpm, ['exec', 'tsc', '-b']);
let status = await turbo(pnpm, ['run', 'build', 'test', '--output-logs=full']);
if (status === 0) status = await turbo(pnpm, ['run', 'e2e', '--concurrency=1', '--output-logs=full']);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\nnpm test: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(status);
