import {
  decimalsOf,
  formatClockMsUs,
  formatClockUs,
  formatCompact,
  formatDurationMs,
  formatFixed,
  formatPercent,
  formatSigned,
  NO_VALUE,
} from '../../src/model/format.js';

describe('formatting', () => {
  it('writes fixed decimals with thousands separators', () => {
    expect(formatFixed(50000.5, 2)).toBe('50,000.50');
    expect(formatFixed(1234567.891, 1)).toBe('1,234,567.9');
    expect(formatFixed(0.1, 4)).toBe('0.1000');
    expect(formatFixed(null, 2)).toBe(NO_VALUE);
    expect(formatFixed(Number.NaN, 2)).toBe(NO_VALUE);
  });

  it('signs changes with a true minus sign and no sign for zero', () => {
    expect(formatSigned(12.5, 2)).toBe('+12.50');
    expect(formatSigned(-0.5, 2)).toBe('\u22120.50');
    expect(formatSigned(0, 2)).toBe('0.00');
    expect(formatPercent(0.0042)).toBe('+0.42%');
    expect(formatPercent(-0.1)).toBe('\u221210.00%');
  });

  it('compacts large counts', () => {
    expect(formatCompact(950)).toBe('950');
    expect(formatCompact(12_345)).toBe('12.3K');
    expect(formatCompact(2_500_000)).toBe('2.5M');
    expect(formatCompact(3.25)).toBe('3.3');
  });

  it('learns the decimals a price needs', () => {
    expect(decimalsOf(50000)).toBe(0);
    expect(decimalsOf(50000.5)).toBe(1);
    expect(decimalsOf(0.125)).toBe(3);
    expect(decimalsOf(0.1 + 0.2)).toBe(1);
    expect(decimalsOf(1 / 3, 6)).toBe(6);
  });

  it('writes simulation time as a UTC clock', () => {
    const timeUs = Date.UTC(2024, 0, 2, 14, 3, 7, 250) * 1000;
    expect(formatClockUs(timeUs)).toBe('14:03:07');
    expect(formatClockMsUs(timeUs)).toBe('14:03:07.250');
  });

  it('writes delays in a readable unit', () => {
    expect(formatDurationMs(250)).toBe('250 ms');
    expect(formatDurationMs(1500)).toBe('1.5 s');
    expect(formatDurationMs(120_000)).toBe('2.0 min');
  });
});
