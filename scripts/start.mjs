#!/usr/bin/env node
// `npm start`: installs what it needs, builds, then runs the Marksim server (simulation + WebSocket
// feed on ws://localhost:8765 + archiver + memory monitor) and serves the dashboard on
// http://localhost:8050. Arguments after `--` go to the server (`npm start -- --help`).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, log, run, setup } from './setup.mjs';

const serverArgs = process.argv.slice(2);
if (serverArgs.includes('--help') || serverArgs.includes('-h')) {
  console.log(`usage: npm start [-- <server options>]

Installs dependencies, builds every package, then starts
  the Marksim server     ws://localhost:8765 (HTTP /health and /metrics on the same port)
  the dashboard          http://localhost:8050
Server options (e.g. --seed 7 --speed 50 --port 9000) are passed through; see the list below.
Environment: MARKSIM_CONTROL_TOKEN enables pause/resume/speed from the dashboard.
`);
}

const pnpm = setup();
run(pnpm, ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);

const children = [
  spawn(process.execPath, [join(ROOT, 'apps/server/dist/main.js'), ...serverArgs], { stdio: 'inherit', cwd: ROOT }),
];
if (!serverArgs.includes('--help') && !serverArgs.includes('-h')) {
  children.push(spawn(process.execPath, [join(ROOT, 'apps/dashboard/serve.mjs'), '--port', process.env.DASHBOARD_PORT ?? '8050'],
    { stdio: 'inherit', cwd: ROOT }));
}

let exiting = false;
function shutdown(code) {
  if (exiting) return;
  exiting = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 5000).unref();
  Promise.all(children.map((child) => child.exitCode !== null ? null : new Promise((done) => child.once('exit', done))))
    .then(() => process.exit(code));
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => shutdown(0));
for (const child of children) {
  child.on('exit', (code, signal) => {
    if (!exiting) {
      if (code !== 0) log(`${child.spawnargs[1]} exited (${code ?? signal}); stopping`);
      shutdown(code ?? 1);
    }
  });
}
