// The internal-state check run after every command in tests (as exchange-core does): it reaches
// into the book's private structures on purpose and throws an Error naming the first broken rule.
import type { MatchingEngine } from '@marksim/core';
import type { BookSide } from '../../src/book/book-side.js';
import type { OrderBook } from '../../src/book/order-book.js';
import type { RestingOrder } from '../../src/book/resting-order.js';

function fail(rule: string): never {
  throw new Error(`book invariant broken: ${rule}`);
}

/** Checks one side; returns how many orders it holds. */
function checkSide(book: OrderBook, side: BookSide): number {
  let orders = 0;
  let previousTicks: number | null = null;
  let firstQueue = null;
  // The tree maps sign × price to the level's queue, best level first; its summary is published.
  for (const [key, queue] of side.levels.entries()) {
    const priceTicks = queue.priceTicks;
    if (key !== side.sign * priceTicks) fail(`${side.side} level ${priceTicks} stored under key ${key}`);
    if (previousTicks !== null && !side.isBetter(previousTicks, priceTicks)) {
      fail(`${side.side} levels not in best-first order at ${priceTicks} after ${previousTicks}`);
    }
    previousTicks = priceTicks;
    if (side.queueAt(priceTicks) !== queue) fail(`${side.side} level ${priceTicks} in the tree is not the queue at its price`);
    if (firstQueue === null) firstQueue = queue;
    if (queue.bornGeneration < 0) fail(`${side.side} level ${priceTicks} is in the tree but was never published`);
    let sizeLots = 0;
    let count = 0;
    let previous: RestingOrder | null = null;
    for (let order = queue.head; order !== null; order = order.next) {
      if (order.prev !== previous) fail(`order ${order.orderId}: prev link does not point to the order before it`);
      if (order.side !== side.side) fail(`order ${order.orderId} (${order.side}) on the ${side.side} side`);
      if (order.level !== queue) fail(`order ${order.orderId} at ${order.priceTicks} does not point to its level ${priceTicks}`);
      if (!(Number.isSafeInteger(order.sizeLots) && order.sizeLots > 0)) fail(`order ${order.orderId} open size ${order.sizeLots}`);
      if (book.index.get(order.orderId) !== order) fail(`order ${order.orderId} missing from the index`);
      sizeLots += order.sizeLots;
      count++;
      previous = order;
    }
    if (queue.tail !== previous) fail(`${side.side} level ${priceTicks}: tail is not the last order`);
    if (count === 0) fail(`${side.side} level ${priceTicks} is empty but still listed`);
    if (queue.sizeLots !== sizeLots || queue.publishedSizeLots !== sizeLots) {
      fail(`${side.side} level ${priceTicks}: size ${queue.publishedSizeLots} published/${queue.sizeLots}, orders sum to ${sizeLots}`);
    }
    if (queue.orderCount !== count || queue.publishedOrderCount !== count) {
      fail(`${side.side} level ${priceTicks}: count ${queue.publishedOrderCount} published/${queue.orderCount}, ${count} orders linked`);
    }
    orders += count;
  }
  if (side.best !== firstQueue) fail(`${side.side} best is not the first level`);
  return orders;
}

/** Throws unless the engine's book is consistent: uncrossed, summaries = sums, index = queues, links sound. */
export function assertBookInvariants(engine: MatchingEngine): void {
  const book = engine.book as OrderBook;
  const orders = checkSide(book, book.bids) + checkSide(book, book.asks);
  if (orders !== book.index.size) fail(`index holds ${book.index.size} orders, the levels ${orders}`);
  const bid = book.bids.best;
  const ask = book.asks.best;
  if (bid !== null && ask !== null && bid.priceTicks >= ask.priceTicks) {
    fail(`crossed: best bid ${bid.priceTicks} >= best ask ${ask.priceTicks}`);
  }
  if (book.seq !== engine.lastSeq) fail(`book seq ${book.seq} but engine seq ${engine.lastSeq}`);
}
