import { BTC_USD, MarksimError, MatchingEngine } from '@marksim/core';
import type { BookEvent, BookEventSink } from '@marksim/core';
import fc from 'fast-check';
import { limit } from '../helpers/book-harness.js';
import { opsArb, toCommands } from '../helpers/command-streams.js';

/** A sink that rebuilds each call into the documented event object, to compare with `process`. */
class RebuildingSink implements BookEventSink {
  readonly events: BookEvent[] = [];

  accepted(...[seq, symbol, timeUs, orderId, ownerId, side, orderType, timeInForce, priceTicks, sizeLots]: Parameters<BookEventSink['accepted']>): void {
    this.events.push({ type: 'accepted', seq, symbol, timeUs, orderId, ownerId, side, orderType, timeInForce, priceTicks, sizeLots });
  }

  rejected(...[seq, symbol, timeUs, orderId, ownerId, command, code, message]: Parameters<BookEventSink['rejected']>): void {
    this.events.push({ type: 'rejected', seq, symbol, timeUs, orderId, ownerId, command, code, message });
  }

  trade(
    ...[seq, symbol, timeUs, tradeId, priceTicks, sizeLots, aggressor, makerOrderId, makerOwnerId, takerOrderId, takerOwnerId]: Parameters<
      BookEventSink['trade']
    >
  ): void {
    this.events.push({
      type: 'trade',
      seq,
      symbol,
      timeUs,
      tradeId,
      priceTicks,
      sizeLots,
      aggressor,
      makerOrderId,
      makerOwnerId,
      takerOrderId,
      takerOwnerId,
    });
  }

  cancelled(...[seq, symbol, timeUs, orderId, ownerId, reason, cancelledLots]: Parameters<BookEventSink['cancelled']>): void {
    this.events.push({ type: 'cancelled', seq, symbol, timeUs, orderId, ownerId, reason, cancelledLots });
  }

  modified(...[seq, symbol, timeUs, orderId, ownerId, priceTicks, sizeLots, keptPriority]: Parameters<BookEventSink['modified']>): void {
    this.events.push({ type: 'modified', seq, symbol, timeUs, orderId, ownerId, priceTicks, sizeLots, keptPriority });
  }

  done(...[seq, symbol, timeUs, orderId, ownerId, reason, filledLots]: Parameters<BookEventSink['done']>): void {
    this.events.push({ type: 'done', seq, symbol, timeUs, orderId, ownerId, reason, filledLots });
  }

  level(...[seq, symbol, timeUs, side, priceTicks, sizeLots, orderCount]: Parameters<BookEventSink['level']>): void {
    this.events.push({ type: 'level', seq, symbol, timeUs, side, priceTicks, sizeLots, orderCount });
  }
}

describe('MatchingEngine.processTo (events through a BookEventSink)', () => {
  it('sends every event of a random command stream with the same fields, in the same order, as process builds', () => {
    fc.assert(
      fc.property(opsArb, (ops) => {
        const commands = toCommands(ops);
        const withObjects = new MatchingEngine({ instrument: BTC_USD });
        const withSink = new MatchingEngine({ instrument: BTC_USD });
        const sink = new RebuildingSink();
        const expected: BookEvent[] = [];
        for (const command of commands) {
          withObjects.process(command, expected);
          withSink.processTo(command, sink);
        }
        expect(sink.events).toEqual(expected);
        expect(JSON.stringify(withSink.snapshot())).toBe(JSON.stringify(withObjects.snapshot()));
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a call from a sink in the middle of a command, and stays usable afterwards', () => {
    const engine = new MatchingEngine({ instrument: BTC_USD });
    const sink = new RebuildingSink();
    let reentry: unknown = null;
    sink.accepted = () => {
      try {
        engine.process(limit('inner', 'sell', 5_000_000, 1, { ownerId: 'bob' }));
      } catch (error) {
        reentry = error;
      }
    };
    engine.processTo(limit('outer', 'buy', 4_999_999, 2, { ownerId: 'alice' }), sink);
    expect(reentry).toBeInstanceOf(MarksimError);
    expect((reentry as MarksimError).code).toBe('REENTRANT_PROCESS');
    expect((reentry as MarksimError).message).toContain('BookEventSink');
    // The inner order never reached the book; the outer one rests and the engine goes on.
    expect(engine.book.order('inner')).toBeUndefined();
    expect(engine.book.order('outer')?.sizeLots).toBe(2);
    const events = engine.process(limit('next', 'sell', 4_999_999, 2, { ownerId: 'bob', timeUs: 2_000 }));
    expect(events.filter((event) => event.type === 'trade')).toHaveLength(1);
  });

  it('stays usable after a sink throws (the throw reaches the caller)', () => {
    const engine = new MatchingEngine({ instrument: BTC_USD });
    const sink = new RebuildingSink();
    sink.level = () => {
      throw new Error('sink failed');
    };
    expect(() => engine.processTo(limit('a', 'buy', 4_999_999, 2, { ownerId: 'alice' }), sink)).toThrow('sink failed');
    const events = engine.process(limit('b', 'buy', 4_999_998, 1, { ownerId: 'bob', timeUs: 2_000 }));
    expect(events.map((event) => event.type)).toEqual(['accepted', 'level']);
    expect(events[0].seq).toBe(engine.lastSeq - 1);
  });

  it('keeps neither the command nor the sink: a command object can be reused for the next command', () => {
    const engine = new MatchingEngine({ instrument: BTC_USD });
    const sink = new RebuildingSink();
    // A caller replaying a flow may fill one mutable command object per order.
    const command = { ...limit('r1', 'buy', 4_999_000, 3, { ownerId: 'alice' }) };
    engine.processTo(command, sink);
    command.orderId = 'r2';
    command.priceTicks = 4_999_001;
    engine.processTo(command, sink);
    expect(engine.book.order('r1')?.priceTicks).toBe(4_999_000);
    expect(engine.book.order('r2')?.priceTicks).toBe(4_999_001);
    expect(sink.events.filter((event) => event.type === 'accepted').map((event) => event.type === 'accepted' && event.orderId)).toEqual(['r1', 'r2']);
  });
});
