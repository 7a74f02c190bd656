import type { RestingOrder } from './resting-order.js';

/**
 * The mutable FIFO of one price level: an intrusive doubly-linked list of resting orders plus
 * running totals, and the totals last published (BookSide.publish), which readers see. Queues are
 * never reused: snapshots' level trees hold them.
 */
export class LevelQueue {
  readonly priceTicks: number;
  head: RestingOrder | null;
  tail: RestingOrder | null;
  /** Sum of the open sizes of the orders in the queue. */
  sizeLots: number;
  orderCount: number;
  /** sizeLots as last published: what the book's readers see. */
  publishedSizeLots: number;
  /** orderCount as last published. */
  publishedOrderCount: number;
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
    this.publishedSizeLots = 0;
    this.publishedOrderCount = 0;
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
