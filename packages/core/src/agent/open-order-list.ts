// An account's open orders: a short list in sending order, read through the ReadonlyMap
// interface agents know. Accounts hold a few orders each (about four for a noise trader, two for a
// market maker), and with thousands of agents each account is cold when an order is checked or
// filled. A Map lookup then reads the map, its hash table and the key strings along the bucket's
// chain (a string compare reads the stored id). Here a lookup scans a small array of fingerprints
// and reads an order record only when its fingerprint matches, so checking that a new id is not
// open already touches no record and no stored id.
import type { Side } from '../domain/order.js';
import type { OpenOrderView } from './agent-account.js';

/** The account's own, mutable record of an open order. */
export interface OpenOrder {
  orderId: string;
  side: Side;
  orderType: 'limit' | 'market';
  priceTicks: number;
  sizeLots: number;
  state: 'pending' | 'resting';
  readonly sentUs: number;
}

/**
 * A small integer from an id's length and last three characters, where ids numbered by an agent
 * (`noise_1234-57`, `noise_1234-58`) differ. Equal ids give equal fingerprints; unequal ids may
 * too, which costs only a string compare.
 */
export function orderIdFingerprint(orderId: string): number {
  const n = orderId.length;
  // charCodeAt past the start is NaN, which the shifts and xors read as 0.
  return (n << 24) ^ (orderId.charCodeAt(n - 3) << 16) ^ (orderId.charCodeAt(n - 2) << 8) ^ orderId.charCodeAt(n - 1);
}

/** Open orders by id, in sending order (oldest first). Only the account changes it. */
export class OpenOrderList implements ReadonlyMap<string, OpenOrderView> {
  /** orderIdFingerprint of orders[i].orderId at i. */
  private readonly prints: number[] = [];
  private readonly orders: OpenOrder[] = [];

  get size(): number {
    return this.orders.length;
  }

  /** Position of the order with this id, or -1. */
  indexOf(orderId: string): number {
    const print = orderIdFingerprint(orderId);
    const prints = this.prints;
    for (let i = 0; i < prints.length; i++) {
      if (prints[i] === print && this.orders[i]!.orderId === orderId) return i;
    }
    return -1;
  }

  /** The order at a position from indexOf. */
  at(index: number): OpenOrder {
    return this.orders[index]!;
  }

  get(orderId: string): OpenOrder | undefined {
    const index = this.indexOf(orderId);
    return index < 0 ? undefined : this.orders[index];
  }

  has(orderId: string): boolean {
    return this.indexOf(orderId) >= 0;
  }

  /** Adds an order at the end, or replaces the order with the same id where it is (as Map.set). */
  set(order: OpenOrder): void {
    const index = this.indexOf(order.orderId);
    if (index >= 0) {
      this.orders[index] = order;
      return;
    }
    this.prints.push(orderIdFingerprint(order.orderId));
    this.orders.push(order);
  }

  /** Removes the order at a position from indexOf; later orders keep their order. */
  removeAt(index: number): void {
    const prints = this.prints;
    const orders = this.orders;
    // Shifting in place: splice would allocate an array of the removed element.
    for (let i = index + 1; i < orders.length; i++) {
      prints[i - 1] = prints[i]!;
      orders[i - 1] = orders[i]!;
    }
    prints.pop();
    orders.pop();
  }

  values(): ArrayIterator<OpenOrderView> {
    return this.orders.values();
  }

  keys(): ArrayIterator<string> {
    return this.orders.map((order) => order.orderId).values();
  }

  entries(): ArrayIterator<[string, OpenOrderView]> {
    return this.orders.map((order): [string, OpenOrderView] => [order.orderId, order]).values();
  }

  [Symbol.iterator](): ArrayIterator<[string, OpenOrderView]> {
    return this.entries();
  }

  forEach(visit: (value: OpenOrderView, key: string, map: ReadonlyMap<string, OpenOrderView>) => void, thisArg?: unknown): void {
    for (const order of this.orders.slice()) visit.call(thisArg, order, order.orderId, this);
  }
}
