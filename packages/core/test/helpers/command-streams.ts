// Random command streams for property tests of the MatchingEngine: a narrow price band (95..105)
// and a few owners, so orders cross, queue, meet their own owner, get modified and cancelled often.
// Ids are issued in order; cancels and modifies pick any id issued so far (live or not), and a few
// new orders reuse one.
import type { OrderCommand, SelfTradePrevention, Side, TimeInForce } from '@marksim/core';
import fc from 'fast-check';

/** One abstract step of a stream; `snapshot` asks the test to take a snapshot after it. */
export type Op =
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
/** Streams of 1 to 150 ops, 60 % new orders, 20 % cancels, 20 % modifies. */
export const opsArb: fc.Arbitrary<Op[]> = fc.array(
  fc.oneof({ weight: 6, arbitrary: newOp }, { weight: 2, arbitrary: cancelOp }, { weight: 2, arbitrary: modifyOp }),
  { minLength: 1, maxLength: 150 },
);

/** Turns abstract ops into concrete commands, independently of the engine's state. */
export function toCommands(ops: readonly Op[]): OrderCommand[] {
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
