import type { MarketSimulation } from '@marksim/core';

/**
 * Brings a fresh simulation to its live state: first `warmupUs` of simulated time as fast as
 * possible — the book starts empty, and its first minute or so (agents finding a price, a wide
 * spread) is not what a client should connect to — then real time at the simulation's speed.
 * The simulation's start time is expected to lie `warmupUs` before wall-clock now, so live
 * timestamps continue from the wall clock. `onWarm` runs after the warm-up and before the first
 * live event.
 */
export async function goLive(simulation: MarketSimulation, warmupUs: number, onWarm?: () => void): Promise<void> {
  if (warmupUs > 0) {
    simulation.setMode('fast');
    await simulation.runFor(warmupUs);
  }
  onWarm?.();
  simulation.setMode('realtime');
  if (simulation.state === 'ready') simulation.start();
  else simulation.resume();
}
