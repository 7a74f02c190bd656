// One agent's account: position, cash, average entry price, PnL and open orders, kept from the
// book events that name the agent. Money is in tick·lots (price ticks × size lots), an exact
// integer for cash; multiply by tickSize × lotSize for quote currency.
import type { Side } from '../domain/order.js';
import type { AgentLimits } from './agent-limits.js';
import { OpenOrderList } from './open-order-list.js';
import type { OpenOrdersView } from './open-order-list.js';

/** An order the agent has sent and that may still trade: a copy, as it was when read. */
export interface OpenOrderView {
  readonly orderId: string;
  readonly side: Side;
  readonly orderType: 'limit' | 'market';
  readonly priceTicks: number;
  /** Size that may still fill. */
  readonly sizeLots: number;
  /** `pending` until the book has accepted it (it is still travelling, see latency). */
  readonly state: 'pending' | 'resting';
  /** Simulated time of the decision that sent it, µs since epoch. */
  readonly sentUs: number;
}

/** What an agent (and anyone else) may read of an account. It never changes during one decision. */
export interface AgentAccountView {
  readonly agentId: string;
  readonly limits: AgentLimits;
  /** Signed: > 0 long, < 0 short. */
  readonly positionLots: number;
  /** Exact: sells add price × size, buys subtract it. */
  readonly cashTickLots: number;
  /** Average entry price of the open position (0 when flat). */
  readonly averagePriceTicks: number;
  /** PnL locked in by reducing the position, in tick·lots. */
  readonly realisedPnlTickLots: number;
  /** By order id, in sending order (oldest first); also readable by position without allocating. */
  readonly openOrders: OpenOrdersView;
  /** Open size of buy orders (resting or in flight). */
  readonly openBuyLots: number;
  readonly openSellLots: number;
  readonly fillCount: number;
  /** Total filled size, both sides. */
  readonly tradedLots: number;
  /** Largest |position| ever held. */
  readonly maxAbsPositionLots: number;
  /**
   * Moves on with every change to the account (an order sent, accepted, filled, cancelled or
   * modified). An agent that keeps what it read may skip reading again while it stays put.
   */
  readonly version: number;
  /** PnL of the open position marked at `markTicks`, in tick·lots. */
  unrealisedPnlTickLots(markTicks: number): number;
}

/** The mutable account behind an AgentAccountView; only the simulation updates it. */
export class AgentAccount implements AgentAccountView {
  readonly agentId: string;
  readonly limits: AgentLimits;
  positionLots = 0;
  cashTickLots = 0;
  averagePriceTicks = 0;
  realisedPnlTickLots = 0;
  openBuyLots = 0;
  openSellLots = 0;
  fillCount = 0;
  tradedLots = 0;
  maxAbsPositionLots = 0;
  version = 0;
  private readonly orders = new OpenOrderList();

  constructor(agentId: string, limits: AgentLimits) {
    this.agentId = agentId;
    this.limits = limits;
  }

  get openOrders(): OpenOrdersView {
    return this.orders;
  }

  unrealisedPnlTickLots(markTicks: number): number {
    return this.positionLots === 0 ? 0 : this.positionLots * (markTicks - this.averagePriceTicks);
  }

  /** Cash plus the position marked at `markTicks`: realised + unrealised, exact when flat. */
  totalPnlTickLots(markTicks: number): number {
    return this.cashTickLots + this.positionLots * markTicks;
  }

  /** Records an order the agent sent at `sentUs`; its size counts against limits from now on. */
  addPending(orderId: string, side: Side, orderType: 'limit' | 'market', priceTicks: number, sizeLots: number, sentUs: number): void {
    this.version++;
    const orders = this.orders;
    const index = orders.indexOf(orderId);
    // An id still open (the pre-trade check refuses that) replaces the order it names: its size is
    // released and the new one goes last.
    if (index >= 0) {
      this.addOpen(orders.sideAt(index), -orders.sizeLotsAt(index));
      orders.removeAt(index);
    }
    orders.add(orderId, side, orderType, priceTicks, sizeLots, sentUs);
    this.addOpen(side, sizeLots);
  }

  /** The book accepted the order. */
  markResting(orderId: string): void {
    this.version++;
    const index = this.orders.indexOf(orderId);
    if (index >= 0) this.orders.markResting(index);
  }

  /** The order is gone (rejected, filled or cancelled): release whatever size it still held. */
  remove(orderId: string): void {
    this.version++;
    const orders = this.orders;
    const index = orders.indexOf(orderId);
    if (index < 0) return;
    this.addOpen(orders.sideAt(index), -orders.sizeLotsAt(index));
    orders.removeAt(index);
  }

  /** Part of the order was cancelled (IOC rest, user cancel, self-trade prevention). */
  reduce(orderId: string, lots: number): void {
    this.version++;
    const orders = this.orders;
    const index = orders.indexOf(orderId);
    if (index < 0) return;
    const sizeLots = orders.sizeLotsAt(index);
    const removed = Math.min(lots, sizeLots);
    orders.setSizeLots(index, sizeLots - removed);
    this.addOpen(orders.sideAt(index), -removed);
  }

  /** The book changed price and/or open size of the order. */
  modify(orderId: string, priceTicks: number, sizeLots: number): void {
    this.version++;
    const orders = this.orders;
    const index = orders.indexOf(orderId);
    if (index < 0) return;
    this.addOpen(orders.sideAt(index), sizeLots - orders.sizeLotsAt(index));
    orders.setPriceTicks(index, priceTicks);
    orders.setSizeLots(index, sizeLots);
  }

  /** Applies one fill: position, cash, average price and realised PnL. */
  applyFill(orderId: string, side: Side, priceTicks: number, sizeLots: number): void {
    this.version++;
    this.reduce(orderId, sizeLots);
    const signed = side === 'buy' ? sizeLots : -sizeLots;
    const before = this.positionLots;
    this.cashTickLots -= signed * priceTicks;
    if (before === 0 || Math.sign(before) === Math.sign(signed)) {
      // Adding to the position: the average moves toward the fill price.
      this.averagePriceTicks = (this.averagePriceTicks * Math.abs(before) + priceTicks * sizeLots) / (Math.abs(before) + sizeLots);
    } else {
      // Reducing (and maybe flipping): the closed part realises PnL at the old average.
      const closedLots = Math.min(sizeLots, Math.abs(before));
      this.realisedPnlTickLots += Math.sign(before) * (priceTicks - this.averagePriceTicks) * closedLots;
      if (sizeLots > closedLots) this.averagePriceTicks = priceTicks;
      else if (closedLots === Math.abs(before)) this.averagePriceTicks = 0;
    }
    this.positionLots = before + signed;
    this.fillCount++;
    this.tradedLots += sizeLots;
    const absPosition = Math.abs(this.positionLots);
    if (absPosition > this.maxAbsPositionLots) this.maxAbsPositionLots = absPosition;
  }

  private addOpen(side: Side, lots: number): void {
    if (side === 'buy') this.openBuyLots += lots;
    else this.openSellLots += lots;
  }
}
