// Turns a user seed plus a stream path into the 128-bit sfc32 state. Deriving each stream from
// (seed, path) alone — never from another stream's draws — is what keeps streams independent:
// adding an agent adds a path, and every other path still hashes to the same state.

/** What a seed may be: a finite number or any string. `1` and `'1'` are different seeds. */
export type SeedInput = number | string;

/** Encodes the seed and the stream path as one unambiguous string. */
export function seedKey(seed: SeedInput, path: readonly string[]): string {
  // Tag the seed type and length-prefix every component so that no two different
  // (seed, path) pairs share a key: ('a/b') and ('a','b') must not collide.
  let key = typeof seed === 'number' ? `n${Object.is(seed, -0) ? 0 : seed}` : `s${seed.length}:${seed}`;
  for (const name of path) key += `/${name.length}:${name}`;
  return key;
}

/**
 * splitmix32 finaliser (Steele, Lea and Flood's SplitMix, 32-bit variant): a bijective avalanche
 * so that keys differing in one bit give unrelated words.
 */
export function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Hashes a key into four 32-bit words: four cyrb128-style lanes over the UTF-16 code units,
 * cross-mixed, then each lane through splitmix32. Pure 32-bit integer math (Math.imul, >>> 0),
 * so every platform derives the same words.
 */
export function hashKey128(key: string): [number, number, number, number] {
  let h1 = 0x6a09e667;
  let h2 = 0xbb67ae85;
  let h3 = 0x3c6ef372;
  let h4 = 0xa54ff53a;
  for (let i = 0; i < key.length; i++) {
    const k = key.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  // Fold the length in so that keys that are prefixes of each other still diverge.
  h1 ^= key.length;
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [splitmix32(h1), splitmix32(h2 ^ 0x632be5ab), splitmix32(h3 ^ 0x9e3779b9), splitmix32(h4 ^ 0x7f4a7c15)];
}
