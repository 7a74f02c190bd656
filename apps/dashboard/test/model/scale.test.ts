import { decimalsOfStep, niceScale, niceStep } from '../../src/model/scale.js';

describe('nice axis scales', () => {
  it('rounds steps to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceStep(3)).toBe(5);
    expect(niceStep(7.3)).toBe(10);
    expect(niceStep(0.021)).toBe(0.025);
    expect(niceStep(180)).toBe(200);
  });

  it('covers the range with round ticks', () => {
    expect(niceScale(49_993.8, 50_011.2)).toEqual({ domain: [49_990, 50_015], ticks: [49_990, 49_995, 50_000, 50_005, 50_010, 50_015], step: 5 });
  });

  it('widens a flat or tiny range', () => {
    const flat = niceScale(100, 100);
    expect(flat.ticks.length).toBeGreaterThanOrEqual(2);
    expect(flat.domain[0]).toBeLessThan(100);
    expect(flat.domain[1]).toBeGreaterThan(100);
    expect(niceScale(50_000, 50_000.01, 5, 1).domain).toEqual([49_999.5, 50_000.75]);
  });

  it('keeps tick values free of float noise', () => {
    expect(niceScale(0.1, 0.3).ticks).toEqual([0.1, 0.15, 0.2, 0.25, 0.3]);
  });
});

describe('decimalsOfStep', () => {
  it('gives the decimals a tick label needs', () => {
    expect(decimalsOfStep(5)).toBe(0);
    expect(decimalsOfStep(0.25)).toBe(2);
    expect(decimalsOfStep(0.1)).toBe(1);
  });
});
