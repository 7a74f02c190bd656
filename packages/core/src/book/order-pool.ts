import type { Side } from '../domain/order.js';
import { RestingOrder } from './resting-order.js';
import type { OrderTraits } from './resting-order.js';

// Enough for the churn of a busy book (orders leave and arrive at about the same rate), small
// enough that a burst of cancels does not pin much memory: 4 096 nodes ≈ 0.4 MB.
const MAX_POOLED_ORDERS = 4_096;

/**
 * Recycles the RestingOrder nodes of orders that left the book for good. A deep book's orders
 * live long enough to be promoted to V8's old generation, so a fresh node per order is copied by
 * the young-generation collector on its way there; reusing a node of a dead order (already old)
 * skips the copy and the allocation. Safe because nodes never leave the book (queries hand out
 * copies): once an order is done and its events are built, nothing refers to its node.
 */
export class OrderPool {
  /** Free nodes, linked through `next`. */
  private free: RestingOrder | null;
  private freeCount: number;

  constructor() {
    this.free = null;
    this.freeCount = 0;
  }

  /** A node for a new order: a recycled one when available. Same parameters as the RestingOrder constructor. */
  take(orderId: string, ownerId: string, side: Side, sizeLots: number, filledLots: number, timeUs: number, traits: OrderTraits): RestingOrder {
    const order = this.free;
    if (order === null) return new RestingOrder(orderId, ownerId, side, sizeLots, filledLots, timeUs, traits);
    this.free = order.next;
    this.freeCount--;
    order.reuse(orderId, ownerId, side, sizeLots, filledLots, timeUs, traits);
    return order;
  }

  /** Gives back the node of an order that is out of the book and the index and whose events are built. */
  release(order: RestingOrder): void {
    if (this.freeCount >= MAX_POOLED_ORDERS) return;
    order.next = this.free;
    this.free = order;
    this.freeCount++;
  }
}
