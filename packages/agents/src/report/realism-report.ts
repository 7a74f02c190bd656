// The stylized facts of a run (Cont 2001), computed from 1-minute closes and quoted spreads,
// each with the range real liquid markets show beside it. Used by `marksim report` and by the
// realism tests, so both judge a market by the same numbers.
import {
  absolute,
  aggregateReturns,
  autocorrelation,
  autocorrelationBand,
  excessKurtosis,
  logReturns,
  quantile,
  robustAutocorrelationStandardError,
} from './return-stats.js';

/** Lags (in 1-minute bars) at which autocorrelations are reported. */
export const REPORT_LAGS: readonly number[] = [1, 2, 3, 5, 10, 20];

/**
 * Standard errors an autocorrelation at lag ≥ 2 may be from zero before the report calls it
 * linear memory. One report tests five lags: 3 SE flags about 1.3 % of memoryless runs under
 * normal asymptotics, and 0.4 % of 6-hour runs (0.7 % of 24-hour runs) of the volatility-clustered
 * fundamental process alone (5 000 seeds), while a constant-variance series of 360 returns with
 * acf 0.2 at lag 2 is 3.7 SE out. 2.5 SE flagged 2.9 %-4.0 % of those null runs.
 */
export const ACF_BAND_STANDARD_ERRORS = 3;

/** Quoted spread statistics, in bps of the mid, over ticker samples with both sides present. */
export interface SpreadFigures {
  readonly samples: number;
  readonly minBps: number;
  readonly medianBps: number;
  readonly p95Bps: number;
  readonly maxBps: number;
  /** Samples with bid ≥ ask. */
  readonly crossedSamples: number;
  /** Samples with a side missing. */
  readonly oneSidedSamples: number;
}

/** Everything the realism report states about a run. */
export interface RealismFigures {
  /** Number of 1-minute returns. */
  readonly returns: number;
  readonly volatility1mPct: number;
  readonly excessKurtosis1m: number;
  readonly excessKurtosis5m: number;
  readonly excessKurtosis15m: number;
  /** Autocorrelation of 1-minute returns at REPORT_LAGS. */
  readonly acfReturns: readonly number[];
  /** Autocorrelation of absolute 1-minute returns at REPORT_LAGS. */
  readonly acfAbsReturns: readonly number[];
  /** ±1.96/√n, the white-noise band: judges lag 1 (with a 0.1 floor). */
  readonly acfBand: number;
  /**
   * Heteroskedasticity-robust standard error of each autocorrelation of returns at REPORT_LAGS:
   * lags ≥ 2 are judged against ACF_BAND_STANDARD_ERRORS × max(this, 1/√n).
   */
  readonly acfRobustStandardErrors: readonly number[];
  readonly minPrice: number;
  readonly maxPrice: number;
  readonly spread: SpreadFigures;
  /** Times the book was crossed after a command (from the run summary), or -1 when unknown. */
  readonly bookCrossedCount: number;
}

/** One row of the report: a figure, its value, the real-market range, and whether it is inside. */
export interface RealismCheck {
  readonly figure: string;
  readonly value: string;
  readonly expected: string;
  readonly pass: boolean;
}

/** Spread statistics from parallel arrays of best bid and ask prices (0 = side missing). */
export function spreadFigures(bids: readonly number[], asks: readonly number[]): SpreadFigures {
  const spreadsBps: number[] = [];
  let crossedSamples = 0;
  let oneSidedSamples = 0;
  for (let i = 0; i < bids.length; i++) {
    const bid = bids[i]!;
    const ask = asks[i]!;
    if (!(bid > 0) || !(ask > 0)) {
      oneSidedSamples++;
      continue;
    }
    if (bid >= ask) crossedSamples++;
    spreadsBps.push(((ask - bid) / ((ask + bid) / 2)) * 10_000);
  }
  return {
    samples: spreadsBps.length,
    minBps: quantile(spreadsBps, 0),
    medianBps: quantile(spreadsBps, 0.5),
    p95Bps: quantile(spreadsBps, 0.95),
    maxBps: quantile(spreadsBps, 1),
    crossedSamples,
    oneSidedSamples,
  };
}

/** Computes the figures from 1-minute closes (oldest first) and spread statistics. */
export function realismFigures(closes1m: readonly number[], spread: SpreadFigures, bookCrossedCount = -1): RealismFigures {
  const returns = logReturns(closes1m);
  const abs = absolute(returns);
  let sumSquares = 0;
  for (const r of returns) sumSquares += r * r;
  return {
    returns: returns.length,
    volatility1mPct: returns.length > 0 ? Math.sqrt(sumSquares / returns.length) * 100 : Number.NaN,
    excessKurtosis1m: excessKurtosis(returns),
    excessKurtosis5m: excessKurtosis(aggregateReturns(returns, 5)),
    excessKurtosis15m: excessKurtosis(aggregateReturns(returns, 15)),
    acfReturns: REPORT_LAGS.map((lag) => autocorrelation(returns, lag)),
    acfAbsReturns: REPORT_LAGS.map((lag) => autocorrelation(abs, lag)),
    acfBand: autocorrelationBand(returns.length),
    acfRobustStandardErrors: REPORT_LAGS.map((lag) => robustAutocorrelationStandardError(returns, lag)),
    minPrice: quantile(closes1m, 0),
    maxPrice: quantile(closes1m, 1),
    spread,
    bookCrossedCount,
  };
}

