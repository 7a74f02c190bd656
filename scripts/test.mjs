#!/usr/bin/env node
// `npm test`: installs what the tests need (pnpm, dependencies, Debian chromium and the example
// languages' packages when this machine may install them), then typechecks, builds, runs every
// unit/integration test and the browser + example end-to-end tests.
import { ensureSystemPackages } from './system-packages.mjs';
import { run, setup } from './setup.mjs';

if (process.argv.includes('--help')) {
  console.log(`usage: npm test

Installs pnpm (locally), the workspace dependencies and, as root, the Debian packages the
end-to-end tests use (chromium, python3-websockets, golang-go, gorilla websocket); then runs
  tsc -b                     typecheck every package and test
  turbo run build test       build and run jest in every package
  turbo run e2e              browser tests (chromium) and the example consumers`);
  process.exit(0);
}

const pnpm = setup();
ensureSystemPackages();
run(pnpm, ['exec', 'tsc', '-b']);
run(pnpm, ['exec', 'turbo', 'run', 'build', 'test', '--output-logs=errors-only']);
run(pnpm, ['exec', 'turbo', 'run', 'e2e', '--concurrency=1']);
