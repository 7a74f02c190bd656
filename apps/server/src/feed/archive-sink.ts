import type { Archiver } from '@marksim/stream';
import type { FeedControl, FeedEvent, MarketFeed } from '@marksim/ws-server';
import type { FeedListenOptions } from './simulation-feed.js';
import type { Logger } from '../log/logger.js';
import { instrumentRecord, tickerRecord } from './archive-records.js';

/**
 * Writes every feed event to the archive, losslessly: when the archiver falls behind (its
 * write() says so), the simulation is paused until the backlog reaches the disk, rather than
 * dropping records or letting memory grow. A pause the user asked for is left alone.
 */
export class ArchiveSink {
  private readonly off: () => void;
  private pausedForBacklog = false;
  private backpressurePauses = 0;

  constructor(feed: MarketFeed & { onEvent(listener: (event: FeedEvent) => void, options?: FeedListenOptions): () => void },
    private readonly archiver: Archiver, private readonly logger: Logger,
    private readonly control: FeedControl | undefined, startTimeUs: number) {
    for (const instrument of feed.instruments()) archiver.write(instrumentRecord(instrument, startTimeUs));
    // Every event, warm-ups included: a replay rebuilds the book from the archive alone.
    this.off = feed.onEvent(this.onEvent, { includeWarmup: true });
  }

  /** How many times the simulation waited for the disk. */
  get pauses(): number {
    return this.backpressurePauses;
  }

  private readonly onEvent = (event: FeedEvent): void => {
    if (event.type === 'reset') return;
    const accepted = this.archiver.write(event.type === 'ticker' ? tickerRecord(event.ticker) : event);
    if (!accepted && !this.pausedForBacklog && this.control) this.waitForDisk(this.control);
  };

  private waitForDisk(control: FeedControl): void {
    this.pausedForBacklog = true;
    this.backpressurePauses++;
    this.logger.warn('archive behind: pausing the simulation until it catches up');
    void control.pause();
    void this.archiver.drained().then(() => {
      this.pausedForBacklog = false;
      this.logger.info('archive caught up: resuming');
      void control.resume();
    });
  }

  /** Stops writing and closes the archive (final flush). */
  async close(): Promise<void> {
    this.off();
    await this.archiver.close();
  }
}
