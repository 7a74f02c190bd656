// The seed's MarketSimulation orchestrator: agents + book + clock, live (real time × speed) or
// fast-forward, with subscriptions to the market stream and to the simulation's lifecycle.
import type { AgentAccountView } from '../agent/agent-account.js';
import type { AgentIssue } from '../agent/agent-pool.js';
import type { BookSnapshot } from '../book/book-snapshot.js';
import type { BookLevel, Ticker } from '../domain/market-data.js';
import { MarksimError } from '../errors/marksim-error.js';
import type { SeedInput } from '../random/seed-hash.js';
import type { TimeEngineMode } from '../time/time-engine-events.js';
import { systemClock } from '../time/system-clock.js';
import type { WallClock } from '../time/wall-clock.js';
import type {
  AgentAccountSummary,
  MarketEvent,
  SimulationControlEvent,
  SimulationState,
  SimulationStats,
  SimulationStatus,
} from './simulation-events.js';
import { resolveSimulationOptions } from './simulation-options.js';
import type { MarketSimulationOptions, ResolvedSimulationOptions } from './simulation-options.js';
import { SimulationRun } from './simulation-run.js';
import type { RunSink } from './simulation-run.js';

/** L2 depth with the book sequence number it reflects. */
export interface DepthView {
  readonly symbol: string;
  readonly seq: number;
  readonly timeUs: number;
  readonly bids: readonly BookLevel[];
  readonly asks: readonly BookLevel[];
}

type Listener<T> = (value: T) => void;

/** Removes `listener` from a copy-on-write list (an emit in progress keeps its array). */
function without<T>(list: readonly Listener<T>[], listener: Listener<T>): Listener<T>[] {
  return list.filter((candidate) => candidate !== listener);
}

/**
 * A market with agents. `new MarketSimulation({ agents, initialPrice: 50000,
 * agentWakeupIntervalUs: 100000, speedMultiplier: 10, seed, instrument })` validates its options
 * (a bad one throws INVALID_CONFIG naming the field and the allowed range) and is ready to
 * `start()` (live, paced by wall time × speed) or to `runFor()` / `runUntil()` (in the mode
 * given: `mode: 'fast'` runs as fast as the machine allows). Same seed and options ⇒ the same
 * event stream, async agents included in fast mode.
 */
export class MarketSimulation {
  private readonly input: MarketSimulationOptions;
  private resolved: ResolvedSimulationOptions;
  private readonly clock: WallClock;
  private run: SimulationRun;
  private marketListeners: readonly Listener<MarketEvent>[] = [];
  private controlListeners: readonly Listener<SimulationControlEvent>[] = [];
  private issueListeners: readonly Listener<AgentIssue>[] = [];
  /** Shared by every run; `listening` follows the market subscribers so a run builds event objects only for them. */
  private readonly runSink: RunSink & { listening: boolean } = {
    listening: false,
    emit: (event) => this.emitMarket(event),
    issue: (issue) => this.emitIssue(issue),
  };

  constructor(options: MarketSimulationOptions) {
    this.resolved = resolveSimulationOptions(options);
    this.input = options;
    this.clock = options.clock ?? systemClock;
    this.run = this.createRun();
  }

  /** The validated options of the current run. */
  get options(): ResolvedSimulationOptions {
    return this.resolved;
  }

  /** Simulated clock, µs since the Unix epoch. */
  get nowUs(): number {
    return this.run.engine.nowUs;
  }

  get state(): SimulationState {
    return this.run.engine.state;
  }

  get speed(): number {
    return this.run.engine.speed;
  }

  get mode(): TimeEngineMode {
    return this.run.engine.mode;
  }

  /** Starts the run in its mode (ready → running). Ignored when already started; throws after stop (use reset). */
  start(): void {
    this.ensureNotStopped('start');
    this.run.skipHorizonUs = Number.POSITIVE_INFINITY;
    this.run.engine.start();
  }

  /** Holds the clock; no agent wakes until resume or step. */
  pause(): void {
    this.run.engine.pause();
  }

  resume(): void {
    this.run.skipHorizonUs = Number.POSITIVE_INFINITY;
    this.run.engine.resume();
  }

  /** Changes the real-time speed multiplier (simulated seconds per wall second, > 0). */
  setSpeed(speed: number): void {
    if (typeof speed !== 'number' || !(speed > 0) || !Number.isFinite(speed)) {
      throw new MarksimError('INVALID_ARGUMENT', `speed must be a finite number > 0 (got ${String(speed)}) at simulation.setSpeed`);
    }
    this.ensureNotStopped('setSpeed');
    this.run.engine.setSpeed(speed);
  }

  /** Switches between real-time and fast-forward at the current simulated time. */
  setMode(mode: TimeEngineMode): void {
    this.ensureNotStopped('setMode');
    this.run.engine.setMode(mode);
  }

