import type { BookSide } from '../book/book-side.js';
import type { BookSnapshot } from '../book/book-snapshot.js';
import type { BookView } from '../book/book-view.js';
import type { LevelQueue } from '../book/level-queue.js';
import { OrderBook } from '../book/order-book.js';
import { orderTraits } from '../book/resting-order.js';
import type { RestingOrder } from '../book/resting-order.js';
import type { BookEvent, CancelReason, RejectCode, RejectedEvent } from '../domain/events.js';
import type { Instrument } from '../domain/instrument.js';
import type { CancelCommand, ModifyCommand, NewOrderCommand, OrderCommand, SelfTradePrevention } from '../domain/order.js';
import { MarksimError } from '../errors/marksim-error.js';
import { DecimalUnits } from '../units/decimal-units.js';
import { EventArraySink } from './book-event-sink.js';
import type { BookEventSink } from './book-event-sink.js';
import { decimalOrderToCommand, isRejection } from './decimal-order.js';
import type { DecimalOrder } from './decimal-order.js';
import { fillableLots } from './fill-check.js';
import { checkCancel, checkModify, checkNewOrder, isValidTimeUs } from './order-validation.js';

/** What a MatchingEngine needs: the instrument whose book it keeps. */
export interface MatchingEngineOptions {
  readonly instrument: Instrument;
}

// A market order's "limit": every ask is <= this, every bid is >= 0 (prices are > 0).
const MARKET_BUY_LIMIT_TICKS = Number.MAX_SAFE_INTEGER;
const MARKET_SELL_LIMIT_TICKS = 0;
const NO_EVENTS: BookEvent[] = [];

/**
 * The matching engine of one instrument: price-time priority, integer ticks and lots, one event
 * sequence per symbol (+1 per event). Deterministic: time arrives on the commands, nothing reads a
 * clock or a random source, so the same commands from the same state give the same events.
 *
 * Event order (see README): a new order gives `rejected` alone, or `accepted`, then for each maker
 * it meets in priority order `trade` (+ maker `done` when filled) or, under self-trade prevention,
 * maker `cancelled` + `done`; one `level` per price level the taker leaves changed; then for the
 * taker `done` (filled), or `cancelled` + `done` (unfilled rest of IOC/FOK/market, or self-trade),
 * or the `level` of the price where its rest now rests. A cancel gives `cancelled`, `done`,
 * `level`. A modify gives `modified` and the `level` of the old price, then, if it lost priority at
 * a new price, what a new order's matching and rest would give after `accepted`.
 */
export class MatchingEngine {
  readonly instrument: Instrument;
  readonly symbol: string;
  /** Decimal ↔ integer conversion for this instrument. */
  readonly units: DecimalUnits;
  private readonly orderBook: OrderBook;
  /** Sequence number of the last event emitted. */
  private seq: number;
  private tradeId: number;
  /** Time of the command being processed (last valid command time otherwise). */
  private timeUs: number;
  /** Where the command being processed sends its events. */
  private sink: BookEventSink;
  /** True while a command is being processed, so a sink calling back in is refused. */
  private busy: boolean;
  /** The sink behind `process(command, out)`. */
  private readonly arraySink: EventArraySink;
  /** Set by match() when self-trade prevention ended the taker's matching. */
  private takerStopped: boolean;

  constructor(options: MatchingEngineOptions) {
    const instrument = options?.instrument;
    if (instrument === undefined || typeof instrument.symbol !== 'string' || instrument.symbol.length === 0) {
      throw new MarksimError(
        'INVALID_INSTRUMENT',
        `instrument.symbol must be a non-empty string (got ${String(instrument?.symbol)}) at MatchingEngine options`,
      );
    }
    this.instrument = instrument;
    this.symbol = instrument.symbol;
    this.units = new DecimalUnits(instrument);
    this.orderBook = new OrderBook(instrument.symbol);
    this.seq = 0;
    this.tradeId = 0;
    this.timeUs = 0;
    this.arraySink = new EventArraySink();
    this.sink = this.arraySink;
    this.busy = false;
    this.takerStopped = false;
  }

  /** The live book, read-only. Agents should prefer `snapshot()`, which never changes. */
  get book(): BookView {
    return this.orderBook;
  }

  /** Sequence number of the last event (0 before the first). */
  get lastSeq(): number {
    return this.seq;
  }

  /** An O(1) immutable L2 view of the book as of the last event. */
  snapshot(): BookSnapshot {
    return this.orderBook.snapshot();
  }

  /**
   * Applies one command and appends its events to `out` (a fresh array when omitted), which it
   * returns. Never throws for a bad or unfillable command: that is a `rejected` event.
   */
  process(command: OrderCommand, out: BookEvent[] = []): BookEvent[] {
    const sink = this.arraySink;
    sink.out = out;
    this.processTo(command, sink);
    sink.out = NO_EVENTS;
    return out;
  }

