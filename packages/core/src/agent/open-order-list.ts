// An account's open orders: a short list in sending order, kept in two arrays (the ids, and every
// order's numbers in one row of an array of unboxed doubles), read through the ReadonlyMap
// interface agents know or, without allocating, by position.
//
// Why columns rather than an object per order: with thousands of agents a resting order lives for
// millions of events, so everything it allocates survives young collections and is copied twice
// (the collector's cost follows what survives), and an account's orders end up on as many random
// heap pages as it has orders (each a cold read, page walk included, at the next check or fill).
// Here an order allocates nothing but its id, and an account's orders sit in one row array.
import type { Side } from '../domain/order.js';
import type { OpenOrderView } from './agent-account.js';

/** The account's open orders as agents may read them: by id (a ReadonlyMap) or by position, oldest first. */
export interface OpenOrdersView extends ReadonlyMap<string, OpenOrderView> {
  /** Position of the order with this id (0 = oldest), or -1. */
  indexOf(orderId: string): number;
  /** The fields of the order at a position (0 ≤ index < size), read without allocating a view. */
  idAt(index: number): string;
  sideAt(index: number): Side;
  orderTypeAt(index: number): 'limit' | 'market';
  priceTicksAt(index: number): number;
  sizeLotsAt(index: number): number;
  stateAt(index: number): 'pending' | 'resting';
  sentUsAt(index: number): number;
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

// A row of `rows`: the id's fingerprint, the flags, price, open size, send time.
const PRINT = 0;
const FLAGS = 1;
const PRICE = 2;
const SIZE = 3;
const SENT = 4;
const ROW = 5;
const SELL = 1;
const MARKET = 2;
const RESTING = 4;

/** Open orders by id, in sending order (oldest first). Only the account changes it. */
export class OpenOrderList implements OpenOrdersView {
  private count = 0;
  /** ids[i] is the i-th order's id; slots from `count` on hold '' (they keep no id alive). */
  private readonly ids: string[] = [];
  /** ROW numbers per order; the array only grows, so an account's churn of orders allocates nothing. */
  private readonly rows: number[] = [];

  get size(): number {
    return this.count;
  }

  indexOf(orderId: string): number {
    const print = orderIdFingerprint(orderId);
    const rows = this.rows;
    for (let i = 0, at = PRINT; i < this.count; i++, at += ROW) {
      if (rows[at] === print && this.ids[i] === orderId) return i;
    }
    return -1;
  }

  idAt(index: number): string {
    return this.ids[index]!;
  }

  sideAt(index: number): Side {
    return (this.rows[index * ROW + FLAGS]! & SELL) === 0 ? 'buy' : 'sell';
  }

  orderTypeAt(index: number): 'limit' | 'market' {
    return (this.rows[index * ROW + FLAGS]! & MARKET) === 0 ? 'limit' : 'market';
  }

  priceTicksAt(index: number): number {
    return this.rows[index * ROW + PRICE]!;
  }

  sizeLotsAt(index: number): number {
    return this.rows[index * ROW + SIZE]!;
  }

  stateAt(index: number): 'pending' | 'resting' {
    return (this.rows[index * ROW + FLAGS]! & RESTING) === 0 ? 'pending' : 'resting';
  }

  sentUsAt(index: number): number {
    return this.rows[index * ROW + SENT]!;
  }

  /** A copy of the order at a position, as it is now. */
  viewAt(index: number): OpenOrderView {
    return {
      orderId: this.idAt(index),
      side: this.sideAt(index),
      orderType: this.orderTypeAt(index),
      priceTicks: this.priceTicksAt(index),
      sizeLots: this.sizeLotsAt(index),
      state: this.stateAt(index),
      sentUs: this.sentUsAt(index),
    };
  }

  /** A copy of the order with this id as it is now, or undefined. */
  get(orderId: string): OpenOrderView | undefined {
    const index = this.indexOf(orderId);
    return index < 0 ? undefined : this.viewAt(index);
  }

  has(orderId: string): boolean {
    return this.indexOf(orderId) >= 0;
  }

  /** Adds a pending order at the end; its id must not be open already (the pre-trade check refuses duplicates). */
  add(orderId: string, side: Side, orderType: 'limit' | 'market', priceTicks: number, sizeLots: number, sentUs: number): void {
    const index = this.count++;
    const flags = (side === 'sell' ? SELL : 0) | (orderType === 'market' ? MARKET : 0);
    const print = orderIdFingerprint(orderId);
    if (index === this.ids.length) {
      this.ids.push(orderId);
      this.rows.push(print, flags, priceTicks, sizeLots, sentUs);
      return;
    }
    this.ids[index] = orderId;
    const at = index * ROW;
    const rows = this.rows;
    rows[at + PRINT] = print;
    rows[at + FLAGS] = flags;
    rows[at + PRICE] = priceTicks;
    rows[at + SIZE] = sizeLots;
    rows[at + SENT] = sentUs;
  }

  markResting(index: number): void {
    this.rows[index * ROW + FLAGS] |= RESTING;
  }

  setPriceTicks(index: number, priceTicks: number): void {
    this.rows[index * ROW + PRICE] = priceTicks;
  }

  setSizeLots(index: number, sizeLots: number): void {
    this.rows[index * ROW + SIZE] = sizeLots;
  }

  /** Removes the order at a position from indexOf; later orders keep their order. */
  removeAt(index: number): void {
    const ids = this.ids;
    const rows = this.rows;
    const last = --this.count;
    for (let i = index; i < last; i++) ids[i] = ids[i + 1]!;
    for (let at = index * ROW, end = last * ROW; at < end; at++) rows[at] = rows[at + ROW]!;
    ids[last] = '';
  }

  /** Copies of the orders as they are now, oldest first. */
  private views(): OpenOrderView[] {
    return Array.from({ length: this.count }, (_, i) => this.viewAt(i));
  }

  values(): ArrayIterator<OpenOrderView> {
    return this.views().values();
  }

  keys(): ArrayIterator<string> {
    return this.ids.slice(0, this.count).values();
  }

  entries(): ArrayIterator<[string, OpenOrderView]> {
    return this.views().map((view): [string, OpenOrderView] => [view.orderId, view]).values();
  }

  [Symbol.iterator](): ArrayIterator<[string, OpenOrderView]> {
    return this.entries();
  }

  forEach(visit: (value: OpenOrderView, key: string, map: ReadonlyMap<string, OpenOrderView>) => void, thisArg?: unknown): void {
    for (const view of this.views()) visit.call(thisArg, view, view.orderId, this);
  }
}
