import { SendQueue } from '../src/send-queue.js';

const frame = (text: string): Buffer => Buffer.from(text);

describe('SendQueue', () => {
  it('returns frames in order and reports full at capacity', () => {
    const queue = new SendQueue(2);
    expect(queue.push(frame('a'), null)).toBe('queued');
    expect(queue.push(frame('b'), null)).toBe('queued');
    expect(queue.push(frame('c'), null)).toBe('full');
    expect(queue.shift()?.toString()).toBe('a');
    expect(queue.push(frame('c'), null)).toBe('queued');
    expect([queue.shift()?.toString(), queue.shift()?.toString(), queue.shift()]).toEqual(['b', 'c', null]);
  });

  it('conflates frames with the same key in the older frame slot', () => {
    const queue = new SendQueue(3);
    queue.push(frame('btc-1'), 'BTC/USD');
    queue.push(frame('trade'), null);
    expect(queue.push(frame('btc-2'), 'BTC/USD')).toBe('conflated');
    expect(queue.size).toBe(2);
    expect(queue.shift()?.toString()).toBe('btc-2');
    // Once sent, a key queues anew.
    expect(queue.push(frame('btc-3'), 'BTC/USD')).toBe('queued');
    expect([queue.shift()?.toString(), queue.shift()?.toString()]).toEqual(['trade', 'btc-3']);
  });

  it('conflates even when full, so tickers never need a new slot', () => {
    const queue = new SendQueue(1);
    queue.push(frame('eth-1'), 'ETH/USD');
    expect(queue.push(frame('eth-2'), 'ETH/USD')).toBe('conflated');
    expect(queue.push(frame('btc-1'), 'BTC/USD')).toBe('full');
  });

  it('empties on clear', () => {
    const queue = new SendQueue(2);
    queue.push(frame('a'), 'k');
    queue.clear();
    expect(queue.size).toBe(0);
    expect(queue.push(frame('b'), 'k')).toBe('queued');
  });
});
