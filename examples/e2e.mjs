#!/usr/bin/env node
// Runs every example consumer (Node, Python, Go; ticker and book clients) against a live
// Marksim server and checks what each prints. One PASS/FAIL line per check, then
// "examples: N passed, N failed"; exits non-zero on any failure. The HTML example is opened in
// chromium by the dashboard's browser test (apps/dashboard/e2e/run.mjs).
//   node examples/e2e.mjs [--server PATH]     (or: pnpm --filter @marksim/example-node e2e)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startScriptedBookServer } from './node/scripted-book-server.mjs';

const EXAMPLES = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(EXAMPLES, '..');
const PYTHON = process.env.MARKSIM_PYTHON ?? '/usr/bin/python3';
const GOPATH = '/usr/share/gocode';
/** Longest any one consumer may take. */
const CONSUMER_TIMEOUT_MS = 45_000;
/** Book messages each book client verifies; every 10th delta is dropped on purpose to exercise resync. */
const BOOK_MESSAGES = 60;
const GAP_EVERY = 10;

const argv = process.argv.slice(2);
if (argv.includes('--help')) {
  console.log('usage: node examples/e2e.mjs [--server PATH]\nStarts apps/server/dist/main.js (or PATH) and runs every example consumer against it.');
  process.exit(0);
}
const serverIndex = argv.indexOf('--server');
const SERVER_MAIN = serverIndex >= 0 ? resolve(argv[serverIndex + 1]) : join(REPO_ROOT, 'apps', 'server', 'dist', 'main.js');

let passed = 0;
let failed = 0;
function report(name, error, detail) {
  if (error === null) {
    passed += 1;
    console.log(`PASS ${name}${detail ? ` — ${detail}` : ''}`);
  } else {
    failed += 1;
    console.log(`FAIL ${name} — ${error}`);
  }
}

/** Starts the server on a free port; resolves with { child, url } once it logs its ws:// URL. */
function startServer() {
  if (!existsSync(SERVER_MAIN)) {
    return Promise.reject(new Error(`the server is not built: ${SERVER_MAIN} is missing (run \`pnpm build\` from the repository root first)`));
  }
  const child = spawn(process.execPath, [SERVER_MAIN, '--host', '127.0.0.1', '--port', '0', '--seed', '1', '--no-archive'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolveStart, rejectStart) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rejectStart(new Error(`server printed no ws:// URL within 20 s:\n${output.slice(-2000)}`));
    }, 20_000);
    const onData = (chunk) => {
      output = (output + chunk).slice(-20_000);
      const match = /ws:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match !== null && Number(match[1]) > 0) {
        clearTimeout(timer);
        resolveStart({ child, url: match[0] });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      rejectStart(new Error(`server exited (${signal ?? `code ${code}`}) before listening:\n${output.slice(-2000)}`));
    });
  });
}

/** Runs a consumer to completion (bounded); resolves with { code, stdout, stderr }. */
function runConsumer(command, args, options = {}) {
  return new Promise((resolveRun) => {
    const startMs = Date.now();
    const child = spawn(command, args, { cwd: options.cwd ?? EXAMPLES, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      stderr += `\n(killed after ${CONSUMER_TIMEOUT_MS / 1000} s)`;
      child.kill('SIGKILL');
    }, CONSUMER_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      resolveRun({ code: -1, stdout, stderr: `${stderr}\n${error.message}` });
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolveRun({ code: code ?? signal, stdout, stderr, elapsedMs: Date.now() - startMs });
    });
  });
}

function tail(text) {
  return text.trim().split('\n').slice(-3).join(' | ').slice(0, 400);
}

/** Checks a ticker client's output: `count` lines starting `Price: $<number>` and exit 0. */
function checkTicker(result, count) {
  const lines = result.stdout.split('\n').filter((line) => /^Price: \$\d+(\.\d+)?\s+\S+\/\S+\s+bid /.test(line));
  if (result.code !== 0) return [`exit ${result.code}: ${tail(result.stderr || result.stdout)}`];
  if (lines.length !== count) return [`expected ${count} price lines, got ${lines.length}: ${tail(result.stdout)}`];
  return [null, lines[lines.length - 1].replace(/\s+/g, ' ').slice(0, 80)];
}

/** Checks a book client's output: verified snapshots and deltas, a detected gap resynchronised, no mismatch. */
function checkBook(result) {
  const lines = result.stdout.split('\n');
  const summary = lines.find((line) => line.startsWith('verified '));
  if (result.code !== 0) return [`exit ${result.code}: ${tail(result.stderr || result.stdout)}`];
  if (summary === undefined || !/ 0 checksum mismatches$/.test(summary)) return [`no clean summary: ${tail(result.stdout)}`];
  const gapIndex = lines.findIndex((line) => line.startsWith('gap: '));
  if (gapIndex < 0) return [`the dropped delta was not detected as a gap: ${tail(result.stdout)}`];
  const resynced = lines.slice(gapIndex).some((line) => /^snapshot .* checksum \d+ OK$/.test(line));
  if (!resynced) return [`no verified snapshot after the gap: ${tail(result.stdout)}`];
  const deltasOk = lines.filter((line) => /^delta .* checksum \d+ OK$/.test(line)).length;
  if (deltasOk === 0) return [`no verified delta: ${tail(result.stdout)}`];
  return [null, summary];
}

