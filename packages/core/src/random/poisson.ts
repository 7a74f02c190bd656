import type { RandomSource } from './random-source.js';

// Poisson sampling as numpy does it (numpy/random/src/distributions/distributions.c): the
// multiplication method for small means, Hörmann's PTRS transformed rejection for large ones.
// Both are exact samplers (no normal approximation), and their cost stays bounded as the mean
// grows, which matters when an arrival process is asked for thousands of events per step.

/** Below this mean the multiplication method (O(mean) uniforms) beats PTRS's setup. */
const PTRS_MIN_MEAN = 10;

/** Stirling-series coefficients of log Γ(x) (numpy's `loggam`). */
const LOGGAM_COEFFS = [
  8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4,
  8.417508417508418e-4, -1.917526917526918e-3, 6.41025641025641e-3, -2.955065359477124e-2,
  1.796443723688307e-1, -1.39243221690590e0,
];
const LOG_2PI = 1.8378770664093453;

/** log Γ(x) for x > 0, accurate to ~1e-15 (Stirling series, shifted up to x ≥ 7). */
export function logGamma(x: number): number {
  if (x === 1 || x === 2) return 0;
  const shift = x < 7 ? Math.floor(7 - x) : 0;
  let x0 = x + shift;
  const x2 = 1 / (x0 * x0);
  let series = LOGGAM_COEFFS[9];
  for (let k = 8; k >= 0; k--) series = series * x2 + LOGGAM_COEFFS[k];
  let result = series / x0 + 0.5 * LOG_2PI + (x0 - 0.5) * Math.log(x0) - x0;
  for (let k = 1; k <= shift; k++) {
    result -= Math.log(x0 - 1);
    x0 -= 1;
  }
  return result;
}

/** One Poisson(mean) draw; `mean` must be finite and ≥ 0 (checked by the caller). */
export function samplePoisson(random: RandomSource, mean: number): number {
  if (mean === 0) return 0;
  if (mean < PTRS_MIN_MEAN) return multiplicationMethod(random, mean);
  return transformedRejection(random, mean);
}

function multiplicationMethod(random: RandomSource, mean: number): number {
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random.next();
  while (product > limit) {
    count++;
    product *= random.next();
  }
  return count;
}

// W. Hörmann, "The transformed rejection method for generating Poisson random variables",
// Insurance: Mathematics and Economics 12 (1993); constants as published.
function transformedRejection(random: RandomSource, mean: number): number {
  const sqrtMean = Math.sqrt(mean);
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * sqrtMean;
  const a = -0.059 + 0.02483 * b;
  const logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = random.next() - 0.5;
    const v = random.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <= -mean + k * logMean - logGamma(k + 1)) {
      return k;
    }
  }
}
