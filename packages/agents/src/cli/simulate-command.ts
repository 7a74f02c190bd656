// `marksim simulate`: runs the default market fast-forward for a simulated duration and writes
// the run (trades, 1-minute bars, tickers, summary) to a directory.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MarketSimulation } from '@marksim/core';
import { agentsError } from '../errors.js';
import { DEFAULT_AGENT_COUNTS } from '../market/agent-mix.js';
import type { AgentCounts } from '../market/agent-mix.js';
import { createDefaultMarket } from '../market/default-market.js';
import { RUN_FILES, RunRecorder } from '../run/run-recorder.js';
import type { CliIo } from './cli-io.js';
import { loadAgentsFlag } from './market-config.js';
import { parseDurationUs } from './parse-duration.js';
import { formatHelp, parseFlags } from './parse-flags.js';
import type { FlagSpec } from './parse-flags.js';
import { ProgressBar } from './progress-bar.js';

const FLAGS: readonly FlagSpec[] = [
  { name: 'seed', kind: 'string', valueHint: 'N', description: 'seed of every random stream', defaultText: '1' },
  { name: 'duration', kind: 'string', valueHint: '6h', description: 'simulated time to run: 6h, 90m, 1h30m, 45s', defaultText: '1h' },
  {
    name: 'agents',
    kind: 'string',
    valueHint: 'SPEC|FILE.json',
    description: 'counts like mm=2,noise=80,informed=10,momentum=8, a total like 100, or a JSON config file',
    defaultText: 'mm=2,noise=80,informed=10,momentum=8',
  },
  { name: 'out', kind: 'string', valueHint: 'DIR', description: 'directory for trades.csv, ohlcv_1m.csv, tickers.ndjson, summary.json (required)' },
  { name: 'start', kind: 'string', valueHint: 'ISO-TIME', description: 'simulated start time', defaultText: '2024-01-01T00:00:00Z' },
  { name: 'quiet', kind: 'boolean', description: 'no progress bar' },
  { name: 'help', kind: 'boolean', description: 'show this help' },
];

const DESCRIPTION =
  'Runs the default market (market makers, noise, informed and momentum traders around a\n' +
  'fundamental value) as fast as this machine allows, with a progress bar on stderr, and\n' +
  'writes the run to --out. Same seed and agents => the same files.';

/** Usage text of `marksim simulate`. */
export const SIMULATE_HELP = formatHelp('simulate', '--out DIR [--seed N] [--duration 6h] [--agents SPEC]', DESCRIPTION, FLAGS);

/** Simulated time per runUntil, between progress updates and file drains (the bench runs in the same pieces). */
export const SIMULATE_CHUNK_US = 60_000_000;

function parseSeed(text: string): number | string {
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

function parseStartUs(text: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms) || ms < 0) throw agentsError('INVALID_ARGUMENT', `--start must be an ISO time such as 2024-01-01T00:00:00Z (got "${text}")`);
  return ms * 1000;
}

/** Runs `marksim simulate`; resolves with the exit code. */
export async function simulateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv, FLAGS, 'simulate');
  if (flags.values.has('help')) {
    io.stdout.write(SIMULATE_HELP);
    return 0;
  }
  if (flags.positionals.length > 0) throw agentsError('INVALID_ARGUMENT', `marksim simulate takes no positional arguments (got "${flags.positionals[0]}")`);
  const out = flags.values.get('out');
  if (typeof out !== 'string') throw agentsError('INVALID_ARGUMENT', '--out DIR is required (where to write the run)');
  const seed = parseSeed((flags.values.get('seed') as string | undefined) ?? '1');
  const durationUs = parseDurationUs((flags.values.get('duration') as string | undefined) ?? '1h');
  const agentsValue = flags.values.get('agents') as string | undefined;
  const config = agentsValue === undefined ? {} : loadAgentsFlag(agentsValue);
  const startValue = flags.values.get('start') as string | undefined;
  const simulation = createDefaultMarket({
    ...config,
    mode: 'fast',
    seed,
    ...(startValue === undefined ? {} : { startTimeUs: parseStartUs(startValue) }),
  });
  const directory = resolve(io.cwd, out);
  const recorder = new RunRecorder(simulation, directory);
  const progress = flags.values.has('quiet') ? null : new ProgressBar(io.stderr, durationUs);
  const startUs = simulation.options.startTimeUs;
  const endUs = startUs + durationUs;
  const wallStartMs = performance.now();
  for (let doneUs = 0; doneUs < durationUs; ) {
    doneUs = Math.min(durationUs, doneUs + SIMULATE_CHUNK_US);
    await simulation.runUntil(startUs + doneUs);
    await recorder.checkpoint(startUs + doneUs);
    progress?.update(doneUs, performance.now() - wallStartMs, simulation.stats().events, doneUs === durationUs);
  }
  const wallMs = performance.now() - wallStartMs;
  progress?.finish();
  await recorder.finish(endUs);
  const summary = runSummary(simulation, { seed, durationUs, wallMs, counts: config.agents, lastPriceTicks: recorder.lastPriceTicks });
  writeFileSync(join(directory, RUN_FILES.summary), `${JSON.stringify(summary, null, 2)}\n`);
  simulation.stop();
  io.stdout.write(
    `wrote ${directory}: ${summary.trades} trades, ${summary.events} events in ${summary.wall_s.toFixed(1)} s ` +
      `(${Math.round(summary.events_per_s)} events/s), final price ${summary.final_price}\n`,
  );
  return 0;
}

/** The summary.json of a run (snake_case keys, decimals as numbers). */
export function runSummary(
  simulation: MarketSimulation,
  run: { seed: number | string; durationUs: number; wallMs: number; counts: AgentCounts | number | undefined; lastPriceTicks: number },
) {
  const stats = simulation.stats();
  const units = simulation.options.units;
  const accounts = simulation.accounts();
  return {
    seed: run.seed,
    symbol: simulation.options.instrument.symbol,
    start_time: simulation.options.startTimeUs,
    duration_us: run.durationUs,
    agents: run.counts ?? DEFAULT_AGENT_COUNTS,
    events: stats.events,
    wakeups: stats.wakeups,
    orders: stats.orders,
    trades: stats.trades,
    volume: units.lotsToNumber(stats.tradedLots),
    rejects: stats.rejects,
    limit_rejects: stats.limitRejects,
    agent_errors: stats.agentErrors,
    agent_timeouts: stats.agentTimeouts,
    wall_s: run.wallMs / 1000,
    events_per_s: (stats.events * 1000) / run.wallMs,
    final_price: run.lastPriceTicks > 0 ? units.ticksToNumber(run.lastPriceTicks) : null,
    book_crossed_count: stats.crossedBookCount,
    min_spread: Number.isFinite(stats.minSpreadTicks) ? units.ticksToNumber(stats.minSpreadTicks) : null,
    per_agent: accounts.map((account) => ({
      agent_id: account.agentId,
      pnl: Math.round(account.totalPnl * 100) / 100,
      realised_pnl: Math.round(account.realisedPnl * 100) / 100,
      unrealised_pnl: Math.round(account.unrealisedPnl * 100) / 100,
      position: account.position,
      max_abs_position: account.maxAbsPosition,
      fills: account.fills,
      limit_rejects: account.limitRejects,
    })),
  };
}