  /**
   * Applies one command and sends its events to `sink` as calls, with the same fields in the same
   * order as `process` would build them, but no object per event: for consumers that fold events
   * into their own state. The engine keeps neither the command nor the sink. Never throws for a bad
   * or unfillable command; throws REENTRANT_PROCESS when called from a sink during a command.
   */
  processTo(command: OrderCommand, sink: BookEventSink): void {
    this.begin(sink);
    // A sink that throws leaves this command half-applied (its own bug), but the engine stays usable.
    try {
      this.apply(command);
    } finally {
      this.end();
    }
  }

  private apply(command: OrderCommand): void {
    if (command === null || typeof command !== 'object') {
      this.reject('new', '', '', 'INVALID_ORDER', `command must be an order command object (got ${String(command)})`);
      return;
    }
    if (isValidTimeUs(command.timeUs)) this.timeUs = command.timeUs;
    const type = command.type;
    if (type === 'new') this.newOrder(command);
    else if (type === 'cancel') this.cancel(command);
    else if (type === 'modify') this.modify(command);
    else this.reject('new', '', '', 'INVALID_ORDER', `type must be "new", "cancel" or "modify" (got ${String(type)})`);
  }

  /** A new order with decimal price and size, e.g. { price: '50000.5', size: '0.1' }: converts and processes it. */
  submitDecimal(order: DecimalOrder, out: BookEvent[] = []): BookEvent[] {
    const converted = decimalOrderToCommand(this.units, order);
    if (!isRejection(converted)) return this.process(converted, out);
    const sink = this.arraySink;
    sink.out = out;
    this.begin(sink);
    if (isValidTimeUs(order.timeUs)) this.timeUs = order.timeUs;
    this.reject('new', order.orderId, order.ownerId, converted.code, converted.message);
    this.end();
    sink.out = NO_EVENTS;
    return out;
  }

  private begin(sink: BookEventSink): void {
    if (this.busy) {
      throw new MarksimError('REENTRANT_PROCESS', 'MatchingEngine must not be called from a BookEventSink while it processes a command');
    }
    this.busy = true;
    this.sink = sink;
    this.takerStopped = false;
  }

  /** Stamps the book with the command's last seq and time and lets the next command in. */
  private end(): void {
    this.orderBook.seq = this.seq;
    this.orderBook.timeUs = this.timeUs;
    this.busy = false;
  }

  private newOrder(command: NewOrderCommand): void {
    const problem = checkNewOrder(command);
    if (problem !== null) return this.reject('new', command.orderId, command.ownerId, problem.code, problem.message);
    const { orderId, ownerId, sizeLots } = command;
    const book = this.orderBook;
    if (book.index.has(orderId)) {
      const message = `orderId must not be the id of a resting order (got "${orderId}")`;
      return this.reject('new', orderId, ownerId, 'DUPLICATE_ORDER_ID', message);
    }
    const isBuy = command.side === 'buy';
    const opposite = isBuy ? book.asks : book.bids;
    const isMarket = command.orderType === 'market';
    const limitTicks = isMarket ? (isBuy ? MARKET_BUY_LIMIT_TICKS : MARKET_SELL_LIMIT_TICKS) : command.priceTicks;
    const best = opposite.best;
    if (isMarket && best === null) {
      const message = `a market order needs resting ${isBuy ? 'asks' : 'bids'} to trade with (the book has none) for order ${orderId}`;
      return this.reject('new', orderId, ownerId, 'NO_LIQUIDITY', message);
    }
    const crosses = best !== null && opposite.sign * best.priceTicks <= opposite.sign * limitTicks;
    if (command.postOnly && crosses) {
      const message =
        `priceTicks must not cross the best ${isBuy ? 'ask' : 'bid'} ${best.priceTicks} for a post-only order ` +
        `(got ${limitTicks}) for order ${orderId}`;
      return this.reject('new', orderId, ownerId, 'POST_ONLY_WOULD_CROSS', message);
    }
    if (command.timeInForce === 'fok') {
      const available = fillableLots(opposite, limitTicks, ownerId, command.selfTradePrevention, sizeLots);
      if (available < sizeLots) {
        const message = `sizeLots must be fillable at once for a FOK order (got ${sizeLots}, ${available} available) for order ${orderId}`;
        return this.reject('new', orderId, ownerId, 'FOK_NOT_FILLABLE', message);
      }
    }
    this.sink.accepted(
      ++this.seq,
      this.symbol,
      this.timeUs,
      orderId,
      ownerId,
      command.side,
      command.orderType,
      command.timeInForce,
      isMarket ? 0 : limitTicks,
      sizeLots,
    );
    const remainingLots = crosses
      ? this.match(opposite, limitTicks, orderId, ownerId, command.selfTradePrevention, sizeLots)
      : sizeLots;
    const filledLots = sizeLots - remainingLots;
    if (this.takerStopped || remainingLots === 0 || isMarket || command.timeInForce !== 'gtc') {
      const reason: CancelReason = this.takerStopped ? 'self-trade' : isMarket ? 'no-liquidity' : 'ioc';
      return this.finishTaker(orderId, ownerId, remainingLots, filledLots, reason);
    }
    const traits = orderTraits(command.postOnly, command.selfTradePrevention);
    const order = book.pool.take(orderId, ownerId, command.side, remainingLots, filledLots, this.timeUs, traits);
    this.publish(book.sideOf(command.side), book.rest(order, command.priceTicks));
  }

