import { BTC_USD, MatchingEngine } from '@marksim/core';
import type { BookEvent, BookSnapshot, OrderCommand, SelfTradePrevention, Side, TimeInForce } from '@marksim/core';
import fc from 'fast-check';
import { assertBookInvariants } from '../helpers/assert-book-invariants.js';

// Random command streams over a narrow price band (95..105) and a few owners, so orders cross,
// queue, meet their own owner, get modified and cancelled often. Ids are issued in order; cancels
// and modifies pick any id issued so far (live or not), and a few new orders reuse one.

type Op =
  | {
      kind: 'new';
      side: Side;
      isMarket: boolean;
      timeInForce: TimeInForce;
      postOnly: boolean;
      stp: SelfTradePrevention;
      priceOffset: number;
      sizeLots: number;
      owner: number;
      reuseId: number | null;
      offTick: boolean;
      snapshot: boolean;
    }
  | { kind: 'cancel'; pick: number; wrongOwner: boolean; snapshot: boolean }
  | { kind: 'modify'; pick: number; priceOffset: number | null; sizeLots: number | null; snapshot: boolean };

const newOp = fc.record({
  kind: fc.constant('new' as const),
  side: fc.constantFrom<Side>('buy', 'sell'),
  isMarket: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
  timeInForce: fc.constantFrom<TimeInForce>('gtc', 'gtc', 'gtc', 'ioc', 'fok'),
  postOnly: fc.constantFrom(false, false, false, true),
  stp: fc.constantFrom<SelfTradePrevention>('none', 'cancel-resting', 'cancel-incoming', 'cancel-both'),
  priceOffset: fc.integer({ min: -5, max: 5 }),
  sizeLots: fc.integer({ min: 1, max: 20 }),
  owner: fc.integer({ min: 0, max: 3 }),
  reuseId: fc.option(fc.nat(), { freq: 10 }),
  offTick: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
  snapshot: fc.boolean(),
});
const cancelOp = fc.record({
  kind: fc.constant('cancel' as const),
  pick: fc.nat(),
  wrongOwner: fc.constantFrom(false, false, false, true),
  snapshot: fc.boolean(),
});
const modifyOp = fc.record({
  kind: fc.constant('modify' as const),
  pick: fc.nat(),
  priceOffset: fc.option(fc.integer({ min: -5, max: 5 })),
  sizeLots: fc.option(fc.integer({ min: 1, max: 25 })),
  snapshot: fc.boolean(),
});
const opsArb: fc.Arbitrary<Op[]> = fc.array(
  fc.oneof({ weight: 6, arbitrary: newOp }, { weight: 2, arbitrary: cancelOp }, { weight: 2, arbitrary: modifyOp }),
  { minLength: 1, maxLength: 150 },
);

/** Turns abstract ops into concrete commands, independently of the engine's state. */
function toCommands(ops: readonly Op[]): OrderCommand[] {
  const issued: { id: string; owner: string }[] = [];
  return ops.map((op, index): OrderCommand => {
    const timeUs = index * 10;
    if (op.kind === 'new') {
      const reused = op.reuseId !== null && issued.length > 0 ? issued[op.reuseId % issued.length] : null;
      const orderId = reused?.id ?? `o${issued.length}`;
      const ownerId = `owner${op.owner}`;
      if (reused === null) issued.push({ id: orderId, owner: ownerId });
      const isMarket = op.isMarket && !op.postOnly;
      return {
        type: 'new',
        orderId,
        ownerId,
        side: op.side,
        orderType: isMarket ? 'market' : 'limit',
        priceTicks: isMarket ? 0 : 100 + op.priceOffset + (op.offTick ? 0.5 : 0),
        sizeLots: op.sizeLots,
        timeInForce: op.postOnly ? 'gtc' : op.timeInForce,
        postOnly: op.postOnly,
        selfTradePrevention: op.stp,
        timeUs,
      };
    }
    const target = issued.length > 0 ? issued[op.pick % issued.length] : { id: 'none', owner: 'nobody' };
    if (op.kind === 'cancel') {
      return { type: 'cancel', orderId: target.id, ownerId: op.wrongOwner ? 'mallory' : target.owner, timeUs };
    }
    return {
      type: 'modify',
      orderId: target.id,
      ...(op.priceOffset === null ? {} : { priceTicks: 100 + op.priceOffset }),
      ...(op.sizeLots === null ? {} : { sizeLots: op.sizeLots }),
      timeUs,
    };
  });
}

interface OrderModel {
  side: Side;
  /** Price of the order in the book (its limit), 0 for market orders. */
  priceTicks: number;
  isMarket: boolean;
  submittedLots: number;
  filledLots: number;
  /** Lots removed by `cancelled` events or by modifies that reduced the size. */
  cancelledLots: number;
  /** A `cancelled` event ended (part of) the order: its `done` must say cancelled. */
  sawCancel: boolean;
  done: boolean;
}

