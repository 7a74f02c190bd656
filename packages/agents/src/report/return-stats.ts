// Statistics of return series, as used for the stylized facts of asset returns (Cont 2001,
// "Empirical properties of asset returns: stylized facts and statistical issues"). Pure
// functions over plain arrays: the realism report and the realism tests share them.

/** Log returns of consecutive prices: r[i] = ln(p[i+1] / p[i]). Non-positive prices are refused. */
export function logReturns(prices: readonly number[]): number[] {
  const returns: number[] = [];
  for (let i = 1; i < prices.length; i++) {
    const previous = prices[i - 1]!;
    const current = prices[i]!;
    if (!(previous > 0) || !(current > 0)) {
      throw new RangeError(`prices must be > 0 (got ${previous} then ${current} at index ${i})`);
    }
    returns.push(Math.log(current / previous));
  }
  return returns;
}

/** Arithmetic mean; NaN for an empty series. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Population variance (divides by n); NaN for an empty series. */
export function variance(values: readonly number[]): number {
  const m = mean(values);
  let sum = 0;
  for (const value of values) sum += (value - m) * (value - m);
  return values.length === 0 ? Number.NaN : sum / values.length;
}

/**
 * Excess kurtosis m4 / m2² − 3 (moment estimator): 0 for a normal distribution, > 0 for heavy
 * tails. NaN when the series has fewer than 4 values or no variance.
 */
export function excessKurtosis(values: readonly number[]): number {
  if (values.length < 4) return Number.NaN;
  const m = mean(values);
  let m2 = 0;
  let m4 = 0;
  for (const value of values) {
    const d2 = (value - m) * (value - m);
    m2 += d2;
    m4 += d2 * d2;
  }
  m2 /= values.length;
  m4 /= values.length;
  return m2 === 0 ? Number.NaN : m4 / (m2 * m2) - 3;
}

/**
 * Sample autocorrelation at `lag` (the usual estimator: lagged cross-products over the total
 * sum of squares, both around the full-sample mean). NaN when the lag leaves no pairs.
 */
export function autocorrelation(values: readonly number[], lag: number): number {
  if (!Number.isInteger(lag) || lag < 1) throw new RangeError(`lag must be an integer >= 1 (got ${lag})`);
  if (values.length <= lag) return Number.NaN;
  const m = mean(values);
  let denominator = 0;
  for (const value of values) denominator += (value - m) * (value - m);
  if (denominator === 0) return Number.NaN;
  let numerator = 0;
  for (let i = lag; i < values.length; i++) numerator += (values[i]! - m) * (values[i - lag]! - m);
  return numerator / denominator;
}

/**
 * The ±band outside which a sample autocorrelation differs from zero at about 95 %
 * (Bartlett, white-noise null): 1.96 / √n.
 */
export function autocorrelationBand(sampleSize: number): number {
  return sampleSize > 0 ? 1.96 / Math.sqrt(sampleSize) : Number.NaN;
}

/**
 * Heteroskedasticity-robust standard error of the lag-`lag` sample autocorrelation under the null
 * of no linear memory: √(Σ_t d_t² d_{t−lag}²) / Σ_t d_t² on the demeaned series d. Equals about
 * 1/√n for returns of constant size, and is larger when large returns cluster, as the sampling
 * spread of the autocorrelation then is. NaN when the lag leaves no pairs or the series is flat.
 */
export function robustAutocorrelationStandardError(values: readonly number[], lag: number): number {
  // Lo & MacKinlay (1989) / Romano & Thombs (1996): the acf's variance under uncorrelated but
  // dependent (e.g. GARCH-like) returns is Σ d_t² d_{t−k}² / (Σ d_t²)², not 1/n.
  if (!Number.isInteger(lag) || lag < 1) throw new RangeError(`lag must be an integer >= 1 (got ${lag})`);
  if (values.length <= lag) return Number.NaN;
  const m = mean(values);
  let sumSquares = 0;
  for (const value of values) sumSquares += (value - m) * (value - m);
  if (sumSquares === 0) return Number.NaN;
  let sumProducts = 0;
  for (let i = lag; i < values.length; i++) {
    const now = values[i]! - m;
    const before = values[i - lag]! - m;
    sumProducts += now * now * before * before;
  }
  return Math.sqrt(sumProducts) / sumSquares;
}

/**
 * Sums non-overlapping blocks of `barSize` consecutive log returns, i.e. the returns of bars
 * `barSize` times longer. A trailing partial block is dropped.
 */
export function aggregateReturns(returns: readonly number[], barSize: number): number[] {
  if (!Number.isInteger(barSize) || barSize < 1) {
    throw new RangeError(`barSize must be an integer >= 1 (got ${barSize})`);
  }
  const aggregated: number[] = [];
  for (let start = 0; start + barSize <= returns.length; start += barSize) {
    let sum = 0;
    for (let i = start; i < start + barSize; i++) sum += returns[i]!;
    aggregated.push(sum);
  }
  return aggregated;
}

/** Absolute values of a series, for volatility clustering (autocorrelation of |r|). */
export function absolute(values: readonly number[]): number[] {
  return values.map(Math.abs);
}

/** The q-quantile (0..1) by linear interpolation between order statistics; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}
