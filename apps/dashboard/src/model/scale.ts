// Round axis ticks, as a charting terminal draws them: 49,990 / 50,000 / 50,010 rather than
// whatever values the data range happens to start at.

/** A domain and its ticks, each a multiple of `step`. */
export interface NiceScale {
  readonly domain: [number, number];
  readonly ticks: number[];
  readonly step: number;
}

/** The smallest of 1, 2, 2.5, 5 × 10^k that is ≥ `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const factor of [1, 2, 2.5, 5, 10]) {
    if (factor * power >= rough * (1 - 1e-12)) return factor * power;
  }
  return 10 * power;
}

/**
 * A scale covering [low, high] with about `tickCount` round ticks. A flat range is widened by
 * `minSpan` (e.g. a few ticks of price) so a quiet market does not fill the chart with noise.
 */
export function niceScale(low: number, high: number, tickCount = 5, minSpan = 0): NiceScale {
  let lo = Math.min(low, high);
  let hi = Math.max(low, high);
  if (hi - lo < minSpan) {
    const mid = (hi + lo) / 2;
    lo = mid - minSpan / 2;
    hi = mid + minSpan / 2;
  }
  if (hi === lo) {
    const pad = Math.abs(hi) > 0 ? Math.abs(hi) * 1e-4 : 1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep((hi - lo) / Math.max(1, tickCount - 1));
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  // Integer counting avoids float drift in the tick values.
  const count = Math.round((end - start) / step);
  for (let i = 0; i <= count; i += 1) ticks.push(Number((start + i * step).toPrecision(12)));
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks, step };
}

/** Decimals a tick label needs for ticks `step` apart (5 → 0, 0.25 → 2). */
export function decimalsOfStep(step: number): number {
  for (let decimals = 0; decimals < 10; decimals += 1) {
    const scaled = step * 10 ** decimals;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9) return decimals;
  }
  return 10;
}
