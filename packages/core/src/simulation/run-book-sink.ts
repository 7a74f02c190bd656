// Where a run's book events go: the MatchingEngine calls this sink with each event's fields, and
// it folds them into the agents' accounts and the run's counters without an object per event.
// An event becomes an object only when something outside the run must see it: a market
// subscriber, an agent with an onEvent/onFill hook, or the recent-trades list (trades only).
//
// Outside code must see each event as the old object loop showed it: the accounts as of that
// event, after the command has been applied in full. So from the first event that someone must
// see, the rest of the command is kept as objects and delivered in order by `flush()` once the
// engine returns; events before it touched nobody's view, so applying them at once is the same.
import type { BookEvent, CancelReason, DoneEvent, RejectCode, RejectedEvent } from '../domain/events.js';
import type { OrderType, Side, TimeInForce } from '../domain/order.js';
import type { BookEventSink } from '../matching/book-event-sink.js';
import {
  acceptedEvent,
  cancelledEvent,
  doneEvent,
  levelEvent,
  modifiedEvent,
  rejectedEvent,
  tradeEvent,
} from '../matching/book-events.js';
import type { AccountRouter } from './account-router.js';
import type { AgentMember } from './agent-member.js';
import type { MarketState } from './market-state.js';
import type { MarketEvent } from './simulation-events.js';

/** Where a run sends market events; `listening` is false while nobody subscribes (events need no objects then). */
export interface MarketEventOut {
  readonly listening: boolean;
  emit(event: MarketEvent): void;
}

/** The run's BookEventSink: accounts and counters from the call arguments, objects only for those who need them. */
export class RunBookSink implements BookEventSink {
  /** Book events applied so far. */
  bookEvents = 0;
  /** `rejected` book events so far. */
  rejects = 0;
  /** Set when the command being applied traded; the run clears it before each command. */
  traded = false;
  private readonly members: ReadonlyMap<string, AgentMember>;
  private readonly market: MarketState;
  private readonly router: AccountRouter;
  private readonly out: MarketEventOut;
  /** True from the first event of the current command that someone outside must see. */
  private deferring = false;
  private readonly deferred: BookEvent[] = [];
  /** One-entry cache: a command's events mostly name the same owner (accepted, level, done). */
  private lastOwnerId = '';
  private lastMember: AgentMember | undefined = undefined;

  constructor(members: ReadonlyMap<string, AgentMember>, market: MarketState, router: AccountRouter, out: MarketEventOut) {
    this.members = members;
    this.market = market;
    this.router = router;
    this.out = out;
  }

  /** Delivers the events the last command kept as objects, in order. Call after each `processTo`. */
  flush(): void {
    if (!this.deferring) return;
    const deferred = this.deferred;
    for (let i = 0; i < deferred.length; i++) this.deliver(deferred[i]!);
    deferred.length = 0;
    this.deferring = false;
  }

  accepted(
    seq: number,
    symbol: string,
    timeUs: number,
    orderId: string,
    ownerId: string,
    side: Side,
    orderType: OrderType,
    timeInForce: TimeInForce,
    priceTicks: number,
    sizeLots: number,
  ): void {
    const member = this.memberOf(ownerId);
    if (this.mustDefer(member)) {
      this.defer(acceptedEvent(seq, symbol, timeUs, orderId, ownerId, side, orderType, timeInForce, priceTicks, sizeLots));
      return;
    }
    this.bookEvents++;
    if (member !== undefined) member.account.markResting(orderId);
  }

  rejected(
    seq: number,
    symbol: string,
    timeUs: number,
    orderId: string,
    ownerId: string,
    command: RejectedEvent['command'],
    code: RejectCode,
    message: string,
  ): void {
    const member = this.memberOf(ownerId);
    if (this.mustDefer(member)) {
      this.defer(rejectedEvent(seq, symbol, timeUs, command, orderId, ownerId, code, message));
      return;
    }
    this.bookEvents++;
    this.rejects++;
    if (member !== undefined && command === 'new') member.account.remove(orderId);
  }

