// Shared parts of the browser end-to-end runs: the real Marksim server as a child process,
// headless Debian chromium through playwright-core, bounded waits, and a check reporter that
// prints one PASS/FAIL line per check and the closing "N passed, N failed" line.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** Repository root (apps/dashboard/e2e → ../../..). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** The built server the e2e starts, unless --server names another script. */
export const SERVER_MAIN = join(REPO_ROOT, 'apps', 'server', 'dist', 'main.js');
/** Debian's chromium, as in ../shared/TOOLCHAIN.md. */
export const CHROMIUM = process.env.MARKSIM_CHROMIUM ?? '/usr/bin/chromium';

/** Chromium flags: headless, no sandbox (root in CI), and no network but loopback. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** Resolves after `ms` (for observing that something does NOT happen, never for waiting on events). */
export function delay(ms) {
  return new Promise((done) => setTimeout(done, ms));
}

/** Polls `probe` until it returns a truthy value or `timeoutMs` passes; throws `what` on timeout. */
export async function waitFor(what, probe, { timeoutMs = 10_000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) {
      const detail = last instanceof Error ? ` (last error: ${last.message})` : last !== undefined && last !== false && last !== null ? ` (last: ${JSON.stringify(last)})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await delay(intervalMs);
  }
}

/** A running server child process. */
export class ServerProcess {
  constructor(child, url, port, output) {
    this.child = child;
    this.url = url;
    this.port = port;
    this.output = output;
  }

  /** Kills the server (SIGKILL by default: a crash, no close frames) and waits for its exit. */
  async kill(signal = 'SIGKILL') {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((done) => this.child.once('exit', done));
    this.child.kill(signal);
    await Promise.race([exited, delay(5_000)]);
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

/**
 * Starts the server on `host`:`port` (0 = a free port) and resolves once it logs its
 * ws:// URL. Fails with a clear message when the server is not built.
 */
export async function startServer({ script = SERVER_MAIN, port = 0, token, seed = 1, timeoutMs = 20_000, extraArgs = [] } = {}) {
  if (!existsSync(script)) {
    throw new Error(`the server is not built: ${script} is missing (run \`pnpm build\` from the repository root first)`);
  }
  const args = [script, '--host', '127.0.0.1', '--port', String(port), '--seed', String(seed), '--no-archive', ...extraArgs];
  if (token !== undefined) args.push('--control-token', token);
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  const url = await new Promise((resolveUrl, rejectUrl) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rejectUrl(new Error(`server did not print its ws:// URL within ${timeoutMs} ms; output:\n${output.join('').slice(-2000)}`));
    }, timeoutMs);
    const onData = (chunk) => {
      output.push(String(chunk));
      if (output.length > 200) output.splice(0, output.length - 200);
      const match = /ws:\/\/127\.0\.0\.1:(\d+)/.exec(output.join(''));
      if (match !== null && Number(match[1]) > 0) {
        clearTimeout(timer);
        resolveUrl(match[0]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      rejectUrl(new Error(`server exited (${signal ?? `code ${code}`}) before listening; output:\n${output.join('').slice(-2000)}`));
    });
  });
  // Keep draining the pipes so a chatty server never blocks on a full pipe.
  child.stdout.on('data', () => undefined);
  child.stderr.on('data', () => undefined);
  return new ServerProcess(child, url, Number(new URL(url).port), output);
}

/** Launches headless chromium; throws a clear message when it is not installed. */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`chromium not found at ${CHROMIUM} (install Debian's chromium, or set MARKSIM_CHROMIUM)`);
  }
  const { chromium } = require('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/** Prints one line per check and the closing tally. */
export class Checks {
  passed = 0;
  failed = 0;
  started = Date.now();

  /** Runs `body`; a throw or a false result fails the check. Returns whether it passed. */
  async run(name, body) {
    const startMs = Date.now();
    try {
      const detail = await body();
      this.passed += 1;
      console.log(`PASS ${name}${typeof detail === 'string' && detail !== '' ? ` — ${detail}` : ''} (${Date.now() - startMs} ms)`);
      return true;
    } catch (error) {
      this.failed += 1;
      console.log(`FAIL ${name} — ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  /** Records a check that could not run because an earlier one failed. */
  skip(name, reason) {
    this.failed += 1;
    console.log(`FAIL ${name} — not run: ${reason}`);
  }

  /** Prints the closing line (`label: N passed, N failed`, label one word) and returns the exit code. */
  finish(label) {
    console.log(`${label} checks took ${((Date.now() - this.started) / 1000).toFixed(1)} s`);
    console.log(`${label}: ${this.passed} passed, ${this.failed} failed`);
    return this.failed === 0 ? 0 : 1;
  }
}
