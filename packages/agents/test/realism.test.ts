// Realism of the default market: the stylized facts of asset returns (Cont 2001) over several
// seeds. To keep the suite fast, the 80 noise traders trade with probability 0.25 at a fifth of
// the default wake-up rate: a thinned Poisson stream with the same order flow (0.05 × 1/0.25 s =
// 0.25 × 1/1.25 s orders per second each), five times fewer wake-ups. Everything else is the
// default market. Set MARKSIM_REALISM_LOG=1 to print the figures.
import { absolute, aggregateReturns, autocorrelation, createDefaultMarket, excessKurtosis, logReturns, mean, variance } from '@marksim/agents';

const SEEDS = [1, 2, 3];
const HOURS = 2;
const MINUTE_US = 60_000_000;
const LAGS = [1, 2, 3, 5, 10];

interface SeedRun {
  readonly returns: number[];
  readonly minPrice: number;
  readonly maxPrice: number;
  readonly crossed: number;
  readonly minSpreadTicks: number;
  readonly mmMaxPosition: number;
}

/** The series divided by its own standard deviation. */
function standardized(values: readonly number[]): number[] {
  const sd = Math.sqrt(variance(values));
  return values.map((value) => value / sd);
}

async function runSeed(seed: number): Promise<SeedRun> {
  const simulation = createDefaultMarket({
    mode: 'fast',
    seed,
    agentOptions: { noise: { tradeProbability: 0.25, wakeup: { kind: 'poisson', meanIntervalUs: 1_250_000 } } },
  });
  let lastPriceTicks = 0;
  simulation.subscribe((event) => {
    if (event.type === 'trade') lastPriceTicks = event.priceTicks;
  });
  const closes: number[] = [];
  const startUs = simulation.options.startTimeUs;
  for (let minute = 1; minute <= HOURS * 60; minute++) {
    await simulation.runUntil(startUs + minute * MINUTE_US);
    closes.push(lastPriceTicks);
  }
  const stats = simulation.stats();
  const makers = simulation.accounts().filter((account) => account.agentId.startsWith('mm_'));
  return {
    returns: logReturns(closes),
    minPrice: Math.min(...closes) / 100,
    maxPrice: Math.max(...closes) / 100,
    crossed: stats.crossedBookCount,
    minSpreadTicks: stats.minSpreadTicks,
    mmMaxPosition: Math.max(...makers.map((maker) => maker.maxAbsPosition)),
  };
}

describe('the default market shows the stylized facts', () => {
  const runs: SeedRun[] = [];
  beforeAll(async () => {
    for (const seed of SEEDS) runs.push(await runSeed(seed));
    if (process.env.MARKSIM_REALISM_LOG === '1') {
      const f = (x: number): string => x.toFixed(3);
      console.log(
        [
          `kurtosis 1m per seed: ${runs.map((run) => f(excessKurtosis(run.returns))).join(' ')}`,
          `pooled standardized kurtosis 1/5/15m: ${[1, 5, 15].map((bar) => f(excessKurtosis(runs.flatMap((run) => standardized(aggregateReturns(run.returns, bar)))))).join(' ')}`,
          `mean acf r: ${LAGS.map((lag) => f(mean(runs.map((run) => autocorrelation(run.returns, lag))))).join(' ')}`,
          `mean acf |r|: ${LAGS.map((lag) => f(mean(runs.map((run) => autocorrelation(absolute(run.returns), lag))))).join(' ')}`,
          `price ranges: ${runs.map((run) => `${run.minPrice}-${run.maxPrice}`).join(' ')}; mm max |position|: ${runs.map((run) => run.mmMaxPosition).join(' ')}; min spread ticks: ${runs.map((run) => run.minSpreadTicks).join(' ')}`,
        ].join('\n'),
      );
    }
  }, 120_000);

  it('has heavy tails: positive excess kurtosis of 1-minute returns for every seed', () => {
    for (const run of runs) expect(excessKurtosis(run.returns)).toBeGreaterThan(0);
  });

  it('has no significant linear autocorrelation of returns beyond the first lag', () => {
    // The mean of the seeds' estimates has a standard error of 1/√(all returns) under no
    // autocorrelation; several lags are tested, so each must stay within 3 standard errors.
    const band = 3 / Math.sqrt(runs.reduce((sum, run) => sum + run.returns.length, 0));
    for (const lag of [2, 3, 5, 10]) {
      expect(Math.abs(mean(runs.map((run) => autocorrelation(run.returns, lag))))).toBeLessThan(band);
    }
    expect(mean(runs.map((run) => autocorrelation(run.returns, 1)))).toBeGreaterThan(-0.35);
  });

  it('clusters volatility: autocorrelation of |returns| is positive and above that of returns', () => {
    for (const lag of [1, 2, 3, 5]) {
      const acfAbs = mean(runs.map((run) => autocorrelation(absolute(run.returns), lag)));
      const acf = mean(runs.map((run) => autocorrelation(run.returns, lag)));
      expect(acfAbs).toBeGreaterThan(0.05);
      expect(acfAbs).toBeGreaterThan(acf);
    }
  });

  it('has tails that thin as bars grow from 1 to 5 and 15 minutes', () => {
    // Pool each bar size over the seeds after scaling each seed to unit variance, so that one
    // calm and one busy seed do not make fat tails by mixture. 15-minute bars are few (8 per
    // seed), so both longer bars are compared with the 1-minute tails.
    const k1 = excessKurtosis(runs.flatMap((run) => standardized(run.returns)));
    const k5 = excessKurtosis(runs.flatMap((run) => standardized(aggregateReturns(run.returns, 5))));
    const k15 = excessKurtosis(runs.flatMap((run) => standardized(aggregateReturns(run.returns, 15))));
    expect(k1).toBeGreaterThan(k5);
    expect(k1).toBeGreaterThan(k15);
  });

  it('keeps the spread positive, the book uncrossed, the price sane and market makers within max position', () => {
    for (const run of runs) {
      expect(run.crossed).toBe(0);
      expect(run.minSpreadTicks).toBeGreaterThan(0);
      expect(run.minPrice).toBeGreaterThan(45_000);
      expect(run.maxPrice).toBeLessThan(55_000);
      expect(run.mmMaxPosition).toBeLessThanOrEqual(10);
    }
  });
});
