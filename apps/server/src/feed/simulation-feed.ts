import type { Instrument, MarketEvent, MarketSimulation } from '@marksim/core';
import type { FeedBook, FeedControl, FeedEvent, FeedStatus, MarketFeed } from '@marksim/ws-server';
import { goLive } from './go-live.js';
import { checkSpeed } from './speed-range.js';

/** Options of SimulationFeed.onEvent beyond the MarketFeed contract. */
export interface FeedListenOptions {
  /** Also receive the events of a reset's warm-up (the archive needs them; clients do not). */
  readonly includeWarmup?: boolean;
}

/**
 * Adapts a live MarketSimulation to the server's MarketFeed: book events and tickers pass
 * through in order and control ops map onto the simulation. A reset starts a new market that
 * warms up out of the clients' sight, then becomes one feed `reset` (clients get fresh
 * snapshots of the warmed-up book) and goes live at wall-clock now.
 */
export class SimulationFeed implements MarketFeed {
  readonly control: FeedControl;
  private readonly instrumentList: readonly Instrument[];
  private readonly listeners = new Set<(event: FeedEvent) => void>();
  private readonly warmupListeners = new Set<(event: FeedEvent) => void>();
  private warmingUp = false;

  constructor(private readonly simulation: MarketSimulation, nowUs: () => number, warmupUs: number) {
    const symbol = simulation.options.instrument.symbol;
    this.instrumentList = [simulation.options.instrument];
    simulation.subscribe(this.onMarketEvent);
    this.control = {
      pause: () => simulation.pause(),
      resume: () => simulation.resume(),
      setSpeed: (speed: number) => simulation.setSpeed(checkSpeed(speed, 'speed')),
      reset: () => {
        this.warmingUp = true;
        simulation.reset({ startTimeUs: nowUs() - warmupUs });
        return goLive(simulation, warmupUs, () => {
          this.warmingUp = false;
          this.emit(this.listeners, { type: 'reset', symbol, timeUs: simulation.nowUs });
        });
      },
    };
  }

  instruments(): readonly Instrument[] {
    return this.instrumentList;
  }

  onEvent(listener: (event: FeedEvent) => void, options: FeedListenOptions = {}): () => void {
    const set = options.includeWarmup ? this.warmupListeners : this.listeners;
    set.add(listener);
    return () => set.delete(listener);
  }

  book(_symbol: string, depth: number): FeedBook {
    const view = this.simulation.depth(depth);
    return { seq: view.seq, timeUs: view.timeUs, bids: view.bids, asks: view.asks };
  }

  status(): FeedStatus {
    const status = this.simulation.status();
    return { simTimeUs: status.simTimeUs, speed: status.speed, paused: status.paused, eventsPerS: status.eventsPerS };
  }

  private readonly onMarketEvent = (event: MarketEvent): void => {
    this.emit(this.warmupListeners, event);
    if (!this.warmingUp) this.emit(this.listeners, event);
  };

  private emit(listeners: ReadonlySet<(event: FeedEvent) => void>, event: FeedEvent): void {
    for (const listener of listeners) listener(event);
  }
}
