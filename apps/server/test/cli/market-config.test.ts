import { parseMarketConfig } from '../../src/cli/market-config.js';

describe('parseMarketConfig', () => {
  it('fills missing agent kinds with 0', () => {
    expect(parseMarketConfig({ agents: { mm: 1, noise: 10 } }, 'f.json').agents).toEqual({ mm: 1, noise: 10, informed: 0, momentum: 0 });
  });

  it('accepts a total count', () => {
    expect(parseMarketConfig({ agents: 500 }, 'f.json').agents).toBe(500);
  });

  it.each([
    [[], /f\.json must hold a JSON object/],
    [{ speed: 3 }, /f\.json: unknown key "speed"/],
    [{ agents: { whale: 1 } }, /agents\.whale is not an agent kind/],
    [{ agents: { noise: -1 } }, /agents\.noise must be an integer from 0 to 100000 \(got -1\)/],
    [{ agents: 0 }, /agents must be an integer from 1 to 100000 \(got 0\)/],
    [{ agents: 'many' }, /agents must be a count or an object/],
  ])('refuses %j naming the problem', (value, message) => {
    expect(() => parseMarketConfig(value, 'f.json')).toThrow(message);
  });
});
