// `marksim report DIR`: the stylized facts of a run written by `marksim simulate`.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { agentsError } from '../errors.js';
import { formatRealismTable, realismChecks, realismFigures, spreadFigures } from '../report/realism-report.js';
import type { RealismFigures } from '../report/realism-report.js';
import { RUN_FILES } from '../run/run-recorder.js';
import type { CliIo } from './cli-io.js';
import { formatHelp, parseFlags } from './parse-flags.js';
import type { FlagSpec } from './parse-flags.js';

const FLAGS: readonly FlagSpec[] = [
  { name: 'json', kind: 'boolean', description: 'print the figures as JSON instead of a table' },
  { name: 'help', kind: 'boolean', description: 'show this help' },
];

/** Usage text of `marksim report`. */
export const REPORT_HELP = formatHelp(
  'report',
  'DIR [--json]',
  'Reads a run written by `marksim simulate --out DIR` and prints its stylized facts (heavy tails,\n' +
    'autocorrelation of returns and of |returns|, kurtosis at 1/5/15-minute bars, spreads, crossed\n' +
    'book) beside the range real markets show. Exit code 0 even when a figure is out of range.',
  FLAGS,
);

function readRunFile(directory: string, name: string): string {
  const path = join(directory, name);
  if (!existsSync(path)) throw agentsError('INVALID_RUN_DIR', `${path} is missing: is ${directory} a directory written by marksim simulate?`);
  return readFileSync(path, 'utf8');
}

/** Reads the figures of a run directory. */
export function readRunFigures(directory: string): RealismFigures {
  const closes: number[] = [];
  const barLines = readRunFile(directory, RUN_FILES.bars).split('\n');
  for (let i = 1; i < barLines.length; i++) {
    const line = barLines[i]!;
    if (line.length === 0) continue;
    const close = Number(line.split(',')[4]);
    if (!(close > 0)) throw agentsError('INVALID_RUN_DIR', `${RUN_FILES.bars} line ${i + 1}: close must be a price > 0 (got "${line}")`);
    closes.push(close);
  }
  const bids: number[] = [];
  const asks: number[] = [];
  for (const line of readRunFile(directory, RUN_FILES.tickers).split('\n')) {
    if (line.length === 0) continue;
    const ticker = JSON.parse(line) as { bid_price: number; ask_price: number };
    bids.push(ticker.bid_price);
    asks.push(ticker.ask_price);
  }
  const summary = JSON.parse(readRunFile(directory, RUN_FILES.summary)) as { book_crossed_count?: number };
  return realismFigures(closes, spreadFigures(bids, asks), summary.book_crossed_count ?? -1);
}

/** Runs `marksim report`; resolves with the exit code. */
export async function reportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv, FLAGS, 'report');
  if (flags.values.has('help')) {
    io.stdout.write(REPORT_HELP);
    return 0;
  }
  if (flags.positionals.length !== 1) throw agentsError('INVALID_ARGUMENT', `marksim report needs one run directory (got ${flags.positionals.length} arguments)`);
  const directory = resolve(io.cwd, flags.positionals[0]!);
  const figures = readRunFigures(directory);
  if (flags.values.has('json')) {
    io.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    return 0;
  }
  const checks = realismChecks(figures);
  const passed = checks.filter((check) => check.pass).length;
  io.stdout.write(
    `realism report for ${directory} (${figures.returns} one-minute returns, price ${figures.minPrice} to ${figures.maxPrice})\n\n` +
      `${formatRealismTable(checks)}\n\n${passed}/${checks.length} figures in the real-market range\n`,
  );
  return 0;
}
