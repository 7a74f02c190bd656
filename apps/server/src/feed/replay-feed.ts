import { MarksimError, type Instrument } from '@marksim/core';
import { ArchiveReplayer, readArchive, type StreamLogger } from '@marksim/stream';
import type { FeedBook, FeedControl, FeedEvent, FeedStatus, MarketFeed } from '@marksim/ws-server';
import { tickerOf, type ServerArchiveRecord } from './archive-records.js';
import { checkSpeed } from './speed-range.js';
import { LevelBook } from './level-book.js';

/** Options of ReplayFeed.open(). */
export interface ReplayFeedOptions {
  /** An archive file or a directory of rotated files. */
  readonly path: string;
  /** Simulated seconds per wall second. */
  readonly speed: number;
  readonly logger: StreamLogger;
}

/**
 * Serves an archive written by the server as if it were live: records are paced by their
 * simulated time, the L2 book is rebuilt from `level` events, and the control ops that make
 * sense for a recording (pause, resume, speed) work; reset does not.
 */
export class ReplayFeed implements MarketFeed {
  readonly control: FeedControl;
  private readonly listeners = new Set<(event: FeedEvent) => void>();
  private readonly books = new Map<string, LevelBook>();
  private readonly replayer: ArchiveReplayer<ServerArchiveRecord>;
  private readonly iterator: AsyncIterator<ServerArchiveRecord>;
  private readonly instrumentList: Instrument[];
  private pending: ServerArchiveRecord | undefined;
  private simTimeUs = 0;
  private recordsInWindow = 0;
  private windowStartMs = Date.now();
  private eventsPerS = 0;
  private stopped = false;

  private constructor(replayer: ArchiveReplayer<ServerArchiveRecord>, iterator: AsyncIterator<ServerArchiveRecord>,
    instruments: Instrument[], pending: ServerArchiveRecord | undefined, private readonly logger: StreamLogger) {
    this.replayer = replayer;
    this.iterator = iterator;
    this.instrumentList = instruments;
    this.pending = pending;
    for (const instrument of instruments) this.books.set(instrument.symbol, new LevelBook());
    this.control = {
      pause: () => replayer.pause(),
      resume: () => replayer.resume(),
      setSpeed: (speed: number) => replayer.setSpeed(checkSpeed(speed, 'speed')),
      reset: () => {
        throw new MarksimError('INVALID_ARGUMENT', 'reset is not available while replaying an archive');
      },
    };
  }

  /** Opens an archive and reads its instrument records; throws naming the path if it has none. */
  static async open(options: ReplayFeedOptions): Promise<ReplayFeed> {
    const reader = readArchive<ServerArchiveRecord>(options.path, { logger: options.logger });
    const replayer = new ArchiveReplayer<ServerArchiveRecord>(reader, { speed: options.speed });
    const iterator = replayer[Symbol.asyncIterator]();
    const instruments: Instrument[] = [];
    let first: ServerArchiveRecord | undefined;
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      if (next.value.type !== 'instrument') {
        first = next.value;
        break;
      }
      const { symbol, tickSize, lotSize } = next.value;
      instruments.push({ symbol, tickSize, lotSize });
    }
    if (instruments.length === 0) {
      throw new MarksimError('INVALID_CONFIG', `--replay ${options.path} has no instrument records: not an archive written by marksim-server`);
    }
    return new ReplayFeed(replayer, iterator, instruments, first, options.logger);
  }

  instruments(): readonly Instrument[] {
    return this.instrumentList;
  }

  onEvent(listener: (event: FeedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  book(symbol: string, depth: number): FeedBook {
    const book = this.books.get(symbol);
    if (!book) return { seq: 0, timeUs: this.simTimeUs, bids: [], asks: [] };
    return { seq: book.seq, timeUs: book.timeUs, bids: book.topBids(depth), asks: book.topAsks(depth) };
  }

  status(): FeedStatus {
    return { simTimeUs: this.simTimeUs, speed: this.replayer.speed, paused: this.replayer.paused, eventsPerS: this.eventsPerS };
  }

  /** Plays the archive to its end (or until stop()); resolves with the number of records played. */
  async run(): Promise<number> {
    let played = 0;
    let record = this.pending;
    this.pending = undefined;
    while (!this.stopped) {
      if (record === undefined) {
        const next = await this.iterator.next();
        if (next.done) break;
        record = next.value;
      }
      this.play(record);
      played++;
      record = undefined;
    }
    this.logger.info('replay finished', { records: played });
    return played;
  }

  stop(): void {
    this.stopped = true;
    this.replayer.resume();
  }

  private play(record: ServerArchiveRecord): void {
    this.simTimeUs = record.timeUs;
    this.countRate();
    if (record.type === 'instrument') return;
    if (record.type === 'ticker') {
      this.emit({ type: 'ticker', ticker: tickerOf(record) });
      return;
    }
    const book = this.books.get(record.symbol);
    if (book) {
      if (record.seq <= book.seq) {
        // A new run in the same archive (the server was reset): sequence numbers restart.
        book.clear();
        this.emit({ type: 'reset', symbol: record.symbol, timeUs: record.timeUs });
      }
      if (record.type === 'level') book.apply(record);
      book.advance(record.seq, record.timeUs);
    }
    this.emit(record);
  }

  private emit(event: FeedEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private countRate(): void {
    this.recordsInWindow++;
    const nowMs = Date.now();
    if (nowMs - this.windowStartMs >= 1000) {
      this.eventsPerS = (this.recordsInWindow * 1000) / (nowMs - this.windowStartMs);
      this.recordsInWindow = 0;
      this.windowStartMs = nowMs;
    }
  }
}
