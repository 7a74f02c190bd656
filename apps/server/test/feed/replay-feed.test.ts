import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BookEvent, Ticker } from '@marksim/core';
import { BTC_USD } from '@marksim/core';
import { Archiver, SILENT_LOGGER } from '@marksim/stream';
import type { FeedEvent } from '@marksim/ws-server';
import { instrumentRecord, tickerRecord } from '../../src/feed/archive-records.js';
import { ReplayFeed } from '../../src/feed/replay-feed.js';

const T0 = 1_704_067_200_000_000;

function level(seq: number, side: 'buy' | 'sell', priceTicks: number, sizeLots: number): BookEvent {
  return { type: 'level', seq, symbol: 'BTC/USD', timeUs: T0 + seq * 1000, side, priceTicks, sizeLots, orderCount: sizeLots > 0 ? 1 : 0 };
}

const ticker: Ticker = { timeUs: T0 + 3500, symbol: 'BTC/USD', lastPriceTicks: 0, bidPriceTicks: 100, askPriceTicks: 101,
  bidSizeLots: 5, askSizeLots: 7, volume24hLots: 0, tradeCount: 0 };

describe('ReplayFeed', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'marksim-replay-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function archive(records: object[]): Promise<void> {
    const archiver = await Archiver.open({ directory: dir, logger: SILENT_LOGGER });
    for (const record of records) archiver.write(record as never);
    await archiver.close();
  }

  it('replays book events and tickers in order and rebuilds the L2 book', async () => {
    await archive([instrumentRecord(BTC_USD, T0), level(1, 'buy', 100, 5), level(2, 'sell', 101, 7), level(3, 'buy', 99, 2),
      tickerRecord(ticker), level(4, 'buy', 99, 0)]);
    const feed = await ReplayFeed.open({ path: dir, speed: Infinity, logger: SILENT_LOGGER });
    expect(feed.instruments()).toEqual([BTC_USD]);
    const seen: FeedEvent[] = [];
    feed.onEvent((event) => seen.push(event));
    expect(await feed.run()).toBe(5);
    expect(seen.map((event) => event.type)).toEqual(['level', 'level', 'level', 'ticker', 'level']);
    expect(seen[3]).toEqual({ type: 'ticker', ticker });
    const book = feed.book('BTC/USD', 10);
    expect(book.seq).toBe(4);
    expect(book.bids).toEqual([{ priceTicks: 100, sizeLots: 5, orderCount: 1 }]);
    expect(book.asks).toEqual([{ priceTicks: 101, sizeLots: 7, orderCount: 1 }]);
  });

  it('signals a reset when sequence numbers start again', async () => {
    await archive([instrumentRecord(BTC_USD, T0), level(1, 'buy', 100, 5), level(2, 'buy', 98, 1), level(1, 'sell', 105, 3)]);
    const feed = await ReplayFeed.open({ path: dir, speed: Infinity, logger: SILENT_LOGGER });
    const seen: FeedEvent[] = [];
    feed.onEvent((event) => seen.push(event));
    await feed.run();
    expect(seen.map((event) => event.type)).toEqual(['level', 'level', 'reset', 'level']);
    expect(feed.book('BTC/USD', 10)).toMatchObject({ seq: 1, bids: [], asks: [{ priceTicks: 105, sizeLots: 3, orderCount: 1 }] });
  });

  it('refuses a file that is not a server archive, naming it', async () => {
    const path = join(dir, 'plain.ndjson');
    await writeFile(path, `${JSON.stringify(level(1, 'buy', 1, 1))}\n`);
    await expect(ReplayFeed.open({ path, speed: 1, logger: SILENT_LOGGER })).rejects.toThrow(/plain\.ndjson has no instrument records/);
  });

  it('refuses reset while replaying', async () => {
    await archive([instrumentRecord(BTC_USD, T0), level(1, 'buy', 100, 5)]);
    const feed = await ReplayFeed.open({ path: dir, speed: Infinity, logger: SILENT_LOGGER });
    expect(() => feed.control.reset()).toThrow(/reset is not available while replaying/);
  });
});
