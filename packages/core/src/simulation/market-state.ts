// What the simulation knows about the market beyond the book: last price, trade count, rolling
// 24 h volume, the most recent trades and the spread seen after each command. It builds the
// Ticker and the agents' MarketData, each only when something changed since the last one was built.
import type { MarketData } from '../agent/agent.js';
import type { BookView } from '../book/book-view.js';
import type { TradeEvent } from '../domain/events.js';
import type { Ticker } from '../domain/market-data.js';
import { RollingVolume } from './rolling-volume.js';

const NO_TRADES: readonly TradeEvent[] = Object.freeze([]);

/** Market statistics kept from the trade stream. */
export class MarketState {
  readonly symbol: string;
  lastPriceTicks = 0;
  tradeCount = 0;
  tradedLots = 0;
  /** Commands after which the best bid was at or above the best ask (a healthy book: 0). */
  crossedBookCount = 0;
  /** Smallest best ask - best bid seen after a command, ticks (Infinity until both sides had orders). */
  minSpreadTicks = Number.POSITIVE_INFINITY;
  private readonly volume = new RollingVolume();
  private readonly recent: (TradeEvent | undefined)[];
  private recentHead = 0;
  private recentCount = 0;
  private recentView: readonly TradeEvent[] = NO_TRADES;
  private recentDirty = false;
  private ticker: Ticker | null = null;
  private tickerSeq = -1;
  private tickerTimeUs = -1;

  constructor(symbol: string, recentTradesLimit: number) {
    this.symbol = symbol;
    this.recent = new Array<TradeEvent | undefined>(recentTradesLimit);
  }

  /** Records one trade. */
  onTrade(trade: TradeEvent): void {
    this.lastPriceTicks = trade.priceTicks;
    this.tradeCount++;
    this.tradedLots += trade.sizeLots;
    this.volume.add(trade.timeUs, trade.sizeLots);
    const capacity = this.recent.length;
    if (capacity === 0) return;
    this.recent[this.recentHead] = trade;
    this.recentHead = (this.recentHead + 1) % capacity;
    if (this.recentCount < capacity) this.recentCount++;
    this.recentDirty = true;
  }

  /** Checks the touch after a command: counts a crossed book and keeps the smallest spread. */
  observeSpread(book: BookView): void {
    const bid = book.bestBid;
    const ask = book.bestAsk;
    if (bid === undefined || ask === undefined) return;
    const spreadTicks = ask.priceTicks - bid.priceTicks;
    if (spreadTicks <= 0) this.crossedBookCount++;
    if (spreadTicks < this.minSpreadTicks) this.minSpreadTicks = spreadTicks;
  }

  /** The recent trades, oldest first, as an immutable array (rebuilt only after new trades). */
  recentTrades(): readonly TradeEvent[] {
    if (!this.recentDirty) return this.recentView;
    const capacity = this.recent.length;
    const view = new Array<TradeEvent>(this.recentCount);
    let index = (this.recentHead - this.recentCount + capacity) % capacity;
    for (let i = 0; i < this.recentCount; i++) {
      view[i] = this.recent[index]!;
      index = index + 1 === capacity ? 0 : index + 1;
    }
    this.recentView = Object.freeze(view);
    this.recentDirty = false;
    return this.recentView;
  }

  /**
   * The ticker of the book as it is now, stamped `timeUs`. Cached: asking again with the same
   * book seq and time returns the same object.
   */
  tickerAt(book: BookView, timeUs: number): Ticker {
    if (this.ticker !== null && this.tickerSeq === book.seq && this.tickerTimeUs === timeUs) return this.ticker;
    const bid = book.bestBid;
    const ask = book.bestAsk;
    this.ticker = {
      timeUs,
      symbol: this.symbol,
      lastPriceTicks: this.lastPriceTicks,
      bidPriceTicks: bid === undefined ? 0 : bid.priceTicks,
      askPriceTicks: ask === undefined ? 0 : ask.priceTicks,
      bidSizeLots: bid === undefined ? 0 : bid.sizeLots,
      askSizeLots: ask === undefined ? 0 : ask.sizeLots,
      volume24hLots: this.volume.totalAt(timeUs),
      tradeCount: this.tradeCount,
    };
    this.tickerSeq = book.seq;
    this.tickerTimeUs = timeUs;
    return this.ticker;
  }

  /**
   * What agents waking at `timeUs` see. The ticker is the latest one, stamped with the time of
   * the book's last change (`sinceUs` before the first), so it is rebuilt only when the book
   * moved rather than at every wake-up.
   */
  marketData(book: BookView, timeUs: number, sinceUs: number): MarketData {
    const ticker = this.tickerSeq === book.seq && this.ticker !== null ? this.ticker : this.tickerAt(book, Math.max(book.timeUs, sinceUs));
    return { timeUs, ticker, recentTrades: this.recentTrades() };
  }
}