  private cancel(command: CancelCommand): void {
    const problem = checkCancel(command);
    if (problem !== null) return this.reject('cancel', command.orderId, command.ownerId, problem.code, problem.message);
    const order = this.findOwnedOrder('cancel', command.orderId, command.ownerId);
    if (order === null) return;
    const queue = order.level as LevelQueue;
    const side = this.orderBook.sideOf(order.side);
    this.cancelResting(queue, order, 'user');
    this.publish(side, queue);
  }

  private modify(command: ModifyCommand): void {
    const problem = checkModify(command);
    if (problem !== null) return this.reject('modify', command.orderId, command.ownerId, problem.code, problem.message);
    const order = this.findOwnedOrder('modify', command.orderId, command.ownerId);
    if (order === null) return;
    const book = this.orderBook;
    const queue = order.level as LevelQueue;
    const oldPriceTicks = queue.priceTicks;
    const newPriceTicks = command.priceTicks ?? oldPriceTicks;
    const newSizeLots = command.sizeLots ?? order.sizeLots;
    const side = book.sideOf(order.side);
    if (newPriceTicks === oldPriceTicks && newSizeLots <= order.sizeLots) {
      // Size down (or no change) at the same price keeps the order's place in the queue.
      const removedLots = order.sizeLots - newSizeLots;
      order.sizeLots = newSizeLots;
      queue.sizeLots -= removedLots;
      this.sink.modified(++this.seq, this.symbol, this.timeUs, order.orderId, order.ownerId, oldPriceTicks, newSizeLots, true);
      if (removedLots > 0) this.publish(side, queue);
      return;
    }
    const opposite = order.side === 'buy' ? book.asks : book.bids;
    const best = opposite.best;
    const crosses = best !== null && opposite.sign * best.priceTicks <= opposite.sign * newPriceTicks;
    if (order.traits.postOnly && crosses) {
      const message =
        `priceTicks must not cross the best ${order.side === 'buy' ? 'ask' : 'bid'} ${best.priceTicks} ` +
        `for a post-only order (got ${newPriceTicks}) for order ${order.orderId}`;
      return this.reject('modify', order.orderId, order.ownerId, 'POST_ONLY_WOULD_CROSS', message);
    }
    // Price change or size up: the order leaves its place and re-enters as if new, at the back.
    book.remove(queue, order);
    order.sizeLots = newSizeLots;
    order.timeUs = this.timeUs;
    this.sink.modified(++this.seq, this.symbol, this.timeUs, order.orderId, order.ownerId, newPriceTicks, newSizeLots, false);
    if (newPriceTicks === oldPriceTicks) {
      this.publish(side, book.rest(order, newPriceTicks));
      return;
    }
    this.publish(side, queue);
    const remainingLots = crosses
      ? this.match(opposite, newPriceTicks, order.orderId, order.ownerId, order.traits.selfTradePrevention, newSizeLots)
      : newSizeLots;
    order.filledLots += newSizeLots - remainingLots;
    if (this.takerStopped || remainingLots === 0) {
      this.finishTaker(order.orderId, order.ownerId, remainingLots, order.filledLots, 'self-trade');
      book.pool.release(order);
      return;
    }
    order.sizeLots = remainingLots;
    this.publish(side, book.rest(order, newPriceTicks));
  }

