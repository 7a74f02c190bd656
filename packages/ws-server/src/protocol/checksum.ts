// The book checksum, as Kraken defines it for its L2 feed: CRC32 over the top 10 levels, asks
// first. Browser-safe and dependency-free so every consumer can run the same few lines.
import type { WireLevel } from './messages.js';

/** Levels per side that the checksum covers. */
export const CHECKSUM_LEVELS = 10;

// IEEE 802.3 polynomial (reflected), the CRC32 of zlib, PNG, Python's zlib.crc32 and Go's
// hash/crc32.ChecksumIEEE. The table is built once at module load.
const CRC32_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * CRC32 (IEEE) of a string's UTF-8 bytes, as an unsigned 32-bit integer. The checksum string is
 * ASCII digits only, where char codes equal UTF-8 bytes; other text is encoded properly.
 */
export function crc32(text: string): number {
  const bytes = /^[\x00-\x7f]*$/.test(text) ? null : new TextEncoder().encode(text);
  let crc = 0xffffffff;
  const length = bytes === null ? text.length : bytes.length;
  for (let i = 0; i < length; i++) {
    const byte = bytes === null ? text.charCodeAt(i) : bytes[i];
    crc = CRC32_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * One number as the checksum writes it: fixed `decimals` digits, the decimal point removed and
 * leading zeros stripped (50000.5 at 2 decimals → "5000050"; 0.0001 at 4 → "1"; 0 → "").
 */
export function checksumDigits(value: number, decimals: number): string {
  const fixed = value.toFixed(decimals);
  let start = 0;
  const withoutPoint = decimals > 0 ? fixed.slice(0, fixed.length - decimals - 1) + fixed.slice(fixed.length - decimals) : fixed;
  while (start < withoutPoint.length && withoutPoint.charCodeAt(start) === 48) start++;
  return withoutPoint.slice(start);
}

/**
 * The exact string the checksum hashes: for each of the top 10 asks (ascending price), then each
 * of the top 10 bids (descending price), price digits then size digits, all concatenated.
 */
export function checksumString(bids: readonly WireLevel[], asks: readonly WireLevel[], priceDecimals: number, sizeDecimals: number): string {
  let text = '';
  const askCount = Math.min(CHECKSUM_LEVELS, asks.length);
  for (let i = 0; i < askCount; i++) {
    text += checksumDigits(asks[i][0], priceDecimals) + checksumDigits(asks[i][1], sizeDecimals);
  }
  const bidCount = Math.min(CHECKSUM_LEVELS, bids.length);
  for (let i = 0; i < bidCount; i++) {
    text += checksumDigits(bids[i][0], priceDecimals) + checksumDigits(bids[i][1], sizeDecimals);
  }
  return text;
}

/** CRC32 of checksumString: the `checksum` field of book_snapshot and book_delta. */
export function bookChecksum(bids: readonly WireLevel[], asks: readonly WireLevel[], priceDecimals: number, sizeDecimals: number): number {
  return crc32(checksumString(bids, asks, priceDecimals, sizeDecimals));
}
