import { BookHarness, cancel, limit, market, modify } from '../helpers/book-harness.js';

const BOOK = `
  ask 103 | s4:1
  ask 102 | s3:5
  ask 101 | s1:3 s2:4
  bid 99  | b1:2 b2:6
  bid 97  | b3:1
`;

describe('OrderBook queries', () => {
  it('answers best bid and ask, spread and mid', () => {
    const { book } = new BookHarness().build(BOOK).engine;
    expect(book.bestBid).toEqual({ priceTicks: 99, sizeLots: 8, orderCount: 2 });
    expect(book.bestAsk).toEqual({ priceTicks: 101, sizeLots: 7, orderCount: 2 });
    expect(book.spreadTicks).toBe(2);
    expect(book.midTicks).toBe(100);
  });

  it('has no spread or mid while a side is empty', () => {
    const { book } = new BookHarness().build('bid 99 | b1:1').engine;
    expect(book.bestAsk).toBeUndefined();
    expect(book.spreadTicks).toBeUndefined();
    expect(book.midTicks).toBeUndefined();
  });

  it('gives a half-tick mid when the spread is odd', () => {
    const { book } = new BookHarness().build('ask 100 | s1:1\nbid 99 | b1:1').engine;
    expect(book.midTicks).toBe(99.5);
  });

  it('lists the top N levels of each side from the best outwards (L2)', () => {
    const { book } = new BookHarness().build(BOOK).engine;
    expect(book.depth(2)).toEqual({
      bids: [
        { priceTicks: 99, sizeLots: 8, orderCount: 2 },
        { priceTicks: 97, sizeLots: 1, orderCount: 1 },
      ],
      asks: [
        { priceTicks: 101, sizeLots: 7, orderCount: 2 },
        { priceTicks: 102, sizeLots: 5, orderCount: 1 },
      ],
    });
    expect(book.levels('sell').map((level) => level.priceTicks)).toEqual([101, 102, 103]);
    expect(book.levels('buy', 0)).toEqual([]);
    expect([book.bidLevelCount, book.askLevelCount, book.orderCount]).toEqual([2, 3, 7]);
  });

  it('lists resting orders in priority order (L3)', () => {
    const { book } = new BookHarness().build(BOOK).engine;
    expect(book.orders('sell', 2).map((order) => `${order.orderId}@${order.priceTicks}`)).toEqual([
      's1@101',
      's2@101',
      's3@102',
    ]);
    expect(book.orders('buy').map((order) => order.orderId)).toEqual(['b1', 'b2', 'b3']);
  });

  it('answers volume at a price and looks orders up by id', () => {
    const { book } = new BookHarness().build(BOOK).engine;
    expect(book.volumeAtPrice('sell', 101)).toBe(7);
    expect(book.volumeAtPrice('buy', 101)).toBe(0);
    expect(book.volumeAtPrice('buy', 97)).toBe(1);
    expect(book.order('s2')).toEqual({
      orderId: 's2',
      ownerId: 'owner-s2',
      side: 'sell',
      priceTicks: 101,
      sizeLots: 4,
      filledLots: 0,
      timeUs: 0,
    });
    expect(book.order('nope')).toBeUndefined();
  });

  it('hands out copies that cannot change the book', () => {
    const { book } = new BookHarness().build(BOOK).engine;
    const view = book.order('s1') as { sizeLots: number };
    view.sizeLots = 999;
    expect(book.order('s1')?.sizeLots).toBe(3);
  });

  it('tracks the last trade price and the trade count', () => {
    const h = new BookHarness().build(BOOK);
    expect(h.engine.book.lastTradePriceTicks).toBe(0);
    h.send(market('m1', 'buy', 8));
    expect(h.engine.book.lastTradePriceTicks).toBe(102);
    expect(h.engine.book.tradeCount).toBe(3);
  });
});

