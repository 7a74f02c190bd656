import type { LevelSummary } from './level-tree.js';
import type { RestingOrder } from './resting-order.js';

/**
 * The mutable FIFO of one price level: an intrusive doubly-linked list of resting orders plus
 * running totals. `summary` is the BookLevel last published (BookSide.publish). It is updated in
 * place only while no one outside the book can hold it (its `summaryEpoch` is the side's current
 * epoch); otherwise it is replaced, so a caller holding the old one sees it unchanged. Queues are
 * never reused: snapshots' level trees hold them.
 */
export class LevelQueue {
  readonly priceTicks: number;
  head: RestingOrder | null;
  tail: RestingOrder | null;
  /** Sum of the open sizes of the orders in the queue. */
  sizeLots: number;
  orderCount: number;
  /** Last published summary; null until the level is first published. */
  summary: LevelSummary | null;
  /** The side's epoch when `summary` was created: while it is still current, nothing outside the book holds it. */
  summaryEpoch: number;
  /** The side's snapshot generation when the level entered the level tree; -1 while it is not in it. */
  bornGeneration: number;
  /** The generation in which the side last logged this level's state (-1: never). */
  loggedGeneration: number;

  constructor(priceTicks: number) {
    this.priceTicks = priceTicks;
    this.head = null;
    this.tail = null;
    this.sizeLots = 0;
    this.orderCount = 0;
    this.summary = null;
    this.summaryEpoch = -1;
    this.bornGeneration = -1;
    this.loggedGeneration = -1;
  }

  /** Puts the order at the back of the queue (lowest time priority). */
  append(order: RestingOrder): void {
    const tail = this.tail;
    order.level = this;
    order.prev = tail;
    order.next = null;
    if (tail === null) this.head = order;
    else tail.next = order;
    this.tail = order;
    this.sizeLots += order.sizeLots;
    this.orderCount++;
  }

  /** Takes the order out of the queue in O(1), wherever it is; its open size leaves the total and it is detached. */
  unlink(order: RestingOrder): void {
    const prev = order.prev;
    const next = order.next;
    if (prev === null) this.head = next;
    else prev.next = next;
    if (next === null) this.tail = prev;
    else next.prev = prev;
    order.prev = null;
    order.next = null;
    order.level = null;
    this.sizeLots -= order.sizeLots;
    this.orderCount--;
  }
}
