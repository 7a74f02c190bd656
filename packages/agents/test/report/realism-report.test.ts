import { formatRealismTable, realismChecks, realismFigures, spreadFigures } from '@marksim/agents';

describe('realism report', () => {
  it('counts crossed and one-sided samples and measures spreads in bps of the mid', () => {
    const figures = spreadFigures([100, 100, 0, 101], [100.1, 100.2, 100, 100.5]);
    expect(figures).toMatchObject({ samples: 3, crossedSamples: 1, oneSidedSamples: 1 });
    expect(figures.minBps).toBeLessThan(0);
  });

  it('flags a crossed book and accepts a positive spread', () => {
    const closes = Array.from({ length: 200 }, (_, i) => 100 * Math.exp(0.001 * Math.sin(i * 1.7) + (i % 37 === 0 ? 0.01 : 0)));
    const ok = realismChecks(realismFigures(closes, spreadFigures([100], [100.02]), 0));
    expect(ok.find((row) => row.figure === 'book ever crossed')?.pass).toBe(true);
    const crossed = realismChecks(realismFigures(closes, spreadFigures([100], [100.02]), 3));
    expect(crossed.find((row) => row.figure === 'book ever crossed')).toMatchObject({ pass: false, value: 'yes (3 after commands, 0 in tickers)' });
    const table = formatRealismTable(ok);
    expect(table.split('\n')[0]).toMatch(/^figure\s+value\s+real markets\s+ok$/);
  });
});
