import type { SelfTradePrevention, Side } from '../domain/order.js';
import type { LevelQueue } from './level-queue.js';

/**
 * An order's fixed matching behaviour. Only eight combinations exist, each one shared frozen
 * object, so a resting order pays one field for both (memory per resting order is a budget).
 */
export interface OrderTraits {
  readonly postOnly: boolean;
  readonly selfTradePrevention: SelfTradePrevention;
}

const STP_MODES: readonly SelfTradePrevention[] = ['none', 'cancel-resting', 'cancel-incoming', 'cancel-both'];
// Index = (postOnly ? 4 : 0) + position of the mode in STP_MODES.
const TRAITS: readonly OrderTraits[] = [false, true].flatMap((postOnly) =>
  STP_MODES.map((selfTradePrevention): OrderTraits => Object.freeze({ postOnly, selfTradePrevention })),
);

/** The shared traits object for a combination (validated input only). */
export function orderTraits(postOnly: boolean, selfTradePrevention: SelfTradePrevention): OrderTraits {
  const mode =
    selfTradePrevention === 'none' ? 0 : selfTradePrevention === 'cancel-resting' ? 1 : selfTradePrevention === 'cancel-incoming' ? 2 : 3;
  return TRAITS[(postOnly ? 4 : 0) + mode];
}

/**
 * One order resting in the book: a node of its level's intrusive doubly-linked FIFO list, so a
 * cancel from the middle of a long queue is O(1) (no array splice, no shift()), and a pointer to
 * that level, so a cancel needs no price lookup. Mutable and private to the book: queries hand out
 * RestingOrderView copies, never this node, which is why the book can recycle nodes (OrderPool).
 */
export class RestingOrder {
  orderId: string;
  ownerId: string;
  side: Side;
  /** The level the order rests in; its price is the order's price. Null only while a modify re-matches it. */
  level: LevelQueue | null;
  /** Open (unfilled) size. */
  sizeLots: number;
  /** Lots filled over the order's whole life (across modifies). */
  filledLots: number;
  /** When the order took its current place in the queue (entry, or a modify that lost priority). */
  timeUs: number;
  traits: OrderTraits;
  /** Older neighbour in the level (towards the head), null at the head. */
  prev: RestingOrder | null;
  /** Younger neighbour in the level (towards the tail), null at the tail. Links free nodes in an OrderPool. */
  next: RestingOrder | null;

  // Positional parameters, not an options object: this runs once per resting order on the hot path.
  constructor(orderId: string, ownerId: string, side: Side, sizeLots: number, filledLots: number, timeUs: number, traits: OrderTraits) {
    this.orderId = orderId;
    this.ownerId = ownerId;
    this.side = side;
    this.level = null;
    this.sizeLots = sizeLots;
    this.filledLots = filledLots;
    this.timeUs = timeUs;
    this.traits = traits;
    this.prev = null;
    this.next = null;
  }

  /** Turns a detached node from an OrderPool into a new order; same fields as the constructor. */
  reuse(orderId: string, ownerId: string, side: Side, sizeLots: number, filledLots: number, timeUs: number, traits: OrderTraits): void {
    this.orderId = orderId;
    this.ownerId = ownerId;
    this.side = side;
    this.level = null;
    this.sizeLots = sizeLots;
    this.filledLots = filledLots;
    this.timeUs = timeUs;
    this.traits = traits;
    this.prev = null;
    this.next = null;
  }

  /** The order's limit price: its level's price (0 while detached by a modify). */
  get priceTicks(): number {
    const level = this.level;
    return level === null ? 0 : level.priceTicks;
  }
}