function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

/**
 * The row judging "no linear memory" at a lag ≥ 2: |acf| within ACF_BAND_STANDARD_ERRORS robust
 * standard errors. The robust SE is used because volatility clusters widen the acf's sampling
 * spread beyond 1/√n. It is floored at 1/√n: below that it reflects the SE's own sampling noise
 * (large returns that happen not to meet at that lag, likelier in a short series), and would judge
 * a run more strictly than returns of constant size. The floor cut null false alarms from 0.6 %
 * to 0.4 % (6 h) and from 1.7 % to 1.1 % at 2.75 SE.
 */
function linearMemoryCheck(lag: number, acf: number, robustStandardError: number, returns: number): RealismCheck {
  const iidStandardError = 1 / Math.sqrt(returns);
  const robust = robustStandardError >= iidStandardError;
  const band = ACF_BAND_STANDARD_ERRORS * (robust ? robustStandardError : iidStandardError);
  return {
    figure: `acf of returns, lag ${lag}`,
    value: fixed(acf, 3),
    expected: `|acf| < ${fixed(band, 3)} (${ACF_BAND_STANDARD_ERRORS} × ${robust ? 'robust SE' : '1/√n'}; no linear memory)`,
    pass: Math.abs(acf) < band,
  };
}

/**
 * The report rows. Ranges are those of liquid markets at intraday horizons (Cont 2001;
 * Bouchaud et al. 2018, "Trades, Quotes and Prices"): heavy tails, no linear autocorrelation
 * beyond the bid-ask bounce at lag 1, slowly decaying autocorrelation of |r|, tails thinning
 * as bars lengthen, a positive spread and a book that never crosses.
 */
export function realismChecks(figures: RealismFigures): RealismCheck[] {
  const band = figures.acfBand;
  const rows: RealismCheck[] = [
    {
      figure: 'excess kurtosis, 1-min returns',
      value: fixed(figures.excessKurtosis1m, 2),
      expected: '> 0 (real: ~3 to 50)',
      pass: figures.excessKurtosis1m > 0,
    },
  ];
  REPORT_LAGS.forEach((lag, i) => {
    const acf = figures.acfReturns[i]!;
    rows.push(
      lag === 1
        ? { figure: 'acf of returns, lag 1', value: fixed(acf, 3), expected: '≈ 0, often -0.3 to 0 (bid-ask bounce)', pass: acf > -0.35 && acf < Math.max(band, 0.1) }
        : linearMemoryCheck(lag, acf, figures.acfRobustStandardErrors[i]!, figures.returns),
    );
  });
  REPORT_LAGS.forEach((lag, i) => {
    const acfAbs = figures.acfAbsReturns[i]!;
    const acf = figures.acfReturns[i]!;
    rows.push({
      figure: `acf of |returns|, lag ${lag}`,
      value: fixed(acfAbs, 3),
      expected: '> 0 and > acf of returns (real: 0.1 to 0.4, slow decay)',
      pass: acfAbs > 0 && acfAbs > acf,
    });
  });
  rows.push(
    {
      figure: 'excess kurtosis, 5-min returns',
      value: fixed(figures.excessKurtosis5m, 2),
      expected: `< 1-min (${fixed(figures.excessKurtosis1m, 2)})`,
      pass: figures.excessKurtosis5m < figures.excessKurtosis1m,
    },
    {
      figure: 'excess kurtosis, 15-min returns',
      value: fixed(figures.excessKurtosis15m, 2),
      expected: `< 1-min (${fixed(figures.excessKurtosis1m, 2)}), toward 0`,
      pass: figures.excessKurtosis15m < figures.excessKurtosis1m,
    },
    {
      figure: 'volatility, 1-min returns',
      value: `${fixed(figures.volatility1mPct, 4)} %`,
      expected: '0.01 to 0.5 % (BTC: ~0.05 to 0.2 %)',
      pass: figures.volatility1mPct > 0.01 && figures.volatility1mPct < 0.5,
    },
    {
      figure: 'spread, median / p95',
      value: `${fixed(figures.spread.medianBps, 2)} / ${fixed(figures.spread.p95Bps, 2)} bps`,
      expected: '> 0; liquid markets ~0.1 to 20 bps',
      pass: figures.spread.minBps > 0,
    },
    {
      figure: 'spread, minimum',
      value: `${fixed(figures.spread.minBps, 3)} bps`,
      expected: '> 0 (a positive spread, always)',
      pass: figures.spread.minBps > 0,
    },
    {
      figure: 'book ever crossed',
      value:
        figures.bookCrossedCount >= 0
          ? `${figures.bookCrossedCount + figures.spread.crossedSamples > 0 ? 'yes' : 'no'} (${figures.bookCrossedCount} after commands, ${figures.spread.crossedSamples} in tickers)`
          : `${figures.spread.crossedSamples > 0 ? 'yes' : 'no'} (${figures.spread.crossedSamples} in tickers)`,
      expected: 'never',
      pass: figures.spread.crossedSamples === 0 && figures.bookCrossedCount <= 0,
    },
  );
  return rows;
}

/** The report as an aligned text table. */
export function formatRealismTable(checks: readonly RealismCheck[]): string {
  const header = ['figure', 'value', 'real markets', 'ok'];
  const rows = checks.map((check) => [check.figure, check.value, check.expected, check.pass ? 'yes' : 'NO']);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]): string => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