  /**
   * Pauses and runs the next `count` instants at once (an instant: the arrivals and wake-ups
   * due at one simulated time, or a ticker publication). Resolves with the number run.
   */
  step(count = 1): Promise<number> {
    this.ensureNotStopped('step');
    // Every instant stepped through is one the agents really wake at.
    this.run.skipHorizonUs = this.run.engine.nowUs;
    return this.run.engine.step(count);
  }

  /** Runs (in the current mode) until the clock reads `timeUs`, then pauses. Resolves true when reached. */
  runUntil(timeUs: number): Promise<boolean> {
    this.ensureNotStopped('runUntil');
    // Agents skip idle wake-ups up to the target only, so the counters are exact when it is reached.
    this.run.skipHorizonUs = timeUs;
    return this.run.engine.runUntil(timeUs);
  }

  /** Runs for `durationUs` more of simulated time, then pauses. */
  runFor(durationUs: number): Promise<boolean> {
    if (!Number.isSafeInteger(durationUs) || durationUs < 0) {
      throw new MarksimError('INVALID_ARGUMENT', `durationUs must be an integer >= 0 (got ${String(durationUs)}) at simulation.runFor`);
    }
    return this.runUntil(this.nowUs + durationUs);
  }

  /** Ends the run for good (reset starts a new one). */
  stop(): void {
    const run = this.run;
    run.meter.end(this.clock.nowMs(), run.events);
    run.close();
  }

  /**
   * Starts a new run from the initial state: fresh book (sequence numbers from 1 again), fresh
   * accounts, agents restarted; optionally with another seed or start time. Subscriptions stay.
   */
  reset(changes: { readonly seed?: SeedInput; readonly startTimeUs?: number } = {}): void {
    const next = resolveSimulationOptions({
      ...this.input,
      seed: changes.seed ?? this.resolved.seed,
      startTimeUs: changes.startTimeUs ?? this.resolved.startTimeUs,
    });
    const previous = this.run;
    this.resolved = next;
    this.run = this.createRun();
    previous.close();
    this.emitControl({ type: 'reset', timeUs: next.startTimeUs, seed: next.seed });
  }

  /** Subscribes to the market stream (book events and tickers, in order). Returns the unsubscribe function. */
  subscribe(listener: (event: MarketEvent) => void): () => void {
    this.marketListeners = [...this.marketListeners, listener];
    this.runSink.listening = true;
    return () => {
      this.marketListeners = without(this.marketListeners, listener);
      this.runSink.listening = this.marketListeners.length > 0;
    };
  }

  /** Subscribes to lifecycle events (started, paused, reset, …). */
  onControl(listener: (event: SimulationControlEvent) => void): () => void {
    this.controlListeners = [...this.controlListeners, listener];
    return () => {
      this.controlListeners = without(this.controlListeners, listener);
    };
  }

  /** Subscribes to agent problems (errors, timeouts, disabling); log them, the market goes on. */
  onAgentIssue(listener: (issue: AgentIssue) => void): () => void {
    this.issueListeners = [...this.issueListeners, listener];
    return () => {
      this.issueListeners = without(this.issueListeners, listener);
    };
  }

  /** The book now, as an immutable O(1) snapshot (its `seq` is the last event it reflects). */
  snapshot(): BookSnapshot {
    return this.run.snapshot();
  }

  /** Top `maxLevels` levels per side with the sequence number they reflect. */
  depth(maxLevels = 20): DepthView {
    const book = this.run.matching.book;
    const { bids, asks } = book.depth(maxLevels);
    return { symbol: book.symbol, seq: book.seq, timeUs: book.timeUs, bids, asks };
  }

  /** The ticker at the current simulated time. */
  ticker(): Ticker {
    return this.run.market.tickerAt(this.run.matching.book, this.nowUs);
  }

  status(): SimulationStatus {
    const run = this.run;
    const engine = run.engine;
    if (engine.state === 'running') run.meter.sample(this.clock.nowMs(), run.events);
    return {
      simTimeUs: engine.nowUs,
      speed: engine.speed,
      mode: engine.mode,
      state: engine.state,
      paused: engine.state === 'paused',
      eventsPerS: run.meter.recentPerS,
      seq: run.matching.lastSeq,
    };
  }

