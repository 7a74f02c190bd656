// Debian packages the end-to-end tests use. Installed only when missing, and only where this
// process may (root); otherwise it says what to install.
import { spawnSync } from 'node:child_process';
import { log } from './setup.mjs';

export const SYSTEM_PACKAGES = ['chromium', 'python3-websockets', 'golang-go', 'golang-github-gorilla-websocket-dev'];

function installed(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('ok installed');
}

export function ensureSystemPackages() {
  if (spawnSync('dpkg-query', ['--version']).status !== 0) {
    log('no dpkg here: make sure chromium, python3-websockets, go and gorilla/websocket are installed');
    return;
  }
  const missing = SYSTEM_PACKAGES.filter((name) => !installed(name));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    log(`missing Debian packages: ${missing.join(' ')} — run: sudo apt-get install ${missing.join(' ')}`);
    process.exit(1);
  }
  log(`installing Debian packages: ${missing.join(' ')}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...missing]]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) {
      log(`apt-get ${args[0]} failed (exit ${result.status})`);
      process.exit(1);
    }
  }
}
