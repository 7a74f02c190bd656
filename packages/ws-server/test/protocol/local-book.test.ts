import { LocalBook, bookChecksum } from '@marksim/ws-server/protocol';
import type { BookDeltaMessage, BookSnapshotMessage, WireLevel } from '@marksim/ws-server/protocol';

function snapshot(seq: number, bids: WireLevel[], asks: WireLevel[], depth = 10): BookSnapshotMessage {
  return {
    type: 'book_snapshot',
    symbol: 'BTC/USD',
    seq,
    depth,
    bids,
    asks,
    checksum: bookChecksum(bids, asks, 2, 4),
    timestamp: seq,
    price_decimals: 2,
    size_decimals: 4,
  };
}

function delta(prevSeq: number, seq: number, bids: WireLevel[], asks: WireLevel[], after: { bids: WireLevel[]; asks: WireLevel[] }): BookDeltaMessage {
  return {
    type: 'book_delta',
    symbol: 'BTC/USD',
    seq,
    prev_seq: prevSeq,
    bids,
    asks,
    checksum: bookChecksum(after.bids, after.asks, 2, 4),
    timestamp: seq,
  };
}

// Ladder:      bids        |  asks
//          100.00 × 1      |  101.00 × 2
//           99.50 × 3      |  102.00 × 1
const BIDS: WireLevel[] = [
  [100, 1],
  [99.5, 3],
];
const ASKS: WireLevel[] = [
  [101, 2],
  [102, 1],
];

describe('LocalBook', () => {
  it('takes a snapshot and verifies its checksum', () => {
    const book = new LocalBook('BTC/USD');
    expect(book.apply(snapshot(5, BIDS, ASKS))).toEqual({ ok: true });
    expect(book.isSynced).toBe(true);
    expect(book.seq).toBe(5);
    expect(book.bids).toEqual(BIDS);
    expect(book.asks).toEqual(ASKS);
  });

  it('inserts, replaces and removes levels in price order', () => {
    const book = new LocalBook('BTC/USD');
    book.apply(snapshot(5, BIDS, ASKS));
    const after = {
      bids: [
        [100.5, 4],
        [100, 2],
      ] as WireLevel[],
      asks: [
        [101, 2],
        [101.5, 1],
        [102, 1],
      ] as WireLevel[],
    };
    const result = book.apply(delta(5, 8, [[100.5, 4], [100, 2], [99.5, 0]], [[101.5, 1]], after));
    expect(result).toEqual({ ok: true });
    expect(book.bids).toEqual(after.bids);
    expect(book.asks).toEqual(after.asks);
    expect(book.seq).toBe(8);
  });

  it('replaces level arrays instead of mutating them', () => {
    const book = new LocalBook('BTC/USD');
    book.apply(snapshot(1, BIDS, ASKS));
    const before = book.bids;
    const copy = JSON.stringify(before);
    book.apply(delta(1, 2, [[100, 0]], [], { bids: [[99.5, 3]], asks: ASKS }));
    expect(JSON.stringify(before)).toBe(copy);
    expect(book.bids).not.toBe(before);
    expect(book.asks).toBe(book.asks);
  });

  it('reports a gap when prev_seq skips a message and ignores deltas until a snapshot', () => {
    const book = new LocalBook('BTC/USD');
    book.apply(snapshot(5, BIDS, ASKS));
    const gap = book.apply(delta(6, 7, [[100, 0]], [], { bids: [[99.5, 3]], asks: ASKS }));
    expect(gap).toMatchObject({ ok: false, issue: 'gap' });
    expect(book.isSynced).toBe(false);
    expect(book.apply(delta(7, 8, [], [[101, 0]], { bids: [[99.5, 3]], asks: [[102, 1]] }))).toMatchObject({
      ok: false,
      issue: 'not_synced',
    });
    expect(book.apply(snapshot(8, [[99.5, 3]], [[102, 1]]))).toEqual({ ok: true });
    expect(book.isSynced).toBe(true);
  });

  it('reports a checksum mismatch when its copy differs from the server book', () => {
    const book = new LocalBook('BTC/USD');
    book.apply(snapshot(5, BIDS, ASKS));
    const result = book.apply(delta(5, 6, [[100, 5]], [], { bids: [[100, 6], [99.5, 3]], asks: ASKS }));
    expect(result).toMatchObject({ ok: false, issue: 'checksum_mismatch' });
    expect(book.isSynced).toBe(false);
  });

  it('refuses messages for another symbol', () => {
    const book = new LocalBook('ETH/USD');
    expect(book.apply(snapshot(1, BIDS, ASKS))).toMatchObject({ ok: false, issue: 'wrong_symbol' });
  });

  it('keeps at most depth levels per side', () => {
    const book = new LocalBook('BTC/USD');
    book.apply(snapshot(1, [[100, 1]], [[101, 1]], 1));
    const result = book.apply(delta(1, 2, [[100.5, 1]], [], { bids: [[100.5, 1]], asks: [[101, 1]] }));
    expect(result).toEqual({ ok: true });
    expect(book.bids).toEqual([[100.5, 1]]);
  });
});
