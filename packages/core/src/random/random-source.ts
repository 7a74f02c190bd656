/**
 * The least a consumer of randomness needs: uniform draws in [0, 1). `SeededRandom` implements
 * it; the time engine takes one for timer jitter so that core never touches `Math.random`.
 */
export interface RandomSource {
  /** A uniform draw in [0, 1). */
  next(): number;
}
