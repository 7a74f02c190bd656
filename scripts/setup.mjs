#!/usr/bin/env node
// Makes a fresh clone runnable with only Node 20 and npm: finds or installs the pinned pnpm
// (locally under .tools/, so no root and no global install is needed), then installs the
// workspace dependencies. Used by `npm start`, `npm test` and `npm run bench`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).packageManager.split('@')[1];
const LOCAL_PNPM = join(ROOT, '.tools', 'node_modules', '.bin', 'pnpm');

export function log(message) {
  process.stderr.write(`[marksim] ${message}\n`);
}

function versionOf(command) {
  const result = spawnSync(command, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** Returns the path of a pnpm binary of the pinned version, installing it under .tools/ if needed. */
export function ensurePnpm() {
  if (versionOf('pnpm') === PNPM_VERSION) return 'pnpm';
  // turbo and pnpm run package scripts through `pnpm` on PATH: put the local one first.
  process.env.PATH = `${dirname(LOCAL_PNPM)}${delimiter}${process.env.PATH ?? ''}`;
  if (existsSync(LOCAL_PNPM) && versionOf(LOCAL_PNPM) === PNPM_VERSION) return LOCAL_PNPM;
  log(`installing pnpm ${PNPM_VERSION} into .tools/ (one time)…`);
  // npm refuses --allow-scripts in a project-scoped install, so install without scripts and run
  // pnpm's own install step: it links the native binary (from the registry package
  // @pnpm/exe.<platform>) over the `sh` launcher, which turbo could not exec directly.
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--prefix', join(ROOT, '.tools'),
    '--ignore-scripts', `pnpm@${PNPM_VERSION}`], { stdio: 'inherit', cwd: ROOT });
  execFileSync(process.execPath, ['install.js'], { stdio: 'inherit', cwd: join(ROOT, '.tools', 'node_modules', 'pnpm') });
  return LOCAL_PNPM;
}

/** Runs a command in the repo root with inherited stdio; exits the process on failure. */
export function run(command, args, options = {}) {
  log(`$ ${[command === LOCAL_PNPM ? 'pnpm' : command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, ...options,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', ...options.env } });
  if (result.status !== 0) {
    log(`failed: ${command} ${args.join(' ')} (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

/** pnpm + workspace dependencies, ready to use. */
export function setup() {
  const pnpm = ensurePnpm();
  run(pnpm, ['install', '--frozen-lockfile', '--reporter=append-only']);
  return pnpm;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) setup();
