import type { Instrument, MarketEvent, MarketSimulation } from '@marksim/core';
import type { FeedBook, FeedControl, FeedEvent, FeedStatus, MarketFeed } from '@marksim/ws-server';
import { goLive } from './go-live.js';

/**
 * Adapts a live MarketSimulation to the server's MarketFeed: book events and tickers pass
 * through in order, a simulation reset becomes a feed `reset` (clients get fresh snapshots), and
 * control ops map onto the simulation. A reset starts a new market that goes live (after its
 * warm-up) at wall-clock now.
 */
export class SimulationFeed implements MarketFeed {
  readonly control: FeedControl;
  private readonly instrumentList: readonly Instrument[];

  constructor(private readonly simulation: MarketSimulation, nowUs: () => number, warmupUs: number) {
    this.instrumentList = [simulation.options.instrument];
    this.control = {
      pause: () => simulation.pause(),
      resume: () => simulation.resume(),
      setSpeed: (speed: number) => simulation.setSpeed(speed),
      reset: () => {
        simulation.reset({ startTimeUs: nowUs() - warmupUs });
        return goLive(simulation, warmupUs);
      },
    };
  }

  instruments(): readonly Instrument[] {
    return this.instrumentList;
  }

  onEvent(listener: (event: FeedEvent) => void): () => void {
    const symbol = this.instrumentList[0]!.symbol;
    const offMarket = this.simulation.subscribe((event: MarketEvent) => listener(event));
    const offControl = this.simulation.onControl((event) => {
      if (event.type === 'reset') listener({ type: 'reset', symbol, timeUs: event.timeUs });
    });
    return () => {
      offMarket();
      offControl();
    };
  }

  book(_symbol: string, depth: number): FeedBook {
    const view = this.simulation.depth(depth);
    return { seq: view.seq, timeUs: view.timeUs, bids: view.bids, asks: view.asks };
  }

  status(): FeedStatus {
    const status = this.simulation.status();
    return { simTimeUs: status.simTimeUs, speed: status.speed, paused: status.paused, eventsPerS: status.eventsPerS };
  }
}
