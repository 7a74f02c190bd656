import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { bookChecksum, checksumDigits, checksumString, crc32 } from '@marksim/ws-server/protocol';
import type { WireLevel } from '@marksim/ws-server/protocol';

describe('crc32', () => {
  it('matches the published IEEE check values', () => {
    expect(crc32('')).toBe(0);
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32('The quick brown fox jumps over the lazy dog')).toBe(0x414fa339);
  });

  it('agrees with zlib on any string, hashing its UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(crc32(text)).toBe(zlibCrc32(Buffer.from(text, 'utf8')));
      }),
    );
  });
});

describe('checksumDigits', () => {
  it('writes fixed decimals without the point and without leading zeros', () => {
    expect(checksumDigits(50000.5, 2)).toBe('5000050');
    expect(checksumDigits(1.5, 4)).toBe('15000');
    expect(checksumDigits(0.0001, 4)).toBe('1');
    expect(checksumDigits(0.05, 2)).toBe('5');
    expect(checksumDigits(120, 0)).toBe('120');
  });

  it('rounds binary noise away: 0.1 + 0.2 at 2 decimals is 30', () => {
    expect(checksumDigits(0.1 + 0.2, 2)).toBe('30');
  });
});

describe('bookChecksum', () => {
  const bids: WireLevel[] = [
    [49999, 0.0001],
    [49998.5, 2],
  ];
  const asks: WireLevel[] = [[50000.5, 1.5]];

  it('hashes asks ascending then bids descending, price digits before size digits', () => {
    expect(checksumString(bids, asks, 2, 4)).toBe('5000050' + '15000' + '4999900' + '1' + '4999850' + '20000');
    expect(bookChecksum(bids, asks, 2, 4)).toBe(crc32('50000501500049999001499985020000'));
  });

  it('covers only the top 10 levels of each side', () => {
    const deepBids: WireLevel[] = Array.from({ length: 15 }, (_, i) => [100 - i, 1] as WireLevel);
    const deepAsks: WireLevel[] = Array.from({ length: 15 }, (_, i) => [101 + i, 1] as WireLevel);
    const changedBelowTop10 = deepBids.map((level, i) => (i >= 10 ? ([level[0], 7] as WireLevel) : level));
    expect(bookChecksum(changedBelowTop10, deepAsks, 2, 4)).toBe(bookChecksum(deepBids, deepAsks, 2, 4));
    expect(bookChecksum(deepBids.slice(0, 10), deepAsks.slice(0, 10), 2, 4)).toBe(bookChecksum(deepBids, deepAsks, 2, 4));
  });

  it('changes when any top level changes', () => {
    expect(bookChecksum(bids, [[50000.5, 1.4999]], 2, 4)).not.toBe(bookChecksum(bids, asks, 2, 4));
  });
});
