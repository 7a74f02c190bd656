import { Ring } from '../../src/model/ring.js';

describe('Ring', () => {
  it('keeps items in order until it is full', () => {
    const ring = Ring.empty<number>(5, 2).append([1, 2, 3]);
    expect(ring.toArray()).toEqual([1, 2, 3]);
    expect(ring.size).toBe(3);
    expect(ring.last()).toBe(3);
    expect(ring.at(0)).toBe(1);
    expect(ring.at(-1)).toBe(3);
    expect(ring.at(3)).toBeUndefined();
  });

  it('evicts the oldest items beyond capacity', () => {
    let ring = Ring.empty<number>(5, 2);
    for (let i = 1; i <= 12; i += 1) ring = ring.push(i);
    expect(ring.toArray()).toEqual([8, 9, 10, 11, 12]);
    expect(ring.size).toBe(5);
  });

  it('accepts a batch larger than its capacity', () => {
    const ring = Ring.empty<number>(4, 3).append([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(ring.toArray()).toEqual([7, 8, 9, 10]);
  });

  it('never changes a version once made', () => {
    const first = Ring.empty<number>(3, 2).append([1, 2]);
    const second = first.push(3).push(4);
    const third = second.replaceLast(40);
    expect(first.toArray()).toEqual([1, 2]);
    expect(second.toArray()).toEqual([2, 3, 4]);
    expect(third.toArray()).toEqual([2, 3, 40]);
    expect(Object.isFrozen(third)).toBe(true);
  });

  it('replaces an item anywhere by index', () => {
    const ring = Ring.empty<string>(6, 2).append(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(ring.replaceAt(0, 'B').toArray()).toEqual(['B', 'c', 'd', 'e', 'f', 'g']);
    expect(ring.replaceAt(3, 'E').toArray()).toEqual(['b', 'c', 'd', 'E', 'f', 'g']);
    expect(() => ring.replaceAt(6, 'x')).toThrow('index must be an integer in [0, 6) (got 6)');
  });

  it('slices with negative bounds like Array.prototype.slice', () => {
    const ring = Ring.empty<number>(10, 3).append([1, 2, 3, 4, 5, 6, 7]);
    expect(ring.slice(-3)).toEqual([5, 6, 7]);
    expect(ring.slice(2, 4)).toEqual([3, 4]);
    expect(ring.slice(5, -1)).toEqual([6]);
  });

  it('finds the first item at or after a key by binary search', () => {
    const ring = Ring.empty<{ t: number }>(100, 4).append([10, 20, 30, 40, 50].map((t) => ({ t })));
    expect(ring.lowerBound((item) => item.t, 30)).toBe(2);
    expect(ring.lowerBound((item) => item.t, 31)).toBe(3);
    expect(ring.lowerBound((item) => item.t, 0)).toBe(0);
    expect(ring.lowerBound((item) => item.t, 99)).toBe(5);
  });

  it('holds at most capacity plus one chunk in memory however many items pass', () => {
    let ring = Ring.empty<number>(100, 16);
    for (let i = 0; i < 10_000; i += 1) ring = ring.push(i);
    const chunks = (ring as unknown as { chunks: number[][] }).chunks;
    const held = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    expect(held).toBeLessThanOrEqual(100 + 16);
    expect(ring.toArray()).toEqual(Array.from({ length: 100 }, (_, i) => 9_900 + i));
  });

  it('rejects a capacity below one', () => {
    expect(() => Ring.empty(0)).toThrow('capacity must be an integer >= 1 (got 0) at Ring.empty');
  });

  it('clears to an empty ring of the same capacity', () => {
    const ring = Ring.empty<number>(3).append([1, 2, 3]).clear();
    expect(ring.size).toBe(0);
    expect(ring.capacity).toBe(3);
    expect(ring.push(9).toArray()).toEqual([9]);
  });
});

describe('Ring.truncate', () => {
  it('keeps only the oldest items', () => {
    const ring = Ring.empty<number>(5, 2).append([1, 2, 3, 4, 5, 6]);
    expect(ring.truncate(2).toArray()).toEqual([2, 3]);
    expect(ring.truncate(9)).toBe(ring);
    expect(ring.truncate(2).push(7).toArray()).toEqual([2, 3, 7]);
  });
});
