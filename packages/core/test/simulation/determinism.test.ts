import { createHash } from 'node:crypto';
import { MarketSimulation } from '@marksim/core';
import { RandomAgent } from './test-agents.js';

async function eventLogHash(options: { seed: number; asyncAnswers: boolean }): Promise<{ hash: string; count: number }> {
  const agents = Array.from({ length: 12 }, (_, i) => new RandomAgent(`r${i}`, { asyncAnswers: options.asyncAnswers && i % 2 === 0 }));
  const simulation = new MarketSimulation({ agents, mode: 'fast', seed: options.seed, latency: { baseUs: 100, jitterUs: 900 } });
  const hash = createHash('sha256');
  let count = 0;
  simulation.subscribe((event) => {
    hash.update(JSON.stringify(event));
    count++;
  });
  await simulation.runFor(10_000_000);
  return { hash: hash.digest('hex'), count };
}

describe('MarketSimulation determinism', () => {
  it('gives the same event log for the same seed and options', async () => {
    const first = await eventLogHash({ seed: 11, asyncAnswers: false });
    const second = await eventLogHash({ seed: 11, asyncAnswers: false });
    expect(first.count).toBeGreaterThan(3_000);
    expect(second).toEqual(first);
  });

  it('gives the same event log when half of the agents answer asynchronously', async () => {
    const sync = await eventLogHash({ seed: 11, asyncAnswers: false });
    const mixed = await eventLogHash({ seed: 11, asyncAnswers: true });
    expect(mixed).toEqual(sync);
  });

  it('gives a different event log for another seed', async () => {
    const a = await eventLogHash({ seed: 11, asyncAnswers: false });
    const b = await eventLogHash({ seed: 12, asyncAnswers: false });
    expect(b.hash).not.toBe(a.hash);
  });
});
