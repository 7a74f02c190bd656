import { BTC_USD, MatchingEngine } from '@marksim/core';
import type { Side as MarksimSide } from '@marksim/core';
import fc from 'fast-check';
import { OrderBook, Side } from 'nodejs-order-book';
import type { IProcessOrder } from 'nodejs-order-book';
import { assertBookInvariants } from '../helpers/assert-book-invariants.js';

// Differential test: the same random limit / market / cancel flow through @marksim/core and through
// nodejs-order-book (a published price-time-priority book) must give the same trades, command by
// command, and the same resting book. Self-trade prevention is off and every order has its own
// owner, because nodejs-order-book matches owners only when asked to.

type Op =
  | { kind: 'limit'; side: MarksimSide; priceTicks: number; sizeLots: number }
  | { kind: 'market'; side: MarksimSide; sizeLots: number }
  | { kind: 'cancel'; pick: number };

const sideArb = fc.constantFrom<MarksimSide>('buy', 'sell');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('limit' as const), side: sideArb, priceTicks: fc.integer({ min: 90, max: 110 }), sizeLots: fc.integer({ min: 1, max: 20 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('market' as const), side: sideArb, sizeLots: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
);

/** A trade as both books can describe it: which maker, at what price, how much. */
type Fill = [makerOrderId: string, priceTicks: number, sizeLots: number];

const nobSide = (side: MarksimSide): Side => (side === 'buy' ? Side.BUY : Side.SELL);

/** Reads nodejs-order-book's response: fully filled makers in `done`, a partly filled one in `partial`. */
function nobFills(response: IProcessOrder, takerOrderId: string | null): Fill[] {
  expect(response.err).toBeNull();
  const fills: Fill[] = [];
  for (const order of response.done) {
    if (order.id === takerOrderId) continue;
    fills.push([order.id, (order as { price: number }).price, order.size]);
  }
  const partial = response.partial;
  if (partial !== null && partial.id !== takerOrderId && response.partialQuantityProcessed > 0) {
    fills.push([partial.id, partial.price, response.partialQuantityProcessed]);
  }
  return fills;
}

/** Resting orders as "side price id size", by price then queue position. */
function marksimBook(engine: MatchingEngine): string[] {
  const rows: string[] = [];
  for (const side of ['buy', 'sell'] as const) {
    const orders = engine.book.orders(side).sort((a, b) => a.priceTicks - b.priceTicks);
    for (const order of orders) rows.push(`${side} ${order.priceTicks} ${order.orderId} ${order.sizeLots}`);
  }
  return rows;
}

function nobBook(book: OrderBook): string[] {
  const snapshot = book.snapshot();
  const rows: string[] = [];
  for (const [side, levels] of [['buy', snapshot.bids], ['sell', snapshot.asks]] as const) {
    const sorted = [...levels].sort((a, b) => a.price - b.price);
    for (const level of sorted) for (const order of level.orders) rows.push(`${side} ${level.price} ${order.id} ${order.size}`);
  }
  return rows;
}

/** Replays `ops` through both books; the invariant check runs every `checkEvery` commands. */
function runBoth(ops: readonly Op[], checkEvery = 1): void {
  const engine = new MatchingEngine({ instrument: BTC_USD });
  const reference = new OrderBook();
  const issued: string[] = [];
  ops.forEach((op, index) => {
    const timeUs = index;
    let ours: Fill[];
    let theirs: Fill[];
    if (op.kind === 'cancel') {
      if (issued.length === 0) return;
      const orderId = issued[op.pick % issued.length];
      const events = engine.process({ type: 'cancel', orderId, timeUs });
      const cancelled = reference.cancel(orderId);
      expect(events[0].type === 'cancelled').toBe(cancelled !== undefined);
      ours = [];
      theirs = [];
    } else {
      const orderId = `o${index}`;
      const isMarket = op.kind === 'market';
      if (!isMarket) issued.push(orderId);
      const events = engine.process({
        type: 'new',
        orderId,
        ownerId: orderId,
        side: op.side,
        orderType: op.kind,
        priceTicks: isMarket ? 0 : op.priceTicks,
        sizeLots: op.sizeLots,
        timeInForce: 'gtc',
        postOnly: false,
        selfTradePrevention: 'none',
        timeUs,
      });
      ours = events.flatMap((event): Fill[] => (event.type === 'trade' ? [[event.makerOrderId, event.priceTicks, event.sizeLots]] : []));
      const response = isMarket
        ? reference.market({ side: nobSide(op.side), size: op.sizeLots })
        : reference.limit({ id: orderId, side: nobSide(op.side), price: op.priceTicks, size: op.sizeLots });
      theirs = nobFills(response, isMarket ? null : orderId);
    }
    // Compare as text first: a jest matcher per command would dominate the run time.
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) expect({ index, fills: ours }).toEqual({ index, fills: theirs });
    if (index % checkEvery === 0) assertBookInvariants(engine);
  });
  expect(marksimBook(engine)).toEqual(nobBook(reference));
}

describe('Differential test against nodejs-order-book', () => {
  it('gives the same trades and the same resting book on random limit/market/cancel flows', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 300 }), (ops) => runBoth(ops)),
      { numRuns: 60 },
    );
  });

  it('agrees over one long flow', () => {
    const [ops] = fc.sample(fc.array(opArb, { minLength: 3_000, maxLength: 3_000 }), { seed: 20_240_601, numRuns: 1 });
    runBoth(ops, 100);
  });
});