function pythonReady() {
  const probe = spawnSync(PYTHON, ['-c', 'import websockets'], { encoding: 'utf8' });
  return probe.status === 0 ? null : `${PYTHON} cannot import websockets (install Debian's python3-websockets)`;
}

function goReady() {
  const probe = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (probe.status !== 0) return 'go is not installed (Debian: golang-go)';
  if (!existsSync(join(GOPATH, 'src', 'github.com', 'gorilla', 'websocket'))) return `gorilla/websocket not in ${GOPATH} (Debian: golang-github-gorilla-websocket-dev)`;
  return null;
}

/**
 * Each book client against the scripted feed with --count 3 --simulate-gap 2: the snapshot, a delta, then
 * a delta it drops on purpose as its last counted message. It must still stop (a client that
 * returned early from a dropped or gap delta once skipped its count check and ran forever).
 */
async function checkCountEndsOnDroppedDelta(pythonProblem, goProblem, goEnv) {
  const scripted = await startScriptedBookServer();
  try {
    const args = ['--count', '3', '--simulate-gap', '2'];
    const clients = [
      ['Node', () => runConsumer(process.execPath, ['book-client.mjs', scripted.url, ...args], { cwd: join(EXAMPLES, 'node') })],
      ['Python', pythonProblem ?? (() => runConsumer(PYTHON, ['book_client.py', scripted.url, ...args], { cwd: join(EXAMPLES, 'python') }))],
      ['Go', goProblem ?? (() => runConsumer('go', ['run', './go/book', '-count', '3', '-simulate-gap', '2', scripted.url], { env: goEnv }))],
    ];
    const results = await Promise.all(clients.map(([, start]) => (typeof start === 'string' ? Promise.resolve(start) : start())));
    clients.forEach(([language], i) => {
      const name = `${language} book client stops at --count when its last message is a dropped delta`;
      const result = results[i];
      if (typeof result === 'string') return report(name, `not runnable: ${result}`);
      const summary = result.stdout.split('\n').find((line) => line.startsWith('verified '));
      if (result.code !== 0) return report(name, `exit ${result.code}: ${tail(result.stderr || result.stdout)}`);
      if (summary === undefined || !summary.includes(' of 3 book messages')) return report(name, `summary does not count 3 messages: ${tail(result.stdout)}`);
      return report(name, null, `${summary} (${result.elapsedMs} ms)`);
    });
  } finally {
    await scripted.close();
  }
}

async function main() {
  let server;
  try {
    server = await startServer();
    report('server starts and logs its ws:// URL', null, server.url);
  } catch (error) {
    report('server starts and logs its ws:// URL', error.message);
    return;
  }
  try {
    const goEnv = { GO111MODULE: 'off', GOPATH, GOFLAGS: '', GOPROXY: 'off', CGO_ENABLED: '0' };
    const pythonProblem = pythonReady();
    const goProblem = goReady();
    const book = ['--count', String(BOOK_MESSAGES)];
    // All consumers run at once against the one server; each is bounded by CONSUMER_TIMEOUT_MS.
    const runs = [
      ['Node ticker client prints prices', () => runConsumer(process.execPath, ['ticker-client.mjs', server.url, '--count', '5'], { cwd: join(EXAMPLES, 'node') }), (r) => checkTicker(r, 5)],
      ['Node book client keeps a verified book (seq + checksum, resync after a gap)', () => runConsumer(process.execPath, ['book-client.mjs', server.url, ...book, '--simulate-gap', String(GAP_EVERY)], { cwd: join(EXAMPLES, 'node') }), checkBook],
      ['Python ticker client prints prices', pythonProblem ?? (() => runConsumer(PYTHON, ['ticker_client.py', server.url, '--count', '5'], { cwd: join(EXAMPLES, 'python') })), (r) => checkTicker(r, 5)],
      ['Python book client keeps a verified book (seq + zlib.crc32, resync after a gap)', pythonProblem ?? (() => runConsumer(PYTHON, ['book_client.py', server.url, ...book, '--simulate-gap', String(GAP_EVERY)], { cwd: join(EXAMPLES, 'python') })), checkBook],
      ['Go ticker client prints prices', goProblem ?? (() => runConsumer('go', ['run', './go/ticker', '-count', '5', server.url], { env: goEnv })), (r) => checkTicker(r, 5)],
      ['Go book client keeps a verified book (seq + crc32.ChecksumIEEE, resync after a gap)', goProblem ?? (() => runConsumer('go', ['run', './go/book', '-count', String(BOOK_MESSAGES), '-simulate-gap', String(GAP_EVERY), server.url], { env: goEnv })), checkBook],
    ];
    const results = await Promise.all(runs.map(([, start]) => (typeof start === 'string' ? Promise.resolve(start) : start())));
    runs.forEach(([name, , check], i) => {
      const result = results[i];
      if (typeof result === 'string') report(name, `not runnable: ${result}`);
      else {
        const [error, detail] = check(result);
        report(name, error, `${detail} (${result.elapsedMs} ms)`);
      }
    });
    await checkCountEndsOnDroppedDelta(pythonProblem, goProblem, goEnv);
  } finally {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      const exited = new Promise((done) => server.child.once('exit', done));
      server.child.kill('SIGTERM');
      const timer = setTimeout(() => server.child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
  }
}

try {
  await main();
} catch (error) {
  report('examples harness', error instanceof Error ? error.stack ?? error.message : String(error));
}
console.log(`examples: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
