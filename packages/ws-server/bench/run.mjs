// Runs every *.bench.mjs in this folder, one after the other, each in its own process with the
// open-file limit raised (1 000 clients need ~1 000 sockets per process), and prints the merged
// figures as the last line.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const OPEN_FILES = 8192;
const merged = {};

for (const file of readdirSync(HERE).filter((name) => name.endsWith('.bench.mjs')).sort()) {
  // `ulimit -n` may only raise the soft limit up to the hard one; if that fails, the bench runs
  // with what it has (see README: raise the hard limit for 1 000 clients).
  const script = `ulimit -n ${OPEN_FILES} 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "${process.execPath}" "${join(HERE, file)}"`;
  const child = spawn('sh', ['-c', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
    process.stdout.write(chunk);
  });
  const code = await new Promise((resolve) => child.on('exit', resolve));
  if (code !== 0) {
    console.error(`${file} failed with exit code ${code}`);
    process.exit(1);
  }
  const lines = output.trimEnd().split('\n');
  Object.assign(merged, JSON.parse(lines[lines.length - 1]));
}
console.log(JSON.stringify(merged));
