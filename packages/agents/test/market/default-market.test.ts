import { createHash } from 'node:crypto';
import { createDefaultMarket } from '@marksim/agents';
import type { MarketSimulation } from '@marksim/core';

const SMALL = { mm: 2, noise: 20, informed: 4, momentum: 2 };

async function logHash(simulation: MarketSimulation, durationUs: number): Promise<string> {
  const hash = createHash('sha256');
  const unsubscribe = simulation.subscribe((event) => hash.update(JSON.stringify(event)));
  await simulation.runFor(durationUs);
  unsubscribe();
  return hash.digest('hex');
}

describe('createDefaultMarket', () => {
  it('is deterministic: two runs with one seed give the same event log hash', async () => {
    const a = await logHash(createDefaultMarket({ mode: 'fast', seed: 9, agents: SMALL }), 5 * 60_000_000);
    const b = await logHash(createDefaultMarket({ mode: 'fast', seed: 9, agents: SMALL }), 5 * 60_000_000);
    expect(b).toBe(a);
  });

  it('replays the same market after reset, and another after reset with a new seed', async () => {
    const simulation = createDefaultMarket({ mode: 'fast', seed: 9, agents: SMALL });
    const first = await logHash(simulation, 3 * 60_000_000);
    const controls: string[] = [];
    simulation.onControl((event) => controls.push(event.type));
    simulation.reset();
    expect(simulation.depth().seq).toBe(0);
    expect(await logHash(simulation, 3 * 60_000_000)).toBe(first);
    simulation.reset({ seed: 10 });
    expect(await logHash(simulation, 3 * 60_000_000)).not.toBe(first);
    expect(controls.filter((type) => type === 'reset')).toHaveLength(2);
    expect(controls).not.toContain('stopped');
  });

  it('builds the default 100-agent mix with the seed parameters', () => {
    const simulation = createDefaultMarket();
    expect(simulation.options.agents).toHaveLength(100);
    expect(simulation.options).toMatchObject({ initialPriceTicks: 5_000_000, agentWakeupIntervalUs: 100_000, mode: 'realtime' });
    expect(simulation.state).toBe('ready');
  });

  it('runs live in real time at a speed multiplier and can pause and resume', async () => {
    const simulation = createDefaultMarket({ speedMultiplier: 50, agents: SMALL });
    let trades = 0;
    const traded = new Promise<void>((resolve) => {
      simulation.subscribe((event) => {
        if (event.type === 'trade' && ++trades === 3) resolve();
      });
    });
    simulation.start();
    await traded;
    simulation.pause();
    const paused = simulation.status();
    expect(paused).toMatchObject({ state: 'paused', paused: true, speed: 50, mode: 'realtime' });
    expect(paused.simTimeUs).toBeGreaterThan(simulation.options.startTimeUs);
    simulation.resume();
    expect(simulation.status().state).toBe('running');
    simulation.stop();
    expect(simulation.state).toBe('stopped');
    expect(() => simulation.start()).toThrow('cannot start a stopped simulation; call reset() first');
  });
});