  trade(
    seq: number,
    symbol: string,
    timeUs: number,
    tradeId: number,
    priceTicks: number,
    sizeLots: number,
    aggressor: Side,
    makerOrderId: string,
    makerOwnerId: string,
    takerOrderId: string,
    takerOwnerId: string,
  ): void {
    // Always an object: MarketState keeps the recent trades agents see.
    const event = tradeEvent(seq, symbol, timeUs, tradeId, priceTicks, sizeLots, aggressor, makerOrderId, makerOwnerId, takerOrderId, takerOwnerId);
    const maker = this.members.get(makerOwnerId);
    const taker = this.memberOf(takerOwnerId);
    if (this.deferring || this.out.listening || hasHooks(maker) || hasHooks(taker)) {
      this.defer(event);
      return;
    }
    this.bookEvents++;
    this.market.onTrade(event);
    this.traded = true;
    if (maker !== undefined) maker.account.applyFill(makerOrderId, aggressor === 'buy' ? 'sell' : 'buy', priceTicks, sizeLots);
    if (taker !== undefined) taker.account.applyFill(takerOrderId, aggressor, priceTicks, sizeLots);
  }

  cancelled(seq: number, symbol: string, timeUs: number, orderId: string, ownerId: string, reason: CancelReason, cancelledLots: number): void {
    const member = this.memberOf(ownerId);
    if (this.mustDefer(member)) {
      this.defer(cancelledEvent(seq, symbol, timeUs, orderId, ownerId, reason, cancelledLots));
      return;
    }
    this.bookEvents++;
    if (member !== undefined) member.account.reduce(orderId, cancelledLots);
  }

  modified(
    seq: number,
    symbol: string,
    timeUs: number,
    orderId: string,
    ownerId: string,
    priceTicks: number,
    sizeLots: number,
    keptPriority: boolean,
  ): void {
    const member = this.memberOf(ownerId);
    if (this.mustDefer(member)) {
      this.defer(modifiedEvent(seq, symbol, timeUs, orderId, ownerId, priceTicks, sizeLots, keptPriority));
      return;
    }
    this.bookEvents++;
    if (member !== undefined) member.account.modify(orderId, priceTicks, sizeLots);
  }

  done(seq: number, symbol: string, timeUs: number, orderId: string, ownerId: string, reason: DoneEvent['reason'], filledLots: number): void {
    const member = this.memberOf(ownerId);
    if (this.mustDefer(member)) {
      this.defer(doneEvent(seq, symbol, timeUs, orderId, ownerId, reason, filledLots));
      return;
    }
    this.bookEvents++;
    if (member !== undefined) member.account.remove(orderId);
  }

  level(seq: number, symbol: string, timeUs: number, side: Side, priceTicks: number, sizeLots: number, orderCount: number): void {
    if (this.deferring || this.out.listening) {
      this.defer(levelEvent(seq, symbol, timeUs, side, priceTicks, sizeLots, orderCount));
      return;
    }
    this.bookEvents++;
  }

  private memberOf(ownerId: string): AgentMember | undefined {
    if (ownerId === this.lastOwnerId) return this.lastMember;
    const member = this.members.get(ownerId);
    this.lastOwnerId = ownerId;
    this.lastMember = member;
    return member;
  }

  /** Whether an event naming `member` must be kept as an object (see the file comment). */
  private mustDefer(member: AgentMember | undefined): boolean {
    return this.deferring || this.out.listening || (member !== undefined && member.hasOnEvent);
  }

  private defer(event: BookEvent): void {
    this.deferring = true;
    this.deferred.push(event);
  }

  /** One event the way outside code sees it: counters and market, accounts and hooks, subscribers. */
  private deliver(event: BookEvent): void {
    this.bookEvents++;
    if (event.type === 'trade') {
      this.market.onTrade(event);
      this.traded = true;
    } else if (event.type === 'rejected') {
      this.rejects++;
    }
    this.router.route(event);
    this.out.emit(event);
  }
}

function hasHooks(member: AgentMember | undefined): boolean {
  return member !== undefined && (member.hasOnFill || member.hasOnEvent);
}
