import { MarksimError } from '../errors/marksim-error.js';
import { samplePoisson } from './poisson.js';
import type { RandomSource } from './random-source.js';
import { hashKey128, seedKey } from './seed-hash.js';
import type { SeedInput } from './seed-hash.js';

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;
/** sfc32 needs a few rounds before weakly mixed seed words stop showing in its output. */
const WARM_UP_ROUNDS = 15;

/** A saved generator position: the four sfc32 words and the cached spare normal, if any. */
export interface RandomState {
  readonly words: readonly [number, number, number, number];
  readonly spareNormal: number | null;
}

/**
 * A seeded pseudo-random stream: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator,
 * 128-bit state, passes PractRand to 2^42+ bytes) keyed by (seed, stream path). All state updates
 * are 32-bit integer math, so the uint32 sequence is identical on every platform; distributions
 * built on Math.log/Math.sqrt are exact on V8 (fdlibm port) everywhere Node runs.
 *
 * Streams are independent by construction: `new SeededRandom(seed, 'agent-7')` or
 * `root.fork('agent-7')` depend only on the seed and the path, never on draws made elsewhere.
 */
export class SeededRandom implements RandomSource {
  /** The seed this stream was derived from. */
  readonly seed: SeedInput;
  /** The stream path, e.g. `['agents', 'mm_1']`; empty for the root stream. */
  readonly path: readonly string[];

  // Plain (TS-private) fields: this is the hottest object in a simulation, and V8 keeps
  // plain properties monomorphic and unboxed as int32.
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  private spare = 0;
  private hasSpare = false;

  /**
   * A stream for `seed`. `stream` names a sub-stream, or gives its whole path:
   * `new SeededRandom(1, ['agents', 'mm_1'])` equals `new SeededRandom(1).fork('agents').fork('mm_1')`.
   */
  constructor(seed: SeedInput, stream?: string | readonly string[]) {
    if (typeof seed === 'number' ? !Number.isFinite(seed) : typeof seed !== 'string') {
      throw new MarksimError('INVALID_ARGUMENT', `seed must be a finite number or a string (got ${String(seed)}) at random.seed`);
    }
    const path = stream === undefined ? [] : typeof stream === 'string' ? [stream] : [...stream];
    if (!path.every((name) => typeof name === 'string')) {
      throw new MarksimError('INVALID_ARGUMENT', `stream must be a string or an array of strings (got ${String(stream)}) at random.stream`);
    }
    this.seed = seed;
    this.path = path;
    this.reseed();
  }

  /** A child stream named `name`, derived from (seed, path + name) only: forking twice with one name gives equal streams. */
  fork(name: string): SeededRandom {
    if (typeof name !== 'string') {
      throw new MarksimError('INVALID_ARGUMENT', `fork name must be a string (got ${String(name)}) at random.fork`);
    }
    return new SeededRandom(this.seed, [...this.path, name]);
  }

