// Time engine throughput in fast mode: scheduled callbacks per second with trivial handlers.
// Run: pnpm exec tsc -b packages/core && node packages/core/bench/time-engine.bench.mjs
// Prints a table, then one JSON line. The headline, time_engine_callbacks_per_s, is what the issue
// asks for: callbacks/s with trivial handlers in fast mode, taken as the slower of the two
// trivial-handler patterns with 10 000 timers queued (periodic wake-ups, self-rescheduling chains).
// The deep-heap and mix scenarios are reported under their own keys.
import { SeededRandom, TimeEngine } from '../dist/index.js';

const TARGET_CALLBACKS_PER_S = 3_000_000;

/** Delays drawn once, so the measured loop times the engine rather than the generator. */
function delayTable(size, maxUs, seed) {
  const random = new SeededRandom(seed, 'bench-delays');
  const table = new Int32Array(size);
  for (let i = 0; i < size; i++) table[i] = random.int(1, maxUs);
  return table;
}

/**
 * Wall time and this process's CPU time. The machine is shared by several busy processes, so
 * wall-clock throughput mostly measures the neighbours; fast mode never waits on I/O, so CPU
 * time is the fair figure and the headline. Both are printed.
 */
async function timed(run) {
  const startNs = process.hrtime.bigint();
  const startCpu = process.cpuUsage();
  const callbacks = await run();
  const cpu = process.cpuUsage(startCpu);
  const seconds = Number(process.hrtime.bigint() - startNs) / 1e9;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { callbacks, seconds, cpuSeconds, perS: callbacks / cpuSeconds, perWallS: callbacks / seconds };
}

/** 10 000 periodic timers on a 100 ms grid, staggered: the agent wake-up pattern. */
function periodic(totalCallbacks) {
  return timed(async () => {
    const engine = new TimeEngine();
    const timers = 10_000;
    let count = 0;
    const tick = () => {
      count++;
    };
    for (let i = 0; i < timers; i++) engine.every(100_000, tick, { startUs: 1 + ((i * 7919) % 100_000) });
    await engine.runUntil((totalCallbacks / timers) * 100_000);
    engine.stop();
    return count;
  });
}

/** 10 000 chains of one-shot timers, each handler scheduling its successor after a random delay. */
function chains(totalCallbacks) {
  return timed(async () => {
    const engine = new TimeEngine();
    const delays = delayTable(1 << 16, 200_000, 1);
    let count = 0;
    const hop = () => {
      count++;
      if (count < totalCallbacks) engine.after(delays[count & 0xffff], hop);
    };
    for (let i = 0; i < 10_000; i++) engine.after(delays[i], hop);
    await engine.runUntil(Number.MAX_SAFE_INTEGER);
    engine.stop();
    return count;
  });
}

/** Everything scheduled up front (a 1 M-deep heap), then drained. */
function scheduleAhead(totalCallbacks) {
  return timed(async () => {
    const engine = new TimeEngine();
    const delays = delayTable(1 << 16, 1_000_000_000, 2);
    let count = 0;
    const tick = () => {
      count++;
    };
    for (let i = 0; i < totalCallbacks; i++) engine.at(delays[i & 0xffff] + (i >> 16), tick);
    await engine.runUntil(Number.MAX_SAFE_INTEGER);
    engine.stop();
    return count;
  });
}

/**
 * The mix a simulation produces: 10 000 agents waking every 100 ms (self-rescheduling periodic
 * timers); one wake-up in two sends an order that reaches the book after a 1–5 000 µs latency
 * (a one-shot scheduled ahead), and one such order in eight is cancelled before it arrives
 * (cancel-replace); one wake-up in sixteen sets a reminder 0.1–10 s ahead (an order expiry),
 * which keeps a few tens of thousands of timers queued.
 */
function mixed(totalCallbacks) {
  return timed(async () => {
    const engine = new TimeEngine();
    const latencies = delayTable(1 << 16, 5_000, 3);
    const reminders = delayTable(1 << 16, 10_000_000, 4);
    let count = 0;
    let wakes = 0;
    const arrive = () => {
      count++;
    };
    const wake = () => {
      count++;
      wakes++;
      if ((wakes & 1) === 0) {
        const handle = engine.after(latencies[wakes & 0xffff], arrive);
        if ((wakes & 15) === 0) handle.cancel();
      }
      if ((wakes & 15) === 1) engine.after(100_000 + reminders[wakes & 0xffff], arrive);
    };
    const agents = 10_000;
    for (let i = 0; i < agents; i++) engine.every(100_000, wake, { startUs: 1 + ((i * 7919) % 100_000) });
    // Callbacks per 100 ms: wake-ups + 7/16 of them as arrivals + 1/16 as reminders.
    const perStep = agents * (1 + 7 / 16 + 1 / 16);
    await engine.runUntil(Math.round((totalCallbacks / perStep) * 100_000));
    engine.stop();
    return count;
  });
}

const scenarios = [
  ['periodic (10 k every)', 'time_engine_periodic_callbacks_per_s', periodic, 3_000_000],
  ['self-rescheduling chains', 'time_engine_chain_callbacks_per_s', chains, 3_000_000],
  ['schedule-ahead (1 M heap)', 'time_engine_schedule_ahead_callbacks_per_s', scheduleAhead, 1_000_000],
  ['mix (wake-ups, latencies, cancels, reminders)', 'time_engine_mix_callbacks_per_s', mixed, 3_000_000],
];
/** Runs per scenario; the best is kept, since neighbours on a shared machine only ever slow a run down. */
const RUNS = Number(process.env.TIME_ENGINE_BENCH_RUNS ?? 3);

// Warm the JIT on small runs so the table measures steady state.
for (const [, , run] of scenarios) await run(200_000);

const figures = {};
const rows = [];
for (const [name, key, run, total] of scenarios) {
  let best = null;
  let bestWall = null;
  for (let r = 0; r < RUNS; r++) {
    const result = await run(total);
    if (best === null || result.perS > best.perS) best = result;
    if (bestWall === null || result.perWallS > bestWall.perWallS) bestWall = result;
  }
  figures[key] = Math.round(best.perS);
  figures[`${key.replace(/_per_s$/, '')}_per_wall_s`] = Math.round(bestWall.perWallS);
  rows.push({
    scenario: name,
    callbacks: best.callbacks,
    'cpu s': best.cpuSeconds.toFixed(3),
    'wall s': bestWall.seconds.toFixed(3),
    'callbacks/cpu-s': Math.round(best.perS).toLocaleString('en-US'),
    'callbacks/wall-s': Math.round(bestWall.perWallS).toLocaleString('en-US'),
  });
}
figures.time_engine_callbacks_per_s = Math.min(figures.time_engine_periodic_callbacks_per_s, figures.time_engine_chain_callbacks_per_s);
figures.time_engine_target_callbacks_per_s = TARGET_CALLBACKS_PER_S;

console.log(`Time engine, fast mode, trivial handlers (best of ${RUNS} runs; CPU time of this process, wall shown too)`);
console.table(rows);
console.log(
  `headline (slower of periodic and chains, per CPU second): ${figures.time_engine_callbacks_per_s.toLocaleString('en-US')} callbacks/s, ` +
    `target >= ${TARGET_CALLBACKS_PER_S.toLocaleString('en-US')}; mix: ${figures.time_engine_mix_callbacks_per_s.toLocaleString('en-US')}`,
);
console.log(JSON.stringify(figures));