  stats(): SimulationStats {
    const run = this.run;
    if (run.engine.state === 'running') run.meter.sample(this.clock.nowMs(), run.events);
    const nowUs = run.engine.nowUs;
    return {
      simTimeUs: nowUs,
      elapsedUs: nowUs - this.resolved.startTimeUs,
      events: run.events,
      wakeups: run.wakeups,
      decisions: run.decisions,
      missedWakeups: run.missedWakeups,
      intents: run.intents,
      orders: run.orders,
      bookEvents: run.bookEvents,
      trades: run.market.tradeCount,
      tradedLots: run.market.tradedLots,
      rejects: run.rejects,
      limitRejects: run.limitRejects,
      agentErrors: run.agentErrors,
      agentTimeouts: run.agentTimeouts,
      disabledAgents: run.disabledAgents,
      tickers: run.tickers,
      crossedBookCount: run.market.crossedBookCount,
      minSpreadTicks: run.market.minSpreadTicks,
      wallMs: run.meter.runningMs,
      eventsPerS: run.meter.runningMs > 0 ? (run.events * 1000) / run.meter.runningMs : 0,
    };
  }

  /** One agent's live account (read-only), or undefined for an unknown id. */
  account(agentId: string): AgentAccountView | undefined {
    return this.run.byId.get(agentId)?.account;
  }

  /**
   * Every agent's account in quote-currency numbers, marked at the last trade (or the mid, or
   * the initial price before any trade).
   */
  accounts(): AgentAccountSummary[] {
    const run = this.run;
    const units = this.resolved.units;
    const book = run.matching.book;
    const markTicks = run.market.lastPriceTicks || book.midTicks || this.resolved.initialPriceTicks;
    // tick·lots → quote currency: ticks to price, then lots to size, both exact scalings.
    const quote = (tickLots: number): number => units.lotsToNumber(units.ticksToNumber(tickLots));
    return run.members.map((member) => {
      const account = member.account;
      const unrealised = account.unrealisedPnlTickLots(markTicks);
      return {
        agentId: account.agentId,
        positionLots: account.positionLots,
        position: units.lotsToNumber(account.positionLots),
        maxAbsPosition: units.lotsToNumber(account.maxAbsPositionLots),
        averagePrice: units.ticksToNumber(account.averagePriceTicks),
        cash: quote(account.cashTickLots),
        realisedPnl: quote(account.realisedPnlTickLots),
        unrealisedPnl: quote(unrealised),
        totalPnl: quote(account.totalPnlTickLots(markTicks)),
        markPrice: units.ticksToNumber(markTicks),
        openOrders: account.openOrders.size,
        fills: account.fillCount,
        wakeups: member.wakeups,
        limitRejects: member.limitRejects,
        failures: member.failures,
        timeouts: member.timeouts,
        missedWakeups: member.missedWakeups,
        disabled: member.disabled,
      };
    });
  }

  private createRun(): SimulationRun {
    const run = new SimulationRun(this.resolved, this.clock, this.runSink);
    const engine = run.engine;
    // Only the current run speaks: a run replaced by reset goes quiet (no stray 'stopped').
    const forward = (event: SimulationControlEvent): void => {
      if (this.run === run) this.emitControl(event);
    };
    engine.on('started', (event) => {
      run.meter.begin(this.clock.nowMs(), run.events);
      forward(event);
    });
    engine.on('resumed', (event) => {
      run.meter.begin(this.clock.nowMs(), run.events);
      forward(event);
    });
    engine.on('paused', (event) => {
      run.meter.end(this.clock.nowMs(), run.events);
      forward(event);
    });
    engine.on('speed', forward);
    engine.on('mode', forward);
    engine.on('reached', forward);
    engine.on('stopped', (event) => forward({ type: 'stopped', timeUs: event.timeUs }));
    engine.on('handler-error', (event) =>
      forward({ type: 'error', timeUs: event.timeUs, message: `simulation step failed: ${String(event.error)}`, error: event.error }),
    );
    return run;
  }

  private emitMarket(event: MarketEvent): void {
    const listeners = this.marketListeners;
    for (let i = 0; i < listeners.length; i++) {
      try {
        listeners[i]!(event);
      } catch (error) {
        this.emitControl({ type: 'error', timeUs: event.timeUs, message: `a market subscriber threw: ${String(error)}`, error });
      }
    }
  }

  private emitIssue(issue: AgentIssue): void {
    for (const listener of this.issueListeners) {
      try {
        listener(issue);
      } catch (error) {
        this.emitControl({ type: 'error', timeUs: issue.timeUs, message: `an agent-issue subscriber threw: ${String(error)}`, error });
      }
    }
  }

  private emitControl(event: SimulationControlEvent): void {
    for (const listener of this.controlListeners) {
      try {
        listener(event);
      } catch {
        // A failing lifecycle listener has nowhere left to report to; the others still hear.
      }
    }
  }

  private ensureNotStopped(action: string): void {
    if (this.run.engine.state === 'stopped') {
      throw new MarksimError('ENGINE_STOPPED', `cannot ${action} a stopped simulation; call reset() first at simulation.${action}`);
    }
  }
}
