import { BoundedStream, DEFAULT_SUBSCRIBER_CAPACITY } from '@marksim/stream';
import type { StreamDelivery, Subscription } from '@marksim/stream';

interface Tick {
  symbol: string;
  price: number;
}

interface Channels {
  ticker: Tick;
  trades: { symbol: string; tradeId: number };
  events: { seq: number };
}

function drain<M extends Channels>(subscription: Subscription<M>): StreamDelivery<M>[] {
  const out: StreamDelivery<M>[] = [];
  for (let delivery = subscription.tryTake(); delivery !== undefined; delivery = subscription.tryTake()) out.push(delivery);
  return out;
}

function summary(deliveries: StreamDelivery<Channels>[]): string[] {
  return deliveries.map((delivery) => {
    if (delivery.type === 'gap') return `gap ${delivery.channel} ${delivery.missed}`;
    return `${delivery.channel} ${JSON.stringify(delivery.item)}`;
  });
}

describe('BoundedStream', () => {
  describe('conflate', () => {
    it('keeps only the latest item per symbol, in the place of the first', () => {
      const stream = new BoundedStream<Channels>();
      const sub = stream.subscribe({ channels: { ticker: 'conflate' } });
      stream.publish('ticker', { symbol: 'BTC/USD', price: 1 });
      stream.publish('ticker', { symbol: 'ETH/USD', price: 10 });
      stream.publish('ticker', { symbol: 'BTC/USD', price: 2 });
      stream.publish('ticker', { symbol: 'BTC/USD', price: 3 });
      expect(summary(drain(sub))).toEqual([
        'ticker {"symbol":"BTC/USD","price":3}',
        'ticker {"symbol":"ETH/USD","price":10}',
      ]);
      expect(sub.counters).toEqual({ published: 4, delivered: 2, dropped: 0, conflated: 2, gaps: 0, queued: 0 });
    });

    it('queues a key again once its latest item was delivered', () => {
      const stream = new BoundedStream<Channels>();
      const sub = stream.subscribe({ channels: { ticker: 'conflate' } });
      stream.publish('ticker', { symbol: 'BTC/USD', price: 1 });
      expect(summary(drain(sub))).toEqual(['ticker {"symbol":"BTC/USD","price":1}']);
      stream.publish('ticker', { symbol: 'BTC/USD', price: 2 });
      stream.publish('ticker', { symbol: 'BTC/USD', price: 3 });
      expect(summary(drain(sub))).toEqual(['ticker {"symbol":"BTC/USD","price":3}']);
    });

    it('uses a custom key and drops the oldest key when more keys than capacity arrive', () => {
      const stream = new BoundedStream<Channels>();
      const sub = stream.subscribe({
        channels: { ticker: { policy: 'conflate', capacity: 2, keyOf: (tick) => tick.price % 3 } },
      });
      for (let price = 0; price < 4; price++) stream.publish('ticker', { symbol: 'X', price });
      // keys 0,1,2,0 with capacity 2: key 0 (price 0) is evicted by key 2, then price 3 is key 0 again.
      expect(summary(drain(sub))).toEqual(['ticker {"symbol":"X","price":2}', 'ticker {"symbol":"X","price":3}']);
      expect(sub.counters.dropped).toBe(2);
    });
  });

  describe('drop-oldest', () => {
    it('reports the exact number of dropped items in a gap marker, then resumes', () => {
      const stream = new BoundedStream<Channels>();
      const sub = stream.subscribe({ capacity: 3, channels: { events: 'drop-oldest' } });
      for (let seq = 1; seq <= 10; seq++) stream.publish('events', { seq });
      expect(summary(drain(sub))).toEqual([
        'gap events 7',
        'events {"seq":8}',
        'events {"seq":9}',
        'events {"seq":10}',
      ]);
      stream.publish('events', { seq: 11 });
      expect(summary(drain(sub))).toEqual(['events {"seq":11}']);
      expect(sub.counters).toEqual({ published: 11, delivered: 4, dropped: 7, conflated: 0, gaps: 1, queued: 0 });
    });

    it('keeps the capacity fixed however far behind the consumer is', () => {
      const stream = new BoundedStream<Channels>();
      const sub = stream.subscribe({ capacity: 64, channels: { events: 'drop-oldest' } });
      let waits = 0;
      for (let seq = 1; seq <= 100_000; seq++) if (stream.publish('events', { seq }) !== undefined) waits++;
      expect(waits).toBe(0);
      expect(sub.size).toBe(64);
      const deliveries = drain(sub);
      expect(deliveries[0]).toEqual({ type: 'gap', channel: 'events', missed: 100_000 - 64 });
      expect(deliveries).toHaveLength(65);
    });
  });

  describe('wait', () => {
    it('makes the producer wait until the consumer reads, and loses nothing', async () => {
      const stream = new BoundedStream<Channels>();
      const sub = stream.subscribe({ name: 'archiver', capacity: 4, channels: { events: 'wait' } });
      const received: number[] = [];
      let producerWaits = 0;
      const producer = (async () => {
        for (let seq = 1; seq <= 50; seq++) {
          const wait = stream.publish('events', { seq });
          if (wait) {
            producerWaits++;
            expect(sub.size).toBe(4);
            await wait;
          }
          expect(sub.size).toBeLessThanOrEqual(4);
        }
        stream.close();
      })();
      for await (const delivery of sub) {
        if (delivery.type === 'item') received.push((delivery.item as { seq: number }).seq);
      }
      await producer;
      expect(received).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
      expect(producerWaits).toBeGreaterThan(0);
      expect(stream.counters.waits).toBe(producerWaits);
      expect(sub.counters).toMatchObject({ published: 50, delivered: 50, dropped: 0 });
    });

    it('holds the producer while the consumer does not read', async () => {
      const stream = new BoundedStream<Channels>();
      const sub = stream.subscribe({ capacity: 2, channels: { events: 'wait' } });
      expect(stream.publish('events', { seq: 1 })).toBeUndefined();
      const wait = stream.publish('events', { seq: 2 });
      expect(wait).toBeInstanceOf(Promise);
      let released = false;
      void wait!.then(() => {
        released = true;
      });
      await Promise.resolve();
      await Promise.resolve();
      expect(released).toBe(false);
      expect(stream.blocked).toBe(true);
      sub.tryTake();
      await wait;
      expect(released).toBe(true);
      expect(stream.blocked).toBe(false);
    });

    it('releases the producer once the consumer has read the queue down to half', async () => {
      const stream = new BoundedStream<Channels>();
      const sub = stream.subscribe({ capacity: 4, channels: { events: 'wait' } });
      let wait: Promise<void> | undefined;
      for (let seq = 1; seq <= 4; seq++) wait = stream.publish('events', { seq });
      sub.tryTake();
      expect(stream.blocked).toBe(true);
      sub.tryTake();
      expect(stream.blocked).toBe(false);
      await wait;
      expect(sub.size).toBe(2);
    });

    it('releases the producer when the waiting subscriber leaves', async () => {
      const stream = new BoundedStream<Channels>();
      const sub = stream.subscribe({ capacity: 1, channels: { events: 'wait' } });
      const wait = stream.publish('events', { seq: 1 });
      sub.close();
      await expect(wait).resolves.toBeUndefined();
      expect(stream.publish('events', { seq: 2 })).toBeUndefined();
    });
  });

  it('never blocks the producer on a lossy consumer that does not read', async () => {
    const stream = new BoundedStream<Channels>({ defaultCapacity: 8 });
    const slow = stream.subscribe({ name: 'slow', channels: { ticker: 'conflate', events: 'drop-oldest' } });
    const fast = stream.subscribe({ name: 'fast', capacity: 100_000, channels: { events: 'drop-oldest' } });
    let waits = 0;
    for (let seq = 1; seq <= 10_000; seq++) {
      if (stream.publish('events', { seq }) !== undefined) waits++;
      if (stream.publish('ticker', { symbol: 'BTC/USD', price: seq }) !== undefined) waits++;
    }
    expect(waits).toBe(0);
    let count = 0;
    let outOfOrder = 0;
    for await (const delivery of fast) {
      if (delivery.type !== 'item' || (delivery.item as { seq: number }).seq !== ++count) outOfOrder++;
      if (count === 10_000) break;
    }
    expect(outOfOrder).toBe(0);
    expect(fast.closed).toBe(true);
    expect(slow.counters).toEqual({ published: 20_000, delivered: 0, dropped: 9_992, conflated: 9_999, gaps: 0, queued: 9 });
  });

  it('delivers in publish order across channels, with the gap where items were lost', () => {
    const stream = new BoundedStream<Channels>();
    const sub = stream.subscribe({ channels: { ticker: 'conflate', trades: { policy: 'drop-oldest', capacity: 2 } } });
    stream.publish('trades', { symbol: 'BTC/USD', tradeId: 1 });
    stream.publish('ticker', { symbol: 'BTC/USD', price: 1 });
    stream.publish('trades', { symbol: 'BTC/USD', tradeId: 2 });
    stream.publish('trades', { symbol: 'BTC/USD', tradeId: 3 });
    stream.publish('ticker', { symbol: 'BTC/USD', price: 2 });
    expect(summary(drain(sub))).toEqual([
      'gap trades 1',
      'ticker {"symbol":"BTC/USD","price":2}',
      'trades {"symbol":"BTC/USD","tradeId":2}',
      'trades {"symbol":"BTC/USD","tradeId":3}',
    ]);
  });

  it('gives every subscriber the same item object, with a rising seq', () => {
    const stream = new BoundedStream<Channels>();
    const first = stream.subscribe({ channels: { events: 'wait' } });
    const second = stream.subscribe({ channels: { events: 'drop-oldest' } });
    stream.publish('ticker', { symbol: 'nobody listens', price: 0 });
    stream.publish('events', { seq: 7 });
    const a = first.tryTake();
    expect(a).toBe(second.tryTake());
    expect(a).toEqual({ type: 'item', channel: 'events', item: { seq: 7 }, seq: 2 });
  });

  it('filters items per channel', () => {
    const stream = new BoundedStream<Channels>();
    const sub = stream.subscribe({
      channels: { ticker: { policy: 'conflate', filter: (tick) => tick.symbol === 'ETH/USD' } },
    });
    stream.publish('ticker', { symbol: 'BTC/USD', price: 1 });
    stream.publish('ticker', { symbol: 'ETH/USD', price: 2 });
    expect(summary(drain(sub))).toEqual(['ticker {"symbol":"ETH/USD","price":2}']);
    expect(sub.counters.published).toBe(1);
  });

  it('adds and removes channels while subscribed', () => {
    const stream = new BoundedStream<Channels>();
    const sub = stream.subscribe({ channels: { ticker: 'conflate' } });
    sub.addChannel('trades', 'drop-oldest');
    expect(stream.hasSubscribers('trades')).toBe(true);
    stream.publish('trades', { symbol: 'BTC/USD', tradeId: 1 });
    expect(sub.removeChannel('trades')).toBe(true);
    expect(stream.hasSubscribers('trades')).toBe(false);
    stream.publish('trades', { symbol: 'BTC/USD', tradeId: 2 });
    expect(sub.tryTake()).toBeUndefined();
    expect(sub.channels).toEqual(['ticker']);
    expect(sub.counters.published).toBe(1);
  });

  describe('closing', () => {
    it('ends a waiting iterator when the subscription closes', async () => {
      const stream = new BoundedStream<Channels>();
      const sub = stream.subscribe({ channels: { events: 'drop-oldest' } });
      const next = sub.next();
      sub.close();
      await expect(next).resolves.toEqual({ done: true, value: undefined });
      expect(stream.counters.subscribers).toBe(0);
      stream.publish('events', { seq: 1 });
      expect(sub.tryTake()).toBeUndefined();
    });

    it('delivers the backlog then ends every iterator when the stream closes', async () => {
      const stream = new BoundedStream<Channels>();
      const sub = stream.subscribe({ capacity: 2, channels: { events: 'drop-oldest' } });
      for (let seq = 1; seq <= 3; seq++) stream.publish('events', { seq });
      stream.close();
      const seen: StreamDelivery<Channels>[] = [];
      for await (const delivery of sub) seen.push(delivery);
      expect(summary(seen)).toEqual(['gap events 1', 'events {"seq":2}', 'events {"seq":3}']);
      expect(sub.closed).toBe(true);
      expect(() => stream.publish('events', { seq: 4 })).toThrow(expect.objectContaining({ code: 'STREAM_CLOSED' }));
      expect(() => stream.subscribe({ channels: { events: 'wait' } })).toThrow(expect.objectContaining({ code: 'STREAM_CLOSED' }));
    });

    it('wakes a parked consumer with a newly published item', async () => {
      const stream = new BoundedStream<Channels>();
      const sub = stream.subscribe({ channels: { events: 'drop-oldest' } });
      const next = sub.next();
      stream.publish('events', { seq: 1 });
      await expect(next).resolves.toEqual({ done: false, value: { type: 'item', channel: 'events', item: { seq: 1 }, seq: 1 } });
    });
  });

  it('shed() drops lossy backlogs, reports the gap and keeps wait queues', () => {
    const stream = new BoundedStream<Channels>();
    const lossy = stream.subscribe({ channels: { events: 'drop-oldest', ticker: 'conflate' } });
    const lossless = stream.subscribe({ channels: { events: 'wait' } });
    for (let seq = 1; seq <= 5; seq++) void stream.publish('events', { seq });
    stream.publish('ticker', { symbol: 'BTC/USD', price: 1 });
    expect(stream.shed()).toBe(6);
    expect(summary(drain(lossy))).toEqual(['gap events 5']);
    expect(drain(lossless)).toHaveLength(5);
    expect(stream.counters).toMatchObject({ published: 6, delivered: 5, dropped: 6, sheds: 1, shedItems: 6, subscribers: 2 });
  });

  it('rejects bad arguments with the field and the rule', () => {
    const stream = new BoundedStream<Channels>();
    expect(() => new BoundedStream({ defaultCapacity: 0 })).toThrow('defaultCapacity must be an integer ≥ 1 (got 0)');
    expect(() => stream.subscribe({ capacity: 1.5, channels: { events: 'wait' } })).toThrow('capacity must be an integer ≥ 1 (got 1.5)');
    expect(() => stream.subscribe({ channels: {} })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => stream.subscribe({ channels: { events: 'lossy' as 'wait' } })).toThrow(
      "channels.events.policy must be one of conflate, drop-oldest, wait (got lossy)",
    );
    expect(() => stream.subscribe({ channels: { events: { policy: 'wait', capacity: -1 } } })).toThrow('channels.events.capacity');
    expect(DEFAULT_SUBSCRIBER_CAPACITY).toBe(100);
  });
});
