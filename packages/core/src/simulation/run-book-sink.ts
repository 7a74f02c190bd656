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
import type { AgentAccount } from '../agent/agent-account.js';
import { HAS_ON_EVENT, HAS_ON_FILL } from './member-table.js';
import type { MemberTable } from './member-table.js';
import type { MarketState } from './market-state.js';
import type { MarketEvent } from './simulation-events.js';

/** An owner id that names no agent of the run. */
const NO_AGENT = -1;

/** The run's agents as the sink reads them: by index. */
export interface RunAgents {
  readonly indexById: ReadonlyMap<string, number>;
  readonly accounts: readonly AgentAccount[];
  /** Hook flags (HAS_ON_EVENT, HAS_ON_FILL) by index. */
  readonly table: MemberTable;
}

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
  /** Agent index by id; accounts and hook flags are read by index, never through the member record. */
  private readonly indexById: ReadonlyMap<string, number>;
  private readonly accounts: readonly AgentAccount[];
  private readonly flags: Uint8Array;
  private readonly market: MarketState;
  private readonly router: AccountRouter;
  private readonly out: MarketEventOut;
  /** True from the first event of the current command that someone outside must see. */
  private deferring = false;
  private readonly deferred: BookEvent[] = [];
  /** The sender of the command being applied: most of its events name it (accepted, done, cancelled). */
  private senderId = '';
  private sender = NO_AGENT;
  /** The last other owner looked up: a maker's `done` follows its `trade`. */
  private lastOwnerId = '';
  private lastOwner = NO_AGENT;

  constructor(agents: RunAgents, market: MarketState, router: AccountRouter, out: MarketEventOut) {
    this.indexById = agents.indexById;
    this.accounts = agents.accounts;
    this.flags = agents.table.flags;
    this.market = market;
    this.router = router;
    this.out = out;
  }

  /** Names the sender of the next command, so its events need no lookup among thousands of agents. */
  expectSender(ownerId: string, index: number): void {
    this.senderId = ownerId;
    this.sender = index;
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
    const owner = this.ownerOf(ownerId);
    if (this.mustDefer(owner)) {
      this.defer(acceptedEvent(seq, symbol, timeUs, orderId, ownerId, side, orderType, timeInForce, priceTicks, sizeLots));
      return;
    }
    this.bookEvents++;
    if (owner !== NO_AGENT) this.accounts[owner]!.markResting(orderId);
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
    const owner = this.ownerOf(ownerId);
    if (this.mustDefer(owner)) {
      this.defer(rejectedEvent(seq, symbol, timeUs, command, orderId, ownerId, code, message));
      return;
    }
    this.bookEvents++;
    this.rejects++;
    if (owner !== NO_AGENT && command === 'new') this.accounts[owner]!.remove(orderId);
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
    const maker = this.ownerOf(makerOwnerId);
    const taker = this.ownerOf(takerOwnerId);
    if (this.deferring || this.out.listening || this.hasHooks(maker) || this.hasHooks(taker)) {
      this.defer(event);
      return;
    }
    this.bookEvents++;
    this.market.onTrade(event);
    this.traded = true;
    if (maker !== NO_AGENT) this.accounts[maker]!.applyFill(makerOrderId, aggressor === 'buy' ? 'sell' : 'buy', priceTicks, sizeLots);
    if (taker !== NO_AGENT) this.accounts[taker]!.applyFill(takerOrderId, aggressor, priceTicks, sizeLots);
  }

  cancelled(seq: number, symbol: string, timeUs: number, orderId: string, ownerId: string, reason: CancelReason, cancelledLots: number): void {
    const owner = this.ownerOf(ownerId);
    if (this.mustDefer(owner)) {
      this.defer(cancelledEvent(seq, symbol, timeUs, orderId, ownerId, reason, cancelledLots));
      return;
    }
    this.bookEvents++;
    if (owner !== NO_AGENT) this.accounts[owner]!.reduce(orderId, cancelledLots);
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
    const owner = this.ownerOf(ownerId);
    if (this.mustDefer(owner)) {
      this.defer(modifiedEvent(seq, symbol, timeUs, orderId, ownerId, priceTicks, sizeLots, keptPriority));
      return;
    }
    this.bookEvents++;
    if (owner !== NO_AGENT) this.accounts[owner]!.modify(orderId, priceTicks, sizeLots);
  }

  done(seq: number, symbol: string, timeUs: number, orderId: string, ownerId: string, reason: DoneEvent['reason'], filledLots: number): void {
    const owner = this.ownerOf(ownerId);
    if (this.mustDefer(owner)) {
      this.defer(doneEvent(seq, symbol, timeUs, orderId, ownerId, reason, filledLots));
      return;
    }
    this.bookEvents++;
    if (owner !== NO_AGENT) this.accounts[owner]!.remove(orderId);
  }

  level(seq: number, symbol: string, timeUs: number, side: Side, priceTicks: number, sizeLots: number, orderCount: number): void {
    if (this.deferring || this.out.listening) {
      this.defer(levelEvent(seq, symbol, timeUs, side, priceTicks, sizeLots, orderCount));
      return;
    }
    this.bookEvents++;
  }

  /** The index of the agent `ownerId`, or NO_AGENT. */
  private ownerOf(ownerId: string): number {
    if (ownerId === this.senderId) return this.sender;
    if (ownerId === this.lastOwnerId) return this.lastOwner;
    const index = this.indexById.get(ownerId) ?? NO_AGENT;
    this.lastOwnerId = ownerId;
    this.lastOwner = index;
    return index;
  }

  /** Whether an event naming agent `owner` must be kept as an object (see the file comment). */
  private mustDefer(owner: number): boolean {
    return this.deferring || this.out.listening || (owner !== NO_AGENT && (this.flags[owner]! & HAS_ON_EVENT) !== 0);
  }

  private hasHooks(owner: number): boolean {
    return owner !== NO_AGENT && (this.flags[owner]! & (HAS_ON_EVENT | HAS_ON_FILL)) !== 0;
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
