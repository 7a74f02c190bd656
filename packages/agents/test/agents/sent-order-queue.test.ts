import { SentOrderQueue } from '../../src/agents/sent-order-queue.js';

function drain(queue: SentOrderQueue): string[] {
  const out: string[] = [];
  while (queue.size > 0) {
    out.push(`${queue.oldestId()}@${queue.oldestTimeUs()}`);
    queue.dropOldest();
  }
  return out;
}

describe('SentOrderQueue', () => {
  it('gives orders back oldest first with their send times', () => {
    const queue = new SentOrderQueue();
    queue.push('a', 10);
    queue.push('b', 20);
    expect(queue.size).toBe(2);
    expect([queue.oldestId(), queue.oldestTimeUs()]).toEqual(['a', 10]);
    expect(drain(queue)).toEqual(['a@10', 'b@20']);
  });

  it('keeps the order when it grows while wrapped around its ring', () => {
    const queue = new SentOrderQueue();
    const expected: string[] = [];
    // Push and drop so the head sits mid-ring, then push past the capacity.
    for (let i = 0; i < 6; i++) queue.push(`x${i}`, i);
    for (let i = 0; i < 5; i++) queue.dropOldest();
    expected.push('x5@5');
    for (let i = 6; i < 40; i++) {
      queue.push(`x${i}`, i);
      expected.push(`x${i}@${i}`);
    }
    expect(drain(queue)).toEqual(expected);
  });

  it('ignores a drop when empty and starts over after clear', () => {
    const queue = new SentOrderQueue();
    queue.dropOldest();
    queue.push('a', 1);
    queue.clear();
    expect(queue.size).toBe(0);
    queue.push('b', 2);
    expect(drain(queue)).toEqual(['b@2']);
  });
});
