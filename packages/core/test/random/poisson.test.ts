import { logGamma } from '../../src/random/poisson.js';

describe('logGamma', () => {
  it('matches log((n - 1)!) at the integers', () => {
    let logFactorial = 0;
    for (let n = 1; n <= 60; n++) {
      if (n > 1) logFactorial += Math.log(n - 1);
      expect(logGamma(n)).toBeCloseTo(logFactorial, 10);
    }
  });

  it('matches log Γ(1/2) = log √π', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
  });
});