  /** The next raw 32-bit output as an unsigned integer in [0, 2^32). */
  nextUint32(): number {
    // sfc32, exactly as in PractRand's reference (a, b, c, counter d).
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (((this.c << 21) | (this.c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** A uniform draw in [0, 1) with 32-bit resolution. */
  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** A uniform draw in [lo, hi). */
  float(lo: number, hi: number): number {
    if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi)) {
      throw new MarksimError('INVALID_ARGUMENT', `float range must be finite with lo <= hi (got ${lo}, ${hi}) at random.float`);
    }
    return lo + (hi - lo) * this.next();
  }

  /** A uniform integer in [lo, hi], both inclusive, without modulo bias. */
  int(lo: number, hi: number): number {
    if (!(Number.isSafeInteger(lo) && Number.isSafeInteger(hi) && lo <= hi && hi - lo < TWO_POW_53)) {
      throw new MarksimError(
        'INVALID_ARGUMENT',
        `int range must be safe integers with lo <= hi and hi - lo < 2^53 (got ${lo}, ${hi}) at random.int`,
      );
    }
    const span = hi - lo + 1;
    return lo + (span <= TWO_POW_32 ? this.below32(span) : this.below53(span));
  }

  /** true with probability `p` (0 ≤ p ≤ 1). */
  bernoulli(p: number): boolean {
    if (!(p >= 0 && p <= 1)) {
      throw new MarksimError('INVALID_ARGUMENT', `probability must be in [0, 1] (got ${p}) at random.bernoulli`);
    }
    return this.next() < p;
  }

  /** A normal draw (Marsaglia's polar method; the second value of each pair is cached). */
  normal(mean = 0, sd = 1): number {
    if (!(Number.isFinite(mean) && sd >= 0 && Number.isFinite(sd))) {
      throw new MarksimError('INVALID_ARGUMENT', `normal needs finite mean and sd >= 0 (got ${mean}, ${sd}) at random.normal`);
    }
    if (this.hasSpare) {
      this.hasSpare = false;
      return mean + sd * this.spare;
    }
    // Polar rather than Box–Muller: no sin/cos, whose last bits differ between JS engines.
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * factor;
    this.hasSpare = true;
    return mean + sd * u * factor;
  }

  /** An exponential draw with the given rate (mean 1 / rate), e.g. a Poisson inter-arrival gap. */
  exponential(rate: number): number {
    if (!(rate > 0 && Number.isFinite(rate))) {
      throw new MarksimError('INVALID_ARGUMENT', `rate must be > 0 and finite (got ${rate}) at random.exponential`);
    }
    // 1 - next() lies in (0, 1], so the log is finite.
    return -Math.log(1 - this.next()) / rate;
  }

  /** A Poisson draw with the given mean (exact: multiplication method below 10, PTRS above). */
  poisson(mean: number): number {
    if (!(mean >= 0 && Number.isFinite(mean))) {
      throw new MarksimError('INVALID_ARGUMENT', `mean must be >= 0 and finite (got ${mean}) at random.poisson`);
    }
    return samplePoisson(this, mean);
  }

  /** A uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) {
      throw new MarksimError('INVALID_ARGUMENT', 'items must not be empty (got length 0) at random.pick');
    }
    return items[this.below32(items.length)];
  }

  /** Shuffles `items` in place (Fisher–Yates, every permutation equally likely) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.below32(i + 1);
      const held = items[i];
      items[i] = items[j];
      items[j] = held;
    }
    return items;
  }

  /** The current position, to checkpoint a run and resume it with `setState`. */
  getState(): RandomState {
    return {
      words: [this.a >>> 0, this.b >>> 0, this.c >>> 0, this.d >>> 0],
      spareNormal: this.hasSpare ? this.spare : null,
    };
  }

  /** Restores a position saved by `getState` (of any stream). */
  setState(state: RandomState): void {
    const words = state?.words;
    if (!Array.isArray(words) || words.length !== 4 || !words.every((w) => Number.isInteger(w) && w >= 0 && w < TWO_POW_32)) {
      throw new MarksimError('INVALID_ARGUMENT', 'state.words must be four uint32 values at random.setState');
    }
    this.a = words[0] | 0;
    this.b = words[1] | 0;
    this.c = words[2] | 0;
    this.d = words[3] | 0;
    this.hasSpare = typeof state.spareNormal === 'number';
    this.spare = this.hasSpare ? (state.spareNormal as number) : 0;
  }

  private reseed(): void {
    const [w0, w1, w2, w3] = hashKey128(seedKey(this.seed, this.path));
    this.a = w0 | 0;
    this.b = w1 | 0;
    this.c = w2 | 0;
    this.d = w3 | 0;
    for (let i = 0; i < WARM_UP_ROUNDS; i++) this.nextUint32();
  }

  /** Unbiased integer in [0, n) for 1 ≤ n ≤ 2^32: reject the incomplete top bucket. */
  private below32(n: number): number {
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x % n;
  }

  /** Unbiased integer in [0, n) for 2^32 < n ≤ 2^53, from 53 random bits. */
  private below53(n: number): number {
    const limit = TWO_POW_53 - (TWO_POW_53 % n);
    let x: number;
    do {
      x = (this.nextUint32() >>> 11) * TWO_POW_32 + this.nextUint32();
    } while (x >= limit);
    return x % n;
  }
}
