import { ACF_BAND_STANDARD_ERRORS, autocorrelation, formatRealismTable, realismChecks, realismFigures, spreadFigures } from '@marksim/agents';
import type { RealismCheck } from '@marksim/agents';
import { SeededRandom } from '@marksim/core';

// A 6-hour run's worth of 1-minute returns, as `marksim report` sees one.
const RETURNS = 359;

/** Closes from 50 000 following the given log returns. */
function closesOf(returns: readonly number[]): number[] {
  const closes = [50_000];
  for (const r of returns) closes.push(closes[closes.length - 1]! * Math.exp(r));
  return closes;
}

/** Returns with linear memory: r_t = 0.2 r_{t−2} + e_t, e of constant size (acf 0.2 at lag 2). */
function laggedMemoryReturns(seed: number): number[] {
  const random = new SeededRandom(seed);
  const returns: number[] = [];
  for (let t = 0; t < RETURNS; t++) returns.push(0.001 * random.normal() + (t >= 2 ? 0.2 * returns[t - 2]! : 0));
  return returns;
}

/**
 * Uncorrelated returns whose size follows a mean-reverting log volatility (stationary sd 0.7,
 * half-life 15 bars, as the default fundamental's): volatility clusters, no linear memory.
 */
function clusteredReturns(seed: number): number[] {
  const random = new SeededRandom(seed);
  const persistence = Math.exp(-Math.LN2 / 15);
  let logVolatility = 0;
  const returns: number[] = [];
  for (let t = 0; t < RETURNS; t++) {
    logVolatility = persistence * logVolatility + 0.7 * Math.sqrt(1 - persistence * persistence) * random.normal();
    returns.push(0.001 * Math.exp(logVolatility) * random.normal());
  }
  return returns;
}

function acfRow(checks: readonly RealismCheck[], lag: number): RealismCheck {
  return checks.find((row) => row.figure === `acf of returns, lag ${lag}`)!;
}

describe('realism report', () => {
  it('counts crossed and one-sided samples and measures spreads in bps of the mid', () => {
    const figures = spreadFigures([100, 100, 0, 101], [100.1, 100.2, 100, 100.5]);
    expect(figures).toMatchObject({ samples: 3, crossedSamples: 1, oneSidedSamples: 1 });
    expect(figures.minBps).toBeLessThan(0);
  });

  it('flags a crossed book and accepts a positive spread', () => {
    const closes = Array.from({ length: 200 }, (_, i) => 100 * Math.exp(0.001 * Math.sin(i * 1.7) + (i % 37 === 0 ? 0.01 : 0)));
    const ok = realismChecks(realismFigures(closes, spreadFigures([100], [100.02]), 0));
    expect(ok.find((row) => row.figure === 'book ever crossed')?.pass).toBe(true);
    const crossed = realismChecks(realismFigures(closes, spreadFigures([100], [100.02]), 3));
    expect(crossed.find((row) => row.figure === 'book ever crossed')).toMatchObject({ pass: false, value: 'yes (3 after commands, 0 in tickers)' });
    const table = formatRealismTable(ok);
    expect(table.split('\n')[0]).toMatch(/^figure\s+value\s+real markets\s+ok$/);
  });

  it('flags linear memory at lag 2 in returns of constant size', () => {
    const returns = laggedMemoryReturns(4);
    const figures = realismFigures(closesOf(returns), spreadFigures([100], [100.02]), 0);
    const lag2 = acfRow(realismChecks(figures), 2);
    // Constant size: the robust SE is about 1/√n, so the band is about 3/√359 = 0.158.
    expect(figures.acfRobustStandardErrors[1]! * Math.sqrt(RETURNS)).toBeLessThan(1.1);
    expect(lag2.value).toBe('0.213');
    expect(lag2.pass).toBe(false);
    expect(lag2.expected).toMatch(/^\|acf\| < 0\.1[56]\d \(3 × (robust SE|1\/√n); no linear memory\)$/);
    for (const lag of [3, 5, 10, 20]) expect(acfRow(realismChecks(figures), lag).pass).toBe(true);
  });

  it('passes uncorrelated returns with volatility clusters whose lag-2 acf is beyond the old 1/√n band', () => {
    const returns = clusteredReturns(30);
    const figures = realismFigures(closesOf(returns), spreadFigures([100], [100.02]), 0);
    const acf2 = autocorrelation(returns, 2);
    // As large as the memory series' 0.213: the old band, 1.5 × max(1.96/√n, 0.1) = 0.155, failed it.
    expect(acf2).toBeGreaterThan(1.5 * Math.max(1.96 / Math.sqrt(RETURNS), 0.1));
    // Large returns come in spells, so the acf's sampling spread is about twice 1/√n.
    expect(figures.acfRobustStandardErrors[1]! * Math.sqrt(RETURNS)).toBeGreaterThan(1.5);
    const checks = realismChecks(figures);
    const lag2 = acfRow(checks, 2);
    expect(lag2).toMatchObject({ value: acf2.toFixed(3), pass: true });
    const band = ACF_BAND_STANDARD_ERRORS * figures.acfRobustStandardErrors[1]!;
    expect(lag2.expected).toBe(`|acf| < ${band.toFixed(3)} (3 × robust SE; no linear memory)`);
    for (const lag of [2, 3, 5, 10, 20]) expect(acfRow(checks, lag).pass).toBe(true);
  });

  it('judges by 1/√n where the robust SE is below it, and fails a lag the series is too short for', () => {
    // Every third return is 5 times the others: a large return meets a large one only at lags
    // that are multiples of 3, so there the robust SE is above 1/√n (√209/9 ≈ 1.6/√n) and at the
    // other lags below it (√17/9 ≈ 0.46/√n), where the band falls back to 3/√n.
    const random = new SeededRandom(5);
    const returns = Array.from({ length: RETURNS }, (_, t) => 0.001 * (t % 3 === 0 ? 5 : 1) * random.normal());
    const figures = realismFigures(closesOf(returns), spreadFigures([100], [100.02]), 0);
    const checks = realismChecks(figures);
    const floor = `|acf| < ${(3 / Math.sqrt(RETURNS)).toFixed(3)} (3 × 1/√n; no linear memory)`;
    for (const lag of [2, 5, 10, 20]) expect(acfRow(checks, lag).expected).toBe(floor);
    expect(figures.acfRobustStandardErrors[2]! * Math.sqrt(RETURNS)).toBeGreaterThan(1.3);
    expect(acfRow(checks, 3).expected).toBe(`|acf| < ${(3 * figures.acfRobustStandardErrors[2]!).toFixed(3)} (3 × robust SE; no linear memory)`);
    const short = realismChecks(realismFigures(closesOf(returns.slice(0, 15)), spreadFigures([100], [100.02]), 0));
    expect(acfRow(short, 20)).toMatchObject({ value: 'n/a', pass: false });
  });
});
