// The book channel end to end: a client's LocalBook rebuilt from snapshot + deltas equals the
// feed's book, checksums match, and a dropped delta is detected and repaired with a snapshot.
import { BTC_USD, DecimalUnits } from '@marksim/core';
import { LocalBook, encodeLevels } from '@marksim/ws-server/protocol';
import type { BookDeltaMessage, BookSnapshotMessage } from '@marksim/ws-server/protocol';
import { startServer, turn } from './support/clients.js';
import type { TestClient } from './support/clients.js';
import { rng } from './support/scripted-feed.js';

const units = new DecimalUnits(BTC_USD);
type BookMessage = BookSnapshotMessage | BookDeltaMessage;

/** Applies every book message the client received from `from` on; returns the failures. */
function applyAll(book: LocalBook, client: TestClient, from: number, skip = new Set<number>()): { issues: string[]; next: number } {
  const issues: string[] = [];
  let i = from;
  for (; i < client.messages.length; i++) {
    const message = client.messages[i];
    if (message.type !== 'book_snapshot' && message.type !== 'book_delta') continue;
    if (skip.has(message.seq as number)) continue;
    const result = book.apply(message as unknown as BookMessage);
    if (!result.ok) issues.push(result.issue);
  }
  return { issues, next: i };
}

describe('book channel', () => {
  let env: Awaited<ReturnType<typeof startServer>>;
  beforeEach(async () => {
    env = await startServer();
    env.feed.seedBook('BTC/USD', 5_000_000, 40);
  });
  afterEach(() => env.stop());

  /** Waits until everything sent before now reached the client (the socket keeps order). */
  async function settle(client: TestClient): Promise<void> {
    await turn();
    await client.request({ op: 'ping' });
  }

  it('sends a snapshot of the requested depth after the ack', async () => {
    const client = await env.client();
    await client.request({ op: 'subscribe', channels: ['book'], symbols: ['BTC/USD'], depth: 5 });
    const snapshot = await client.nextOfType('book_snapshot');
    const feedBook = env.feed.book('BTC/USD', 5);
    expect(snapshot).toMatchObject({
      symbol: 'BTC/USD',
      seq: feedBook.seq,
      depth: 5,
      bids: encodeLevels(feedBook.bids, units),
      asks: encodeLevels(feedBook.asks, units),
      price_decimals: 2,
      size_decimals: 4,
    });
    expect(new LocalBook('BTC/USD').apply(snapshot as unknown as BookSnapshotMessage)).toEqual({ ok: true });
  });

  it.each([5, 10, 20])('rebuilds the feed book at depth %i from snapshot and deltas, every checksum matching', async (depth) => {
    const client = await env.client();
    await client.request({ op: 'subscribe', channels: ['book'], symbols: ['BTC/USD'], depth });
    const random = rng(depth);
    for (let batch = 0; batch < 40; batch++) {
      env.feed.churn('BTC/USD', 1 + Math.floor(random() * 20), random);
      if (batch % 3 === 0) env.feed.trade('BTC/USD', 5_000_000, 1, 'buy');
      await turn();
    }
    await settle(client);
    const book = new LocalBook('BTC/USD');
    const { issues } = applyAll(book, client, 0);
    expect(issues).toEqual([]);
    const feedBook = env.feed.book('BTC/USD', depth);
    expect(book.bids).toEqual(encodeLevels(feedBook.bids, units));
    expect(book.asks).toEqual(encodeLevels(feedBook.asks, units));
    expect(client.messages.filter((m) => m.type === 'book_delta').length).toBeGreaterThan(10);
  });

  it('links each delta to the previous book message by prev_seq', async () => {
    const client = await env.client();
    await client.request({ op: 'subscribe', channels: ['book'], symbols: ['BTC/USD'], depth: 10 });
    const random = rng(7);
    for (let batch = 0; batch < 10; batch++) {
      env.feed.churn('BTC/USD', 5, random);
      await turn();
    }
    await settle(client);
    const bookMessages = client.messages.filter((m) => m.type === 'book_snapshot' || m.type === 'book_delta');
    for (let i = 1; i < bookMessages.length; i++) {
      expect(bookMessages[i].prev_seq).toBe(bookMessages[i - 1].seq);
      expect(bookMessages[i].seq as number).toBeGreaterThan(bookMessages[i - 1].seq as number);
    }
  });

  it('detects a dropped delta as a gap and resynchronises from a requested snapshot', async () => {
    const client = await env.client();
    await client.request({ op: 'subscribe', channels: ['book'], symbols: ['BTC/USD'], depth: 10 });
    const random = rng(11);
    for (let batch = 0; batch < 5; batch++) {
      env.feed.churn('BTC/USD', 10, random);
      await turn();
    }
    await settle(client);
    const deltas = client.messages.filter((m) => m.type === 'book_delta');
    const book = new LocalBook('BTC/USD');
    const first = applyAll(book, client, 0, new Set([deltas[1].seq as number]));
    expect(first.issues[0]).toBe('gap');
    expect(book.isSynced).toBe(false);

    client.send({ op: 'snapshot', symbol: 'BTC/USD' });
    const snapshot = await client.nextOfType('book_snapshot');
    const resynced = client.messages.indexOf(snapshot);
    for (let batch = 0; batch < 5; batch++) {
      env.feed.churn('BTC/USD', 10, random);
      await turn();
    }
    await settle(client);
    const second = applyAll(book, client, resynced);
    expect(second.issues).toEqual([]);
    expect(book.isSynced).toBe(true);
    expect(book.bids).toEqual(encodeLevels(env.feed.book('BTC/USD', 10).bids, units));
    expect(book.asks).toEqual(encodeLevels(env.feed.book('BTC/USD', 10).asks, units));
  });

  it('serves a one-off snapshot to a client without a book subscription', async () => {
    const client = await env.client();
    client.send({ op: 'snapshot', symbol: 'BTC/USD', depth: 3 });
    const snapshot = await client.nextOfType('book_snapshot');
    expect(snapshot).toMatchObject({ type: 'book_snapshot', depth: 3, seq: env.feed.book('BTC/USD', 3).seq });
    expect((snapshot.bids as unknown[]).length).toBe(3);
  });

  it('sends every subscriber a fresh snapshot when the feed resets', async () => {
    const client = await env.client();
    await client.request({ op: 'subscribe', channels: ['book'], symbols: ['BTC/USD'], depth: 10 });
    await client.nextOfType('book_snapshot');
    env.feed.resetSymbol('BTC/USD');
    const snapshot = await client.nextOfType('book_snapshot');
    expect(snapshot).toMatchObject({ bids: [], asks: [], seq: env.feed.book('BTC/USD', 10).seq });
  });

  it('sends no delta when only levels below the subscribed depth change', async () => {
    const client = await env.client();
    await client.request({ op: 'subscribe', channels: ['book'], symbols: ['BTC/USD'], depth: 5 });
    env.feed.setLevel('BTC/USD', 'buy', 5_000_000 - 30, 1);
    await settle(client);
    expect(client.messages.filter((m) => m.type === 'book_delta')).toEqual([]);
  });
});
