import type { SelfTradePrevention, Side } from '../domain/order.js';

/**
 * One order resting in the book: a node of its level's intrusive doubly-linked FIFO list, so a
 * cancel from the middle of a long queue is O(1) (no array splice, no shift()). Mutable and
 * private to the book: queries hand out RestingOrderView copies, never this node.
 */
export class RestingOrder {
  readonly orderId: string;
  readonly ownerId: string;
  readonly side: Side;
  priceTicks: number;
  /** Open (unfilled) size. */
  sizeLots: number;
  /** Lots filled over the order's whole life (across modifies). */
  filledLots: number;
  /** When the order took its current place in the queue (entry, or a modify that lost priority). */
  timeUs: number;
  readonly postOnly: boolean;
  readonly selfTradePrevention: SelfTradePrevention;
  /** Older neighbour in the level (towards the head), null at the head. */
  prev: RestingOrder | null;
  /** Younger neighbour in the level (towards the tail), null at the tail. */
  next: RestingOrder | null;

  constructor(
    orderId: string,
    ownerId: string,
    side: Side,
    priceTicks: number,
    sizeLots: number,
    filledLots: number,
    timeUs: number,
    postOnly: boolean,
    selfTradePrevention: SelfTradePrevention,
  ) {
    this.orderId = orderId;
    this.ownerId = ownerId;
    this.side = side;
    this.priceTicks = priceTicks;
    this.sizeLots = sizeLots;
    this.filledLots = filledLots;
    this.timeUs = timeUs;
    this.postOnly = postOnly;
    this.selfTradePrevention = selfTradePrevention;
    this.prev = null;
    this.next = null;
  }
}
