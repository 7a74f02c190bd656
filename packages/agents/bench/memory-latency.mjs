#!/usr/bin/env node
// What a cold read costs on this machine, and how much of it is the page walk: chases a random
// cycle of cache lines (each read's address comes from the one before, as when code follows
// pointers through cold objects), with the lines either packed side by side or each on its own
// 4 KB page. Packed and one-per-page hold the same lines, so the cache holds the same bytes; the
// difference is the address translation for pages the TLB no longer covers. A market whose
// decisions touch objects scattered over a large heap pays the one-per-page figure.
import { parseOptions } from './bench-options.mjs';

const HELP = `usage: node packages/agents/bench/memory-latency.mjs [options]

Prints ns per dependent read of a random cycle over lines packed together and over lines one per
4 KB page (skipped where that spans more than --max-span MB), for each footprint.

  --mb LIST       footprints in MB of lines (default 1,4,8,32)
  --reads N       timed reads per figure (default 20000000)
  --max-span N    largest one-per-page span to allocate, in MB (default 512)
  --help          this text`;

const OPTIONS = { mb: [1, 4, 8, 32], reads: 20_000_000, 'max-span': 512 };
const LINE_INTS = 16; // 64-byte lines of 4-byte ints
const PAGE_INTS = 1024; // 4 KB pages

/** A seeded xorshift32: the same cycle on every run. */
function xorshift(seed) {
  let state = seed | 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
}

/** Int32Array where each used slot holds the index of the next in one random cycle through `lines` lines. */
function buildCycle(lines, strideInts) {
  const random = xorshift(0x9e3779b9);
  const memory = new Int32Array(lines * strideInts);
  const order = new Int32Array(lines);
  for (let i = 0; i < lines; i++) order[i] = i;
  for (let i = lines - 1; i > 0; i--) {
    const j = random() % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  // One-per-page lines sit at a random line within their page, as objects do.
  const slot = (line) => line * strideInts + (strideInts === PAGE_INTS ? (Math.imul(line, 0x2545f491) >>> 26) * LINE_INTS : 0);
  for (let i = 0; i < lines; i++) memory[slot(order[i])] = slot(order[(i + 1) % lines]);
  return { memory, start: slot(order[0]) };
}

/** ns per dependent read over `reads` reads, after one warm pass through the cycle. */
function chase({ memory, start }, lines, reads) {
  let p = start;
  for (let i = 0; i < lines; i++) p = memory[p];
  const begin = process.hrtime.bigint();
  for (let i = 0; i < reads; i++) p = memory[p];
  const ns = Number(process.hrtime.bigint() - begin) / reads;
  if (p < 0) console.log(p); // keeps the loop's result alive
  return ns;
}

const options = parseOptions('memory-latency', process.argv.slice(2), OPTIONS, HELP);
console.log('footprint MB   packed ns/read   one per 4 KB page ns/read (span MB)');
const figures = {};
for (const mb of options.mb) {
  const lines = Math.floor((mb * 1048576) / 64);
  const packed = chase(buildCycle(lines, LINE_INTS), lines, options.reads);
  const spanMb = (lines * 4096) / 1048576;
  const sparse = spanMb <= options['max-span'] ? chase(buildCycle(lines, PAGE_INTS), lines, options.reads) : null;
  console.log(`${String(mb).padStart(12)}   ${packed.toFixed(1).padStart(14)}   ${sparse === null ? '-'.padStart(25) : `${sparse.toFixed(1)} (${spanMb})`.padStart(25)}`);
  figures[`packed_ns_${mb}_mb`] = Math.round(packed * 10) / 10;
  if (sparse !== null) figures[`page_per_line_ns_${mb}_mb`] = Math.round(sparse * 10) / 10;
}
console.log(JSON.stringify(figures));