/** Checks every event against a model of each order's life; returns the events. */
function runAndCheck(commands: readonly OrderCommand[], snapshotAt: (index: number) => boolean): BookEvent[] {
  const engine = new MatchingEngine({ instrument: BTC_USD });
  const orders = new Map<string, OrderModel>();
  const totals = { submitted: 0, filled: 0, cancelled: 0 };
  const all: BookEvent[] = [];
  const snapshots: [BookSnapshot, string][] = [];
  /** An L2 book kept only from `level` events, as a feed consumer would. */
  const feed = new Map<string, number>();
  commands.forEach((command, index) => {
    const events = engine.process(command);
    assertBookInvariants(engine);
    for (const event of events) {
      expect(event.seq).toBe(all.length + 1);
      all.push(event);
      switch (event.type) {
        case 'accepted': {
          const model: OrderModel = {
            side: event.side,
            priceTicks: event.priceTicks,
            isMarket: event.orderType === 'market',
            submittedLots: event.sizeLots,
            filledLots: 0,
            cancelledLots: 0,
            sawCancel: false,
            done: false,
          };
          orders.set(event.orderId, model);
          totals.submitted += event.sizeLots;
          break;
        }
        case 'modified': {
          const model = orders.get(event.orderId) as OrderModel;
          const openLots = model.submittedLots - model.filledLots - model.cancelledLots;
          const delta = event.sizeLots - openLots;
          if (delta > 0) model.submittedLots += delta;
          else model.cancelledLots -= delta;
          if (delta > 0) totals.submitted += delta;
          else totals.cancelled -= delta;
          expect(event.keptPriority).toBe(event.priceTicks === model.priceTicks && delta <= 0);
          model.priceTicks = event.priceTicks;
          break;
        }
        case 'trade': {
          const maker = orders.get(event.makerOrderId) as OrderModel;
          const taker = orders.get(event.takerOrderId) as OrderModel;
          expect(event.priceTicks).toBe(maker.priceTicks);
          expect(event.aggressor).toBe(taker.side);
          expect(maker.side).not.toBe(taker.side);
          if (!taker.isMarket) {
            if (taker.side === 'buy') expect(event.priceTicks).toBeLessThanOrEqual(taker.priceTicks);
            else expect(event.priceTicks).toBeGreaterThanOrEqual(taker.priceTicks);
          }
          expect(event.sizeLots).toBeGreaterThan(0);
          maker.filledLots += event.sizeLots;
          taker.filledLots += event.sizeLots;
          totals.filled += 2 * event.sizeLots;
          break;
        }
        case 'cancelled': {
          const model = orders.get(event.orderId) as OrderModel;
          model.cancelledLots += event.cancelledLots;
          model.sawCancel = true;
          totals.cancelled += event.cancelledLots;
          break;
        }
        case 'done': {
          const model = orders.get(event.orderId) as OrderModel;
          model.done = true;
          expect(event.filledLots).toBe(model.filledLots);
          expect(model.submittedLots).toBe(model.filledLots + model.cancelledLots);
          expect(event.reason).toBe(model.sawCancel ? 'cancelled' : 'filled');
          break;
        }
        case 'level':
          if (event.sizeLots === 0) feed.delete(`${event.side} ${event.priceTicks}`);
          else feed.set(`${event.side} ${event.priceTicks}`, event.sizeLots);
          break;
        case 'rejected':
          expect(events).toHaveLength(1);
          break;
      }
    }
    // Size is conserved per order and in total: submitted = resting + filled + cancelled.
    let restingLots = 0;
    for (const [orderId, model] of orders) {
      const resting = engine.book.order(orderId);
      const openLots = model.submittedLots - model.filledLots - model.cancelledLots;
      if (model.done) {
        expect(openLots).toBe(0);
      } else {
        expect(resting?.sizeLots).toBe(openLots);
        expect(resting?.filledLots).toBe(model.filledLots);
        restingLots += openLots;
      }
    }
    expect(engine.book.orderCount).toBe([...orders.values()].filter((model) => !model.done).length);
    // totals.filled counts both sides of every trade, as each side's order is filled by it.
    expect(totals.submitted).toBe(restingLots + totals.filled + totals.cancelled);
    // Level events alone rebuild the L2 book.
    const depth = engine.book.depth();
    const levels = [
      ...depth.bids.map((level) => [`buy ${level.priceTicks}`, level.sizeLots] as const),
      ...depth.asks.map((level) => [`sell ${level.priceTicks}`, level.sizeLots] as const),
    ];
    expect(new Map(levels)).toEqual(feed);
    if (snapshotAt(index)) {
      const snapshot = engine.snapshot();
      expect(snapshot.depth()).toEqual(engine.book.depth());
      snapshots.push([snapshot, JSON.stringify(snapshot)]);
    }
  });
  for (const [snapshot, serialised] of snapshots) expect(JSON.stringify(snapshot)).toBe(serialised);
  return all;
}

describe('MatchingEngine properties over random command streams', () => {
  it('keeps the book uncrossed and consistent, conserves size, trades at the maker price within the taker limit, numbers events by one and publishes every level change', () => {
    fc.assert(
      fc.property(opsArb, (ops) => {
        runAndCheck(toCommands(ops), (index) => ops[index].snapshot);
      }),
      { numRuns: 150 },
    );
  });

  it('never changes a snapshot, whatever follows it', () => {
    fc.assert(
      fc.property(opsArb, fc.nat({ max: 149 }), (ops, at) => {
        runAndCheck(toCommands(ops), (index) => index === at % ops.length);
      }),
      { numRuns: 50 },
    );
  });

  it('gives identical events when the same stream is replayed', () => {
    fc.assert(
      fc.property(opsArb, (ops) => {
        const commands = toCommands(ops);
        const first = new MatchingEngine({ instrument: BTC_USD });
        const second = new MatchingEngine({ instrument: BTC_USD });
        const a = commands.flatMap((command) => first.process(command));
        const b = commands.flatMap((command) => second.process(command));
        expect(b).toEqual(a);
        expect(JSON.stringify(second.snapshot())).toBe(JSON.stringify(first.snapshot()));
      }),
      { numRuns: 100 },
    );
  });
});
