import fc from 'fast-check';
import { BoundedStream } from '@marksim/stream';
import type { StreamDelivery } from '@marksim/stream';

interface Channels {
  events: { n: number };
  ticker: { symbol: string; n: number };
  archive: { n: number };
}

type Op =
  | { kind: 'publish'; channel: keyof Channels; symbol: string }
  | { kind: 'take'; count: number }
  | { kind: 'shed' };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('publish' as const), channel: fc.constantFrom<keyof Channels>('events', 'ticker', 'archive'), symbol: fc.constantFrom('A', 'B', 'C', 'D') }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('take' as const), count: fc.integer({ min: 1, max: 8 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('shed' as const) }) },
);

describe('BoundedStream properties', () => {
  it('drop-oldest gaps account for every lost item, wait loses none, conflate ends on the latest per key, lossy queues stay bounded', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }), fc.array(opArbitrary, { maxLength: 300 }), (capacity, tickerCapacity, ops) => {
        const stream = new BoundedStream<Channels>();
        const sub = stream.subscribe({
          capacity,
          channels: { events: 'drop-oldest', ticker: { policy: 'conflate', capacity: tickerCapacity }, archive: 'wait' },
        });
        const published: Record<keyof Channels, { n: number; symbol?: string }[]> = { events: [], ticker: [], archive: [] };
        const delivered: StreamDelivery<Channels>[] = [];
        let n = 0;
        const take = (count: number) => {
          for (let index = 0; index < count; index++) {
            const delivery = sub.tryTake();
            if (delivery === undefined) return;
            delivered.push(delivery);
          }
        };
        for (const op of ops) {
          if (op.kind === 'publish') {
            const item = op.channel === 'ticker' ? { symbol: op.symbol, n: ++n } : { n: ++n };
            published[op.channel].push(item);
            void stream.publish(op.channel, item as never);
          } else if (op.kind === 'take') take(op.count);
          else stream.shed();
          expect(sub.channelCounters('events')!.queued).toBeLessThanOrEqual(capacity);
          expect(sub.channelCounters('ticker')!.queued).toBeLessThanOrEqual(tickerCapacity);
        }
        take(Infinity);

        // Across channels, items come in publish order (n is the publish order); conflated tickers
        // are excepted, as they keep the place of the item they replaced.
        const ns = delivered.flatMap((delivery) =>
          delivery.type === 'item' && delivery.channel !== 'ticker' ? [(delivery.item as { n: number }).n] : []);
        expect(ns).toEqual([...ns].sort((a, b) => a - b));
        const byChannel = (channel: keyof Channels) => delivered.filter((delivery) => delivery.channel === channel);

        // drop-oldest: walking the published list, a gap skips exactly `missed` items.
        let position = 0;
        for (const delivery of byChannel('events')) {
          if (delivery.type === 'gap') position += delivery.missed;
          else expect(delivery.item).toBe(published.events[position++]);
        }
        expect(position).toBe(published.events.length);

        // wait: everything, in order.
        expect(byChannel('archive').map((delivery) => (delivery as { item: unknown }).item)).toEqual(published.archive);

        // conflate: per key, rising n; the final state holds no stale value unless shed/evicted later.
        const tickers = byChannel('ticker').map((delivery) => (delivery as { item: { symbol: string; n: number } }).item);
        for (const symbol of ['A', 'B', 'C', 'D']) {
          const seen = tickers.filter((tick) => tick.symbol === symbol).map((tick) => tick.n);
          expect(seen).toEqual([...seen].sort((a, b) => a - b));
        }

        const counters = sub.counters;
        const totalPublished = published.events.length + published.ticker.length + published.archive.length;
        expect(counters.published).toBe(totalPublished);
        expect(counters.delivered + counters.dropped + counters.conflated).toBe(totalPublished);
        expect(counters.queued).toBe(0);
        expect(stream.blocked).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('delivers the latest value of every key when the consumer catches up without loss', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('A', 'B', 'C'), { maxLength: 100 }), (symbols) => {
        const stream = new BoundedStream<Channels>();
        const sub = stream.subscribe({ channels: { ticker: { policy: 'conflate', capacity: 3 } } });
        symbols.forEach((symbol, n) => stream.publish('ticker', { symbol, n }));
        const latest = new Map<string, number>();
        symbols.forEach((symbol, n) => latest.set(symbol, n));
        const got = new Map<string, number>();
        for (let delivery = sub.tryTake(); delivery; delivery = sub.tryTake()) {
          if (delivery.type === 'item') got.set((delivery.item as { symbol: string }).symbol, (delivery.item as { n: number }).n);
        }
        expect(got).toEqual(latest);
      }),
    );
  });
});
