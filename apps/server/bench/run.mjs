#!/usr/bin/env node
// Runs the server benchmarks. The soak takes ≥ 10 minutes: set MARKSIM_SOAK_MINUTES to shorten
// it for a quick look (the figure needs 10).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const minutes = process.env.MARKSIM_SOAK_MINUTES ?? '10';
const script = join(dirname(fileURLToPath(import.meta.url)), 'soak.bench.mjs');
const result = spawnSync(process.execPath, [script, '--minutes', minutes], { stdio: 'inherit' });
process.exit(result.status ?? 1);
