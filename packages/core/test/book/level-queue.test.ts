import { LevelQueue } from '../../src/book/level-queue.js';
import { RestingOrder, orderTraits } from '../../src/book/resting-order.js';

const order = (orderId: string, sizeLots: number): RestingOrder =>
  new RestingOrder(orderId, 'owner', 'buy', sizeLots, 0, 0, orderTraits(false, 'none'));

function ids(queue: LevelQueue): string[] {
  const forward: string[] = [];
  for (let node = queue.head; node !== null; node = node.next) forward.push(node.orderId);
  const backward: string[] = [];
  for (let node = queue.tail; node !== null; node = node.prev) backward.unshift(node.orderId);
  expect(backward).toEqual(forward);
  return forward;
}

describe('LevelQueue', () => {
  it('keeps orders in arrival order with running totals', () => {
    const queue = new LevelQueue(100);
    for (const [id, size] of [['a', 1], ['b', 2], ['c', 3]] as const) queue.append(order(id, size));
    expect(ids(queue)).toEqual(['a', 'b', 'c']);
    expect([queue.sizeLots, queue.orderCount]).toEqual([6, 3]);
    expect(queue.head?.level).toBe(queue);
    expect(queue.head?.priceTicks).toBe(100);
  });

  it('unlinks from the middle, the head and the tail in O(1)', () => {
    const queue = new LevelQueue(100);
    const nodes = ['a', 'b', 'c', 'd'].map((id) => order(id, 1));
    for (const node of nodes) queue.append(node);
    queue.unlink(nodes[1]);
    expect(ids(queue)).toEqual(['a', 'c', 'd']);
    queue.unlink(nodes[0]);
    expect(ids(queue)).toEqual(['c', 'd']);
    queue.unlink(nodes[3]);
    expect(ids(queue)).toEqual(['c']);
    queue.unlink(nodes[2]);
    expect(ids(queue)).toEqual([]);
    expect([queue.head, queue.tail, queue.sizeLots, queue.orderCount]).toEqual([null, null, 0, 0]);
    expect([nodes[1].prev, nodes[1].next, nodes[1].level]).toEqual([null, null, null]);
  });

  it('re-appends an unlinked order at the back', () => {
    const queue = new LevelQueue(100);
    const nodes = ['a', 'b', 'c'].map((id) => order(id, 1));
    for (const node of nodes) queue.append(node);
    queue.unlink(nodes[0]);
    queue.append(nodes[0]);
    expect(ids(queue)).toEqual(['b', 'c', 'a']);
  });
});