describe('BookSnapshot', () => {
  it('reflects the book at the sequence number it was taken', () => {
    const h = new BookHarness().build(BOOK);
    const snapshot = h.engine.snapshot();
    expect(snapshot.seq).toBe(h.engine.lastSeq);
    expect(snapshot.depth()).toEqual(h.engine.book.depth());
    expect([snapshot.bestBid, snapshot.bestAsk]).toEqual([h.engine.book.bestBid, h.engine.book.bestAsk]);
    expect([snapshot.spreadTicks, snapshot.midTicks, snapshot.bidLevelCount, snapshot.askLevelCount]).toEqual([2, 100, 2, 3]);
    expect(snapshot.volumeAtPrice('sell', 102)).toBe(5);
    // Between two levels, beyond the worst one, and on the wrong side of the spread: no level.
    expect([98, 96, 100, 102].map((priceTicks) => snapshot.volumeAtPrice('buy', priceTicks))).toEqual([0, 0, 0, 0]);
    expect([104, 100, 99, 97].map((priceTicks) => snapshot.volumeAtPrice('sell', priceTicks))).toEqual([0, 0, 0, 0]);
    expect([99, 97].map((priceTicks) => snapshot.volumeAtPrice('buy', priceTicks))).toEqual([8, 1]);
  });

  it('never changes after more commands', () => {
    const h = new BookHarness().build(BOOK);
    const snapshot = h.engine.snapshot();
    const before = JSON.stringify(snapshot);
    h.send(market('m1', 'buy', 9));
    h.send(limit('b4', 'buy', 100, 3));
    h.send(cancel('b3'));
    h.send(modify('b1', { sizeLots: 1 }));
    h.send(limit('s5', 'sell', 98, 20));
    expect(JSON.stringify(snapshot)).toBe(before);
    expect(snapshot.levels('buy')).toEqual([
      { priceTicks: 99, sizeLots: 8, orderCount: 2 },
      { priceTicks: 97, sizeLots: 1, orderCount: 1 },
    ]);
    expect(JSON.stringify(h.engine.snapshot())).not.toBe(before);
  });

  it('hands out level objects of their own: changing one changes neither the book nor a snapshot', () => {
    const h = new BookHarness().build(BOOK);
    const snapshot = h.engine.snapshot();
    const [snapBid] = snapshot.levels('buy') as { sizeLots: number }[];
    const liveBid = h.engine.book.bestBid as { sizeLots: number };
    snapBid!.sizeLots = 999;
    liveBid.sizeLots = 999;
    (snapshot.bestAsk as { sizeLots: number }).sizeLots = 999;
    expect([snapshot.levels('buy')[0]!.sizeLots, snapshot.depth().asks[0]!.sizeLots]).toEqual([8, 7]);
    expect([h.engine.book.bestBid!.sizeLots, h.engine.book.levels('buy')[0]!.sizeLots]).toEqual([8, 8]);
    h.send(cancel('s4'));
    expect(snapshot.levels('sell')).toHaveLength(3);
    expect(h.engine.book.levels('sell')).toHaveLength(2);
  });

  it('stays as taken when a side that did not change between two snapshots changes after both', () => {
    const h = new BookHarness().build(BOOK);
    const first = h.engine.snapshot();
    h.send(cancel('s4')); // asks only: both snapshots hold the same bid levels
    const second = h.engine.snapshot();
    const [firstJson, secondJson] = [JSON.stringify(first), JSON.stringify(second)];
    h.send(limit('b4', 'buy', 99, 5));
    h.send(limit('b5', 'buy', 98, 1));
    h.send(cancel('b3'));
    expect([JSON.stringify(first), JSON.stringify(second)]).toEqual([firstJson, secondJson]);
    expect(second.levels('buy')).toEqual([
      { priceTicks: 99, sizeLots: 8, orderCount: 2 },
      { priceTicks: 97, sizeLots: 1, orderCount: 1 },
    ]);
    expect(h.engine.snapshot().levels('buy')).toEqual([
      { priceTicks: 99, sizeLots: 13, orderCount: 3 },
      { priceTicks: 98, sizeLots: 1, orderCount: 1 },
    ]);
  });

  it('keeps old snapshots as taken across thousands of later snapshots and size changes', () => {
    const h = new BookHarness().build(BOOK);
    const first = h.engine.snapshot();
    const firstJson = JSON.stringify(first);
    const kept: [ReturnType<typeof h.engine.snapshot>, string][] = [[first, firstJson]];
    // Each round changes the size of a level the first snapshot has and takes a snapshot, so the
    // side's change log grows by one entry per round, across several of its 1 024-entry chunks.
    for (let i = 0; i < 3000; i++) {
      h.send(limit(`g${i}`, 'buy', 99, 1));
      h.send(cancel(`g${i}`));
      h.send(limit(`a${i}`, 'sell', 102, 1 + (i % 3)));
      const snapshot = h.engine.snapshot();
      if (i % 700 === 0) kept.push([snapshot, JSON.stringify(snapshot)]);
      h.send(cancel(`a${i}`));
    }
    // A level untouched until now: its entry lies chunks past the first snapshot's position.
    h.send(cancel('b3'));
    h.send(cancel('s4'));
    for (const [snapshot, json] of kept) expect(JSON.stringify(snapshot)).toBe(json);
    expect([first.volumeAtPrice('buy', 99), first.volumeAtPrice('buy', 97), first.volumeAtPrice('sell', 103)]).toEqual([8, 1, 1]);
    expect(kept[1]![0].volumeAtPrice('sell', 102)).toBe(first.volumeAtPrice('sell', 102) + 1);
  });

  it('is the same object until the next event', () => {
    const h = new BookHarness().build(BOOK);
    const first = h.engine.snapshot();
    expect(h.engine.snapshot()).toBe(first);
    h.send(cancel('nope'));
    const second = h.engine.snapshot();
    expect(second).not.toBe(first);
    expect(second.seq).toBe(first.seq + 1);
  });

  it('serialises to plain JSON with both sides', () => {
    const h = new BookHarness().build('ask 101 | s1:3\nbid 99 | b1:2');
    expect(h.engine.snapshot().toJSON()).toEqual({
      symbol: 'BTC/USD',
      seq: 4,
      timeUs: 0,
      lastTradePriceTicks: 0,
      tradeCount: 0,
      bids: [{ priceTicks: 99, sizeLots: 2, orderCount: 1 }],
      asks: [{ priceTicks: 101, sizeLots: 3, orderCount: 1 }],
    });
  });
});
