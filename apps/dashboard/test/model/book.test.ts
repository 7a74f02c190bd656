import { produce } from 'immer';
import { applyDelta, applySnapshot, emptyBook, localChecksum, type BookState } from '../../src/model/book.js';
import { delta, ladder, snapshot } from '../helpers/messages.js';

const START = ladder(`
  101.0  3
  100.5  1
  --
  100.0  2
   99.5  4
`);

function live(): BookState {
  return produce(emptyBook(), (book) => applySnapshot(book, snapshot(10, START)));
}

function sides(book: BookState): { bids: number[][]; asks: number[][] } {
  return { bids: book.bids.map((l) => [l.price, l.size]), asks: book.asks.map((l) => [l.price, l.size]) };
}

describe('local book', () => {
  it('takes a snapshot and verifies its checksum', () => {
    const book = live();
    expect(book.sync).toBe('live');
    expect(book.seq).toBe(10);
    expect(sides(book)).toEqual({ bids: [[100, 2], [99.5, 4]], asks: [[100.5, 1], [101, 3]] });
    expect(book.checksumOk).toBe(true);
  });

  it('applies a delta that inserts, changes and removes levels', () => {
    const after = ladder(`
      101.0  3
      100.5  1.5
      --
      100.25 1
      100.0  2
    `);
    const book = produce(live(), (draft) =>
      applyDelta(draft, delta(10, 14, { bids: [[100.25, 1], [99.5, 0]], asks: [[100.5, 1.5]] }, after), 7),
    );
    expect(sides(book)).toEqual({ bids: [[100.25, 1], [100, 2]], asks: [[100.5, 1.5], [101, 3]] });
    expect(book.seq).toBe(14);
    expect(book.checksumOk).toBe(true);
    expect(book.bids[0]).toMatchObject({ change: 'new', changedBatch: 7 });
    expect(book.asks[0]).toMatchObject({ change: 'up', changedBatch: 7 });
    expect(book.bids[1]).toMatchObject({ change: 'none', changedBatch: 0 });
  });

  it('detects a sequence gap and asks for one resync only', () => {
    const book = produce(live(), (draft) => {
      applyDelta(draft, delta(11, 12, { bids: [[100, 5]] }, START), 1);
      applyDelta(draft, delta(12, 13, { bids: [[100, 6]] }, START), 1);
    });
    expect(book.sync).toBe('resyncing');
    expect(book.gaps).toBe(1);
    expect(book.resyncRequests).toBe(1);
    expect(book.lastProblem).toBe('sequence gap: expected prev_seq 10, got 11 (seq 12)');
    expect(sides(book)).toEqual(sides(live()));
  });

  it('resynchronises from a fresh snapshot after a gap', () => {
    const fresh = ladder(`
      102  1
      --
      101  1
    `);
    const book = produce(live(), (draft) => {
      applyDelta(draft, delta(11, 12, {}, START), 1);
      applySnapshot(draft, snapshot(20, fresh));
      applyDelta(draft, delta(20, 21, { bids: [[101, 2]] }, { bids: [[101, 2]], asks: [[102, 1]] }), 2);
    });
    expect(book.sync).toBe('live');
    expect(book.snapshots).toBe(2);
    expect(sides(book)).toEqual({ bids: [[101, 2]], asks: [[102, 1]] });
    expect(book.checksumOk).toBe(true);
  });

  it('flags a checksum mismatch and asks for a resync', () => {
    const wrong = ladder(`
      101.0  3
      100.5  1
      --
      100.0  9
      99.5   4
    `);
    const book = produce(live(), (draft) => applyDelta(draft, delta(10, 11, { bids: [[100, 2.5]] }, wrong), 1));
    expect(book.checksumOk).toBe(false);
    expect(book.checksumFailures).toBe(1);
    expect(book.sync).toBe('resyncing');
    expect(book.resyncRequests).toBe(1);
    expect(book.lastProblem).toMatch(/^checksum mismatch after delta seq 11/);
  });

  it('trims levels pushed below the subscribed depth, as the server does', () => {
    const deep = { bids: [[100, 1], [99, 1]] as [number, number][], asks: [[101, 1], [102, 1]] as [number, number][] };
    const start = produce(emptyBook(), (draft) => applySnapshot(draft, snapshot(1, deep, 2)));
    const after = { bids: [[100.5, 1], [100, 1]] as [number, number][], asks: deep.asks };
    const book = produce(start, (draft) => applyDelta(draft, delta(1, 2, { bids: [[100.5, 1]] }, after), 1));
    expect(sides(book).bids).toEqual([[100.5, 1], [100, 1]]);
    expect(book.checksumOk).toBe(true);
  });

  it('ignores deltas until the first snapshot', () => {
    const book = produce(emptyBook(), (draft) => applyDelta(draft, delta(0, 1, { bids: [[1, 1]] }, START), 1));
    expect(book.sync).toBe('waiting');
    expect(book.bids).toEqual([]);
    expect(book.gaps).toBe(0);
  });

  it('is frozen after every update (immer auto-freeze)', () => {
    const book = live();
    expect(Object.isFrozen(book)).toBe(true);
    expect(Object.isFrozen(book.bids)).toBe(true);
    expect(Object.isFrozen(book.bids[0])).toBe(true);
    expect(localChecksum(book)).toBe(snapshot(10, START).checksum);
  });
});
