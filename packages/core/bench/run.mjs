#!/usr/bin/env node
// Runs every bench/*.bench.mjs of @marksim/core in its own child process, one after another (so
// one benchmark's heap and JIT state never colour the next), streams their output, and prints as
// its own last line one JSON object merging the last-line JSON of each. Benchmarks import the
// built package (../dist/index.js): `pnpm bench` builds first. `node bench/run.mjs book` runs
// only the files whose name contains "book".
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = readdirSync(BENCH_DIR)
  .filter((name) => name.endsWith('.bench.mjs') && name.includes(filter))
  .sort();

/** Runs one benchmark with --expose-gc, echoing its output; resolves with its last stdout line and exit code. */
function runOne(file) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', join(BENCH_DIR, file)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let pending = '';
    let lastLine = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '') lastLine = line.trim();
    });
    child.on('close', (code, signal) => {
      if (pending.trim() !== '') lastLine = pending.trim();
      resolve({ lastLine, code: code ?? (signal === null ? 1 : 128) });
    });
  });
}

const merged = {};
let failed = 0;
for (const file of files) {
  process.stdout.write(`\n== ${file}\n`);
  const { lastLine, code } = await runOne(file);
  let figures = null;
  try {
    figures = JSON.parse(lastLine);
  } catch {
    figures = null;
  }
  if (code !== 0 || figures === null || typeof figures !== 'object' || Array.isArray(figures)) {
    failed++;
    process.stderr.write(`bench ${file} failed: exit code ${code}, last line ${JSON.stringify(lastLine)} is not a JSON object\n`);
    continue;
  }
  Object.assign(merged, figures);
}
if (files.length === 0) process.stderr.write(`no bench/*.bench.mjs matches "${filter}"\n`);
process.stdout.write(`${JSON.stringify(merged)}\n`);
process.exitCode = failed > 0 || files.length === 0 ? 1 : 0;