  /**
   * The matching loop: walks `opposite` from its best level while prices cross `limitTicks`,
   * FIFO within each level, and returns the taker's unfilled lots. No throw, no try, no
   * allocation but the events.
   */
  private match(
    opposite: BookSide,
    limitTicks: number,
    takerOrderId: string,
    takerOwnerId: string,
    selfTradePrevention: SelfTradePrevention,
    sizeLots: number,
  ): number {
    const book = this.orderBook;
    const sink = this.sink;
    const symbol = this.symbol;
    const timeUs = this.timeUs;
    const sign = opposite.sign;
    // The taker's side: the side opposite to the makers'.
    const aggressor = opposite.side === 'buy' ? 'sell' : 'buy';
    const preventSelfTrade = selfTradePrevention !== 'none';
    let remainingLots = sizeLots;
    let stopped = false;
    let queue = opposite.best;
    while (queue !== null && remainingLots > 0 && sign * queue.priceTicks <= sign * limitTicks) {
      const priceTicks = queue.priceTicks;
      let touched = false;
      let maker = queue.head;
      while (maker !== null && remainingLots > 0) {
        const next = maker.next;
        if (preventSelfTrade && maker.ownerId === takerOwnerId) {
          if (selfTradePrevention !== 'cancel-incoming') {
            this.cancelResting(queue, maker, 'self-trade');
            touched = true;
          }
          if (selfTradePrevention !== 'cancel-resting') {
            stopped = true;
            break;
          }
        } else {
          const fillLots = remainingLots < maker.sizeLots ? remainingLots : maker.sizeLots;
          sink.trade(
            ++this.seq,
            symbol,
            timeUs,
            ++this.tradeId,
            priceTicks,
            fillLots,
            aggressor,
            maker.orderId,
            maker.ownerId,
            takerOrderId,
            takerOwnerId,
          );
          book.lastTradePriceTicks = priceTicks;
          remainingLots -= fillLots;
          maker.sizeLots -= fillLots;
          maker.filledLots += fillLots;
          queue.sizeLots -= fillLots;
          touched = true;
          if (maker.sizeLots === 0) {
            book.remove(queue, maker);
            sink.done(++this.seq, symbol, timeUs, maker.orderId, maker.ownerId, 'filled', maker.filledLots);
            book.pool.release(maker);
          }
        }
        maker = next;
      }
      if (touched) this.publish(opposite, queue);
      if (stopped) break;
      queue = opposite.best;
    }
    book.tradeCount = this.tradeId;
    this.takerStopped = stopped;
    return remainingLots;
  }

  /** The taker's last events when it will not rest: `done` (filled), or `cancelled` + `done`. */
  private finishTaker(orderId: string, ownerId: string, remainingLots: number, filledLots: number, reason: CancelReason): void {
    if (remainingLots === 0) {
      this.sink.done(++this.seq, this.symbol, this.timeUs, orderId, ownerId, 'filled', filledLots);
      return;
    }
    this.sink.cancelled(++this.seq, this.symbol, this.timeUs, orderId, ownerId, reason, remainingLots);
    this.sink.done(++this.seq, this.symbol, this.timeUs, orderId, ownerId, 'cancelled', filledLots);
  }

  /**
   * Takes a resting order out with `cancelled` + `done` and recycles its node (publish its level
   * afterwards; do not touch the order after this).
   */
  private cancelResting(queue: LevelQueue, order: RestingOrder, reason: CancelReason): void {
    const book = this.orderBook;
    const cancelledLots = order.sizeLots;
    book.remove(queue, order);
    this.sink.cancelled(++this.seq, this.symbol, this.timeUs, order.orderId, order.ownerId, reason, cancelledLots);
    this.sink.done(++this.seq, this.symbol, this.timeUs, order.orderId, order.ownerId, 'cancelled', order.filledLots);
    book.pool.release(order);
  }

  /** Publishes a changed level to the btree and emits its `level` event. */
  private publish(side: BookSide, queue: LevelQueue): void {
    side.publish(queue);
    this.sink.level(++this.seq, this.symbol, this.timeUs, side.side, queue.priceTicks, queue.sizeLots, queue.orderCount);
  }

  /** The resting order a cancel or modify targets, or null after emitting UNKNOWN_ORDER / NOT_OWNER. */
  private findOwnedOrder(command: 'cancel' | 'modify', orderId: string, ownerId: string | undefined): RestingOrder | null {
    const order = this.orderBook.index.get(orderId);
    if (order === undefined) {
      this.reject(command, orderId, ownerId, 'UNKNOWN_ORDER', `orderId must be the id of a resting order (got "${orderId}")`);
      return null;
    }
    if (ownerId !== undefined && ownerId !== order.ownerId) {
      const message = `ownerId must be the owner of order ${orderId} (got "${ownerId}")`;
      this.reject(command, orderId, ownerId, 'NOT_OWNER', message);
      return null;
    }
    return order;
  }

  private reject(
    command: RejectedEvent['command'],
    orderId: unknown,
    ownerId: unknown,
    code: RejectCode,
    message: string,
  ): void {
    this.sink.rejected(
      ++this.seq,
      this.symbol,
      this.timeUs,
      typeof orderId === 'string' ? orderId : '',
      typeof ownerId === 'string' ? ownerId : '',
      command,
      code,
      message,
    );
  }
}
