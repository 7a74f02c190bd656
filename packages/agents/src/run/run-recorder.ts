// Writes a run to a directory while it runs: trades.csv, ohlcv_1m.csv and tickers.ndjson.
// Lines are batched into chunks and written through streams; `drain()` waits for the disk
// between simulation chunks so memory stays bounded on long runs.
import { createWriteStream, mkdirSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { DecimalUnits, MarketEvent, MarketSimulation } from '@marksim/core';
import { BarBuilder } from './minute-bars.js';
import type { Bar } from './minute-bars.js';
import { encodeTicker } from '@marksim/ws-server/protocol';

/** File names inside a run directory. */
export const RUN_FILES = Object.freeze({
  trades: 'trades.csv',
  bars: 'ohlcv_1m.csv',
  tickers: 'tickers.ndjson',
  summary: 'summary.json',
});

const CHUNK_LINES = 2_000;
const MINUTE_US = 60_000_000;

/** One output file: lines buffered into chunks. */
class LineFile {
  private readonly stream: WriteStream;
  private lines: string[] = [];

  constructor(path: string, header: string | null) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    if (header !== null) this.lines.push(header);
  }

  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length >= CHUNK_LINES) this.flush();
  }

  flush(): void {
    if (this.lines.length === 0) return;
    this.stream.write(`${this.lines.join('\n')}\n`);
    this.lines = [];
  }

  drain(): Promise<void> {
    this.flush();
    if (!this.stream.writableNeedDrain) return Promise.resolve();
    return new Promise((resolve) => this.stream.once('drain', () => resolve()));
  }

  close(): Promise<void> {
    this.flush();
    return new Promise((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
  }
}

/** Records a simulation's trades, 1-minute bars and tickers into `directory`. */
export class RunRecorder {
  /** Last trade price (ticks), 0 before the first trade. */
  lastPriceTicks = 0;
  private readonly units: DecimalUnits;
  private readonly trades: LineFile;
  private readonly bars: LineFile;
  private readonly tickers: LineFile;
  private readonly barBuilder: BarBuilder;
  private readonly unsubscribe: () => void;

  constructor(simulation: MarketSimulation, directory: string) {
    mkdirSync(directory, { recursive: true });
    this.units = simulation.options.units;
    this.trades = new LineFile(join(directory, RUN_FILES.trades), 'timestamp,trade_id,price,size,side,maker_agent,taker_agent');
    this.bars = new LineFile(join(directory, RUN_FILES.bars), 'open_time,open,high,low,close,volume,trade_count');
    this.tickers = new LineFile(join(directory, RUN_FILES.tickers), null);
    this.barBuilder = new BarBuilder(simulation.options.startTimeUs, MINUTE_US, (bar) => this.writeBar(bar));
    this.unsubscribe = simulation.subscribe((event) => this.onEvent(event));
  }

  /** Closes the bars that ended by `timeUs` and waits until the files have taken the buffered lines. */
  async checkpoint(timeUs: number): Promise<void> {
    this.barBuilder.closeUntil(timeUs);
    await Promise.all([this.trades.drain(), this.bars.drain(), this.tickers.drain()]);
  }

  /** Stops recording at `endTimeUs` and closes the files. */
  async finish(endTimeUs: number): Promise<void> {
    this.unsubscribe();
    this.barBuilder.closeUntil(endTimeUs);
    await Promise.all([this.trades.close(), this.bars.close(), this.tickers.close()]);
  }

  private onEvent(event: MarketEvent): void {
    const units = this.units;
    if (event.type === 'trade') {
      this.lastPriceTicks = event.priceTicks;
      this.barBuilder.add(event.timeUs, event.priceTicks, event.sizeLots);
      this.trades.push(
        `${event.timeUs},${event.tradeId},${units.ticksToPrice(event.priceTicks)},${units.lotsToSize(event.sizeLots)},${event.aggressor},${event.makerOwnerId},${event.takerOwnerId}`,
      );
    } else if (event.type === 'ticker') {
      this.tickers.push(JSON.stringify(encodeTicker(event.ticker, units)));
    }
  }

  private writeBar(bar: Bar): void {
    const units = this.units;
    this.bars.push(
      `${bar.openTimeUs},${units.ticksToPrice(bar.openTicks)},${units.ticksToPrice(bar.highTicks)},${units.ticksToPrice(bar.lowTicks)},${units.ticksToPrice(bar.closeTicks)},${units.lotsToSize(bar.volumeLots)},${bar.tradeCount}`,
    );
  }
}
