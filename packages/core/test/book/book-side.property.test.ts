import { BTC_USD, MatchingEngine } from '@marksim/core';
import type { BookEvent, BookLevel, BookSnapshot, OrderCommand, Side } from '@marksim/core';
import fc from 'fast-check';
import { assertBookInvariants } from '../helpers/assert-book-invariants.js';

// BookSide keeps a level's published size in its queue and changes it in place; a snapshot reads
// the levels it has through the side's change log, where each level's size goes before its first
// change after the snapshot, and readers get level objects of their own. These properties drive a
// few price levels hard, so most commands change a level just changed, and take snapshots or read
// the live book in between. Every snapshot and every handed-out level must stay as it was when taken.

type Op =
  | { kind: 'limit'; side: Side; priceOffset: number; sizeLots: number; read: Read }
  | { kind: 'market'; side: Side; sizeLots: number; read: Read }
  | { kind: 'cancel'; pick: number; read: Read }
  | { kind: 'reduce'; pick: number; sizeLots: number; read: Read };

/** What the test takes from the book after a command: nothing, a snapshot, or live-book levels. */
type Read = 'none' | 'snapshot' | 'best' | 'depth';

const readArb = fc.constantFrom<Read>('none', 'none', 'none', 'snapshot', 'best', 'depth');
const sideArb = fc.constantFrom<Side>('buy', 'sell');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('limit' as const),
      side: sideArb,
      priceOffset: fc.integer({ min: 0, max: 2 }),
      sizeLots: fc.integer({ min: 1, max: 9 }),
      read: readArb,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('market' as const), side: sideArb, sizeLots: fc.integer({ min: 1, max: 12 }), read: readArb }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat(), read: readArb }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('reduce' as const), pick: fc.nat(), sizeLots: fc.integer({ min: 1, max: 4 }), read: readArb }),
  },
);

/** Concrete commands: bids rest at 98..100 and asks at 101..103, so limits never cross and markets sweep. */
function toCommands(ops: readonly Op[]): OrderCommand[] {
  let issued = 0;
  return ops.map((op, index): OrderCommand => {
    const timeUs = index;
    if (op.kind === 'limit' || op.kind === 'market') {
      const orderId = `o${issued++}`;
      const isMarket = op.kind === 'market';
      const priceTicks = isMarket ? 0 : op.side === 'buy' ? 100 - op.priceOffset : 101 + op.priceOffset;
      return {
        type: 'new',
        orderId,
        ownerId: orderId,
        side: op.side,
        orderType: isMarket ? 'market' : 'limit',
        priceTicks,
        sizeLots: op.sizeLots,
        timeInForce: 'gtc',
        postOnly: false,
        selfTradePrevention: 'none',
        timeUs,
      };
    }
    const orderId = `o${issued === 0 ? 0 : op.pick % issued}`;
    if (op.kind === 'cancel') return { type: 'cancel', orderId, timeUs };
    return { type: 'modify', orderId, sizeLots: op.sizeLots, timeUs };
  });
}

/** The L2 book a feed rebuilds from `level` events alone, as "side price" → [size, count]. */
function applyLevels(feed: Map<string, string>, events: readonly BookEvent[]): void {
  for (const event of events) {
    if (event.type !== 'level') continue;
    const key = `${event.side} ${event.priceTicks}`;
    if (event.orderCount === 0) feed.delete(key);
    else feed.set(key, `${event.sizeLots}/${event.orderCount}`);
  }
}

function levelsOf(snapshot: BookSnapshot): Map<string, string> {
  const result = new Map<string, string>();
  const { bids, asks } = snapshot.depth();
  for (const level of bids) result.set(`buy ${level.priceTicks}`, `${level.sizeLots}/${level.orderCount}`);
  for (const level of asks) result.set(`sell ${level.priceTicks}`, `${level.sizeLots}/${level.orderCount}`);
  return result;
}

describe('BookSide level sizes (change log for snapshots)', () => {
  it('never changes a snapshot or a handed-out level, while the live levels change in place', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 120 }), (ops) => {
        const engine = new MatchingEngine({ instrument: BTC_USD });
        const feed = new Map<string, string>();
        const snapshots: [BookSnapshot, string, Map<string, string>][] = [];
        const handedOut: [BookLevel, string][] = [];
        toCommands(ops).forEach((command, index) => {
          applyLevels(feed, engine.process(command));
          assertBookInvariants(engine);
          const read = ops[index].read;
          if (read === 'snapshot') {
            const snapshot = engine.snapshot();
            snapshots.push([snapshot, JSON.stringify(snapshot), new Map(feed)]);
          } else if (read === 'best') {
            for (const level of [engine.book.bestBid, engine.book.bestAsk]) {
              if (level !== undefined) handedOut.push([level, JSON.stringify(level)]);
            }
          } else if (read === 'depth') {
            const { bids, asks } = engine.book.depth();
            for (const level of [...bids, ...asks]) handedOut.push([level, JSON.stringify(level)]);
          }
        });
        for (const [snapshot, serialised, feedThen] of snapshots) {
          expect(JSON.stringify(snapshot)).toBe(serialised);
          expect(levelsOf(snapshot)).toEqual(feedThen);
        }
        for (const [level, serialised] of handedOut) expect(JSON.stringify(level)).toBe(serialised);
        // The live book, updated in place, still says what the level events said.
        expect(levelsOf(engine.snapshot())).toEqual(feed);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same events and book whether or not snapshots are taken in between', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 120 }), (ops) => {
        const commands = toCommands(ops);
        const plain = new MatchingEngine({ instrument: BTC_USD });
        const watched = new MatchingEngine({ instrument: BTC_USD });
        const plainEvents = commands.flatMap((command) => plain.process(command));
        const watchedEvents = commands.flatMap((command) => {
          const events = watched.process(command);
          watched.snapshot();
          return events;
        });
        expect(watchedEvents).toEqual(plainEvents);
        expect(JSON.stringify(plain.snapshot())).toBe(JSON.stringify(watched.snapshot()));
      }),
      { numRuns: 100 },
    );
  });
});

describe('BookSide level summaries', () => {
  it('updates an unshared level in place and replaces it once a snapshot holds it', () => {
    const engine = new MatchingEngine({ instrument: BTC_USD });
    const order = (orderId: string, sizeLots: number): OrderCommand => ({
      type: 'new',
      orderId,
      ownerId: orderId,
      side: 'buy',
      orderType: 'limit',
      priceTicks: 100,
      sizeLots,
      timeInForce: 'gtc',
      postOnly: false,
      selfTradePrevention: 'none',
      timeUs: 0,
    });
    engine.process(order('a', 1));
    const before = engine.snapshot();
    engine.process(order('b', 2));
    engine.process(order('c', 3));
    expect(before.bestBid).toEqual({ priceTicks: 100, sizeLots: 1, orderCount: 1 });
    const held = engine.book.bestBid;
    expect(held).toEqual({ priceTicks: 100, sizeLots: 6, orderCount: 3 });
    engine.process({ type: 'cancel', orderId: 'b', timeUs: 1 });
    expect(held).toEqual({ priceTicks: 100, sizeLots: 6, orderCount: 3 });
    expect(engine.book.bestBid).toEqual({ priceTicks: 100, sizeLots: 4, orderCount: 2 });
    expect(before.depth().bids).toEqual([{ priceTicks: 100, sizeLots: 1, orderCount: 1 }]);
  });
});
