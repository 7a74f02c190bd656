import { BTC_USD, MatchingEngine } from '@marksim/core';
import type { BookEvent, BookSnapshot, OrderCommand, Side } from '@marksim/core';
import fc from 'fast-check';
import { assertBookInvariants } from '../helpers/assert-book-invariants.js';
import { opsArb, toCommands } from '../helpers/command-streams.js';

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
