// A MarketFeed driven by the test: a real (small) L2 book per symbol with sequence numbers, and
// tickers, trades and resets on demand. Plausible numbers around BTC/USD 50 000.
import type { BookEvent, BookLevel, Instrument, Side, Ticker } from '@marksim/core';
import { BTC_USD } from '@marksim/core';
import type { FeedBook, FeedControl, FeedEvent, FeedStatus, MarketFeed } from '@marksim/ws-server';

export const ETH_USD: Instrument = { symbol: 'ETH/USD', tickSize: '0.01', lotSize: '0.001' };

interface SymbolState {
  seq: number;
  timeUs: number;
  tradeId: number;
  tradeCount: number;
  volumeLots: number;
  lastPriceTicks: number;
  bids: Map<number, number>;
  asks: Map<number, number>;
}

/** Deterministic pseudo-random numbers (mulberry32), so failures replay. */
export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class ScriptedFeed implements MarketFeed {
  readonly controlCalls: string[] = [];
  speed = 10;
  paused = false;
  readonly control: FeedControl;
  private readonly listeners = new Set<(event: FeedEvent) => void>();
  private readonly state = new Map<string, SymbolState>();

  constructor(
    private readonly instrumentList: readonly Instrument[] = [BTC_USD, ETH_USD],
    private clockUs = 1_700_000_000_000_000,
  ) {
    for (const instrument of instrumentList) this.state.set(instrument.symbol, this.emptyState());
    this.control = {
      pause: () => {
        this.controlCalls.push('pause');
        this.paused = true;
      },
      resume: () => {
        this.controlCalls.push('resume');
        this.paused = false;
      },
      setSpeed: (speed: number) => {
        if (speed > 1000) throw new Error(`speed must be <= 1000 (got ${speed})`);
        this.controlCalls.push(`set_speed ${speed}`);
        this.speed = speed;
      },
      reset: () => {
        this.controlCalls.push('reset');
        for (const symbol of this.state.keys()) this.resetSymbol(symbol);
      },
    };
  }

  instruments(): readonly Instrument[] {
    return this.instrumentList;
  }

  onEvent(listener: (event: FeedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  book(symbol: string, depth: number): FeedBook {
    const s = this.get(symbol);
    const level = ([priceTicks, sizeLots]: [number, number]): BookLevel => ({ priceTicks, sizeLots, orderCount: 1 });
    return {
      seq: s.seq,
      timeUs: s.timeUs,
      bids: [...s.bids].sort((a, b) => b[0] - a[0]).slice(0, depth).map(level),
      asks: [...s.asks].sort((a, b) => a[0] - b[0]).slice(0, depth).map(level),
    };
  }

  status(): FeedStatus {
    return { simTimeUs: this.clockUs, speed: this.speed, paused: this.paused, eventsPerS: 1234.4, lagUs: 1500 };
  }

  /** Advances the simulated clock. */
  tick(us = 1000): number {
    this.clockUs += us;
    return this.clockUs;
  }

  /** Sets a level's total size (0 removes it) and emits the level event. */
  setLevel(symbol: string, side: Side, priceTicks: number, sizeLots: number): void {
    const s = this.get(symbol);
    const levels = side === 'buy' ? s.bids : s.asks;
    if (sizeLots === 0) levels.delete(priceTicks);
    else levels.set(priceTicks, sizeLots);
    this.emit({ type: 'level', seq: ++s.seq, symbol, timeUs: (s.timeUs = this.tick()), side, priceTicks, sizeLots, orderCount: sizeLots === 0 ? 0 : 1 });
  }

  /** Fills a ladder: `levels` bids below and asks above `midTicks`, one tick apart. */
  seedBook(symbol: string, midTicks: number, levels: number, sizeLots = 10_000): void {
    for (let i = 1; i <= levels; i++) {
      this.setLevel(symbol, 'buy', midTicks - i, sizeLots + i);
      this.setLevel(symbol, 'sell', midTicks + i, sizeLots + 2 * i);
    }
  }

  /** Random level changes near the top of the book. */
  churn(symbol: string, changes: number, random: () => number, midTicks = 5_000_000): void {
    for (let i = 0; i < changes; i++) {
      const side: Side = random() < 0.5 ? 'buy' : 'sell';
      const offset = 1 + Math.floor(random() * 30);
      const priceTicks = side === 'buy' ? midTicks - offset : midTicks + offset;
      this.setLevel(symbol, side, priceTicks, random() < 0.2 ? 0 : 1 + Math.floor(random() * 50_000));
    }
  }

  trade(symbol: string, priceTicks: number, sizeLots: number, aggressor: Side): void {
    const s = this.get(symbol);
    s.tradeCount++;
    s.volumeLots += sizeLots;
    s.lastPriceTicks = priceTicks;
    this.emit({
      type: 'trade',
      seq: ++s.seq,
      symbol,
      timeUs: (s.timeUs = this.tick()),
      tradeId: ++s.tradeId,
      priceTicks,
      sizeLots,
      aggressor,
      makerOrderId: `m${s.tradeId}`,
      makerOwnerId: 'mm_1',
      takerOrderId: `t${s.tradeId}`,
      takerOwnerId: 'noise_1',
    });
  }

  /** Emits the ticker of the current book state (timestamp given or the sim clock). */
  ticker(symbol: string, timeUs = this.tick()): Ticker {
    const s = this.get(symbol);
    const bid = Math.max(0, ...s.bids.keys());
    const ask = s.asks.size === 0 ? 0 : Math.min(...s.asks.keys());
    const ticker: Ticker = {
      timeUs,
      symbol,
      lastPriceTicks: s.lastPriceTicks,
      bidPriceTicks: bid,
      askPriceTicks: ask,
      bidSizeLots: s.bids.get(bid) ?? 0,
      askSizeLots: s.asks.get(ask) ?? 0,
      volume24hLots: s.volumeLots,
      tradeCount: s.tradeCount,
    };
    this.emit({ type: 'ticker', ticker });
    return ticker;
  }

  resetSymbol(symbol: string): void {
    const seq = this.get(symbol).seq;
    const fresh = this.emptyState();
    fresh.seq = seq + 1;
    fresh.timeUs = this.tick();
    this.state.set(symbol, fresh);
    this.emit({ type: 'reset', symbol, timeUs: fresh.timeUs });
  }

  private emit(event: FeedEvent | BookEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private get(symbol: string): SymbolState {
    const s = this.state.get(symbol);
    if (s === undefined) throw new Error(`unknown symbol ${symbol}`);
    return s;
  }

  private emptyState(): SymbolState {
    return { seq: 0, timeUs: this.clockUs, tradeId: 0, tradeCount: 0, volumeLots: 0, lastPriceTicks: 5_000_000, bids: new Map(), asks: new Map() };
  }
}
