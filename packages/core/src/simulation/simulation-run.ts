// One run of a market: the time engine, the matching engine, the agents with their accounts,
// and the loop that wakes agents and delivers their orders. MarketSimulation creates a new run
// at construction and at each reset.
//
// Per simulated instant: the agents waking then (in seeded random order) decide together on one
// immutable snapshot; their intents pass the pre-trade check and reach the book after their
// latency, each agent's in the order it sent them. At one instant, orders arriving come first
// (in sending order), then the wake-ups as one batch. Only instants with something to do exist:
// the time engine holds one timer, at the earliest agenda entry.
import type { Agent, AgentDecision, OrderIntent } from '../agent/agent.js';
import type { AgentAccount } from '../agent/agent-account.js';
import type { AgentLimits } from '../agent/agent-limits.js';
import { AgentPool } from '../agent/agent-pool.js';
import type { AgentIssue } from '../agent/agent-pool.js';
import { checkIntent, checkModifyOnArrival } from '../agent/intent-check.js';
import type { BookSnapshot } from '../book/book-snapshot.js';
import type { RejectCode } from '../domain/events.js';
import type { OrderCommand } from '../domain/order.js';
import { internedString } from '../domain/interned-string.js';
import { orderIdOf } from '../domain/order-id.js';
import { MatchingEngine } from '../matching/matching-engine.js';
import { TimeEngine } from '../time/time-engine.js';
import type { WallClock } from '../time/wall-clock.js';
import { AccountRouter } from './account-router.js';
import { Agenda } from './agenda.js';
import type { AgentMember } from './agent-member.js';
import { startMember } from './member-start.js';
import { CommandScratch, isIntent } from './intent-commands.js';
import { NEXT_TIE, NEXT_TIME, SKIPPED, skipIdleWakeups } from './idle-wakeups.js';
import { DISABLED, IN_FLIGHT, MemberTable, SKIPS_IDLE, UNASKED } from './member-table.js';
import { MarketState } from './market-state.js';
import { RateMeter } from './rate-meter.js';
import { RunBookSink } from './run-book-sink.js';
import type { MarketEventOut } from './run-book-sink.js';
import type { ResolvedSimulationOptions } from './simulation-options.js';
import { WakeupTable } from './wakeup-table.js';

/** Where a run sends what it produces; `listening` is false while no market subscriber would see `emit`. */
export interface RunSink extends MarketEventOut {
  issue(issue: AgentIssue): void;
}

/** Read the wall clock for the events/s meter once per this many instants (a clock read costs more than an instant). */
const METER_EVERY_INSTANTS = 256;
/** No re-arm pending in a batch slot: the agent's wake-up was re-queued when collected. */
const REQUEUED = -1;

/** Intents of one decision on their way to the book. */
interface Arrival {
  /** The sending agent's index (its member record is read only when an intent is refused on arrival). */
  readonly index: number;
  /** In the order the agent gave them. */
  readonly intents: readonly OrderIntent[];
  /** The order ids assigned to the intents at decision time. */
  readonly orderIds: readonly string[];
}

/** The state and loop of one run. */
export class SimulationRun {
  readonly engine: TimeEngine;
  readonly matching: MatchingEngine;
  readonly market: MarketState;
  readonly members: readonly AgentMember[];
  readonly byId: ReadonlyMap<string, AgentMember>;
  readonly meter = new RateMeter();
  events = 0;
  wakeups = 0;
  decisions = 0;
  missedWakeups = 0;
  intents = 0;
  orders = 0;
  limitRejects = 0;
  agentErrors = 0;
  agentTimeouts = 0;
  /** Counted as the pool disables them, so stats() need not scan thousands of agents. */
  disabledAgents = 0;
  tickers = 0;
  private readonly options: ResolvedSimulationOptions;
  private readonly clock: WallClock;
  private readonly sink: RunSink;
  private readonly agenda = new Agenda<Arrival>();
  private readonly table: WakeupTable;
  private readonly memberTable: MemberTable;
  /** members[i].agent and .account by agent index: a wake-up reaches them without the member record. */
  private readonly agents: readonly Agent[];
  private readonly accounts: readonly AgentAccount[];
  /** Agent ids by index, interned (see internedString): the owner id of every order the agent sends. */
  private readonly ownerIds: readonly string[];
  private readonly pool: AgentPool;
  private readonly router: AccountRouter;
  private readonly batch: AgentMember[] = [];
  /** Agent index per batch slot: applying a decision reads typed arrays by index, not the cold member record. */
  private readonly batchIndexes: Int32Array;
  private readonly batchAgents: Agent[] = [];
  private readonly batchAccounts: AgentAccount[] = [];
  private readonly decisionsOut: AgentDecision[] = [];
  private readonly bookSink: RunBookSink;
  private readonly commands = new CommandScratch();
  private snapshotCache: BookSnapshot | null = null;
  private snapshotSeq = -1;
  private lastTickerSeq = 0;
  private instants = 0;
  private autoIdCount = 0;
  /** false once the run is replaced or stopped: late async continuations must not touch it. */
  private live = true;
  /**
   * Latest wake-up time an agent may skip (see Agent.skipWakeup): runUntil sets its target, so
   * the wake-up counters are exact when it returns (skipped wake-ups are counted as they are
   * skipped); step sets the current time (no skipping); live runs skip without bound.
   */
  skipHorizonUs = Number.POSITIVE_INFINITY;
  /** Per batch slot: the next wake-up drawn at collection for an agent re-armed after its decision, or REQUEUED. */
  private readonly batchNextUs: number[] = [];
  private readonly batchNextTies: number[] = [];
  /** Time and tie of the wake-up a re-arm queues (skipIdleWakeups' answer). */
  private readonly rearmNext = new Float64Array(3);

  constructor(options: ResolvedSimulationOptions, clock: WallClock, sink: RunSink) {
    this.options = options;
    this.clock = clock;
    this.sink = sink;
    this.engine = new TimeEngine({ mode: options.mode, speed: options.speedMultiplier, startTimeUs: options.startTimeUs, clock });
    this.matching = new MatchingEngine({ instrument: options.instrument });
    this.market = new MarketState(options.instrument.symbol, options.recentTradesLimit);
    this.pool = new AgentPool(
      { decisionTimeoutMs: options.decisionTimeoutMs, maxFailures: options.maxAgentFailures, clock },
      (issue) => this.onIssue(issue),
    );
    this.table = new WakeupTable(options.agents.length);
    this.memberTable = new MemberTable(options.agents.length);
    this.batchIndexes = new Int32Array(options.agents.length);
    const setup = { options, table: this.table, memberTable: this.memberTable, sharedLimits: new Map<string, AgentLimits>() };
    const members = options.agents.map((agent, index) => startMember(agent, index, setup));
    this.members = members;
    this.agents = members.map((member) => member.agent);
    this.accounts = members.map((member) => member.account);
    this.ownerIds = members.map((member) => internedString(member.agent.id));
    this.byId = new Map(members.map((member) => [member.agent.id, member]));
    this.router = new AccountRouter(this.byId, (member, timeUs, hook, error) =>
      this.pool.recordFailure(member, timeUs, `${hook} threw ${error instanceof Error ? error.message : String(error)}`, error),
    );
    const indexById = new Map(members.map((member) => [this.ownerIds[member.index]!, member.index]));
    this.bookSink = new RunBookSink({ indexById, accounts: this.accounts, table: this.memberTable }, this.market, this.router, sink);
    const table = this.table;
    for (const member of members) this.agenda.pushWakeup(member.index, table.nextWakeUs(member.index), table.nextUint32(member.index));
    this.scheduleDriver();
    this.engine.every(options.tickerIntervalUs, (timeUs) => this.onTickerTimer(timeUs));
  }

  /** Book events applied so far. */
  get bookEvents(): number {
    return this.bookSink.bookEvents;
  }

  /** Commands the book rejected so far. */
  get rejects(): number {
    return this.bookSink.rejects;
  }

  /** Ends the run: pending timers are dropped and late async answers are ignored. */
  close(): void {
    this.live = false;
    this.engine.stop();
  }

  /** The book as agents see it, cached until the book changes. */
  snapshot(): BookSnapshot {
    const seq = this.matching.lastSeq;
    if (this.snapshotCache === null || this.snapshotSeq !== seq) {
      this.snapshotCache = this.matching.snapshot();
      this.snapshotSeq = seq;
    }
    return this.snapshotCache;
  }

  private onIssue(issue: AgentIssue): void {
    if (issue.type === 'agent-error') this.agentErrors++;
    else if (issue.type === 'agent-timeout') this.agentTimeouts++;
    else if (issue.type === 'agent-disabled') this.disabledAgents++;
    this.sink.issue(issue);
  }

  /** Points the engine's single driver timer at the earliest agenda entry. */
  private scheduleDriver(): void {
    const nextUs = this.agenda.peekTimeUs();
    if (nextUs !== Number.POSITIVE_INFINITY && this.live) this.engine.at(nextUs, this.drive);
  }

  private readonly drive = (timeUs: number): void | Promise<void> => {
    if ((++this.instants & (METER_EVERY_INSTANTS - 1)) === 0) this.meter.sample(this.clock.nowMs(), this.events);
    return this.runInstant(timeUs);
  };

  /** Runs everything due at `timeUs`; returns a promise only while async agents are deciding. */
  private runInstant(timeUs: number): void | Promise<void> {
    const agenda = this.agenda;
    while (agenda.peekTimeUs() === timeUs) {
      if (!agenda.peekIsWakeup()) {
        this.arrive(agenda.popArrival(), timeUs);
        continue;
      }
      const count = this.collectWakeups(timeUs);
      if (count === 0) continue;
      const pending = this.pool.decide(this.batch, this.batchAgents, this.batchAccounts, count, this.market.marketData(this.matching.book, timeUs, this.options.startTimeUs), this.snapshot(), this.decisionsOut);
      if (pending !== undefined) {
        return pending.then(() => {
          if (!this.live) return undefined;
          this.applyDecisions(count, timeUs);
          return this.runInstant(timeUs);
        });
      }
      this.applyDecisions(count, timeUs);
    }
    this.scheduleDriver();
    return undefined;
  }

  /** Pops the wake-ups due at `timeUs` (consecutive in agenda order) into the batch; re-arms each agent. */
  private collectWakeups(timeUs: number): number {
    const agenda = this.agenda;
    const table = this.table;
    const { flags, wakeups, missedWakeups } = this.memberTable;
    const members = this.members;
    const batch = this.batch;
    const batchAgents = this.batchAgents;
    const batchAccounts = this.batchAccounts;
    let count = 0;
    // Reads only typed arrays and pointer arrays: the agent's own objects wait for its decision.
    while (agenda.peekTimeUs() === timeUs && agenda.peekIsWakeup()) {
      const index = agenda.peekWakeup();
      const flag = flags[index]!;
      if ((flag & DISABLED) !== 0) {
        agenda.popWakeup();
        continue;
      }
      wakeups[index]++;
      this.wakeups++;
      this.events++;
      table.advanceWake(index);
      const nextUs = table.lastWakeUs(index);
      const nextTie = table.nextUint32(index);
      if ((flag & IN_FLIGHT) !== 0) {
        agenda.requeueTopWakeup(nextUs, nextTie);
        missedWakeups[index]++;
        this.missedWakeups++;
        continue;
      }
      if ((flag & SKIPS_IDLE) !== 0) {
        // Queued after the decision (rearm), past the wake-ups the agent then sits out.
        agenda.popWakeup();
        if ((flag & UNASKED) !== 0) {
          flags[index] = flag & ~UNASKED;
          // Cut off by an earlier runUntil target: offered now, as the skip loop would have.
          if (timeUs <= this.skipHorizonUs && this.sitsOut(index, timeUs)) {
            this.decisions++;
            this.rearm(index, nextUs, nextTie);
            continue;
          }
          // A skipWakeup that threw may have disabled the agent.
          if ((flags[index]! & DISABLED) !== 0) continue;
        }
        this.batchNextUs[count] = nextUs;
        this.batchNextTies[count] = nextTie;
      } else {
        agenda.requeueTopWakeup(nextUs, nextTie);
        this.batchNextUs[count] = REQUEUED;
      }
      this.decisions++;
      batch[count] = members[index]!;
      this.batchIndexes[count] = index;
      batchAgents[count] = this.agents[index]!;
      batchAccounts[count] = this.accounts[index]!;
      count++;
    }
    return count;
  }

  private applyDecisions(count: number, timeUs: number): void {
    const indexes = this.batchIndexes;
    const flags = this.memberTable.flags;
    const decisions = this.decisionsOut;
    for (let i = 0; i < count; i++) {
      const decision = decisions[i];
      decisions[i] = undefined;
      const index = indexes[i]!;
      if (decision !== undefined && decision.length > 0 && (flags[index]! & DISABLED) === 0) this.dispatch(index, decision, timeUs);
      // After dispatch: its latency draw precedes the next wake-up draws in the scheduling stream.
      if (this.batchNextUs[i] !== REQUEUED) this.rearm(index, this.batchNextUs[i]!, this.batchNextTies[i]!);
    }
  }

  /** Queues the next wake-up of an agent with skipWakeup: `nextUs` or the first later one it does not sit out. */
  private rearm(index: number, nextUs: number, nextTie: number): void {
    const flags = this.memberTable.flags;
    if ((flags[index]! & DISABLED) !== 0) return;
    const next = this.rearmNext;
    next[NEXT_TIME] = nextUs;
    next[NEXT_TIE] = nextTie;
    next[SKIPPED] = 0;
    // An async decision still running after its timeout: the agent is not asked until it ends.
    if ((flags[index]! & IN_FLIGHT) === 0) {
      try {
        skipIdleWakeups(this.agents[index]!, index, this.table, this.skipHorizonUs, next);
      } catch (error) {
        this.pool.recordFailure(this.members[index]!, next[NEXT_TIME]!, `skipWakeup threw ${error instanceof Error ? error.message : String(error)}`, error);
      }
    }
    const skipped = next[SKIPPED]!;
    // Stopped by the horizon, not by the agent: that wake-up is offered again when it is due, so
    // a run cut into many runUntil pieces wakes its agents no more often than one long run.
    if (next[NEXT_TIME]! > this.skipHorizonUs && (flags[index]! & IN_FLIGHT) === 0) flags[index] = flags[index]! | UNASKED;
    this.memberTable.wakeups[index] += skipped;
    this.wakeups += skipped;
    this.decisions += skipped;
    this.events += skipped;
    this.agenda.pushWakeup(index, next[NEXT_TIME]!, next[NEXT_TIE]!);
  }

  /** Whether agent `index` sits out its wake-up at `timeUs`; a throwing skipWakeup counts as no, and as a failure. */
  private sitsOut(index: number, timeUs: number): boolean {
    try {
      return this.agents[index]!.skipWakeup!(timeUs);
    } catch (error) {
      this.pool.recordFailure(this.members[index]!, timeUs, `skipWakeup threw ${error instanceof Error ? error.message : String(error)}`, error);
      return false;
    }
  }

  /**
   * Checks a decision's intents against the agent's account and sends the accepted ones on their
   * way. Reads the agent's account and typed rows by index: its member record stays cold unless an
   * intent is refused.
   */
  private dispatch(index: number, decision: readonly OrderIntent[], timeUs: number): void {
    let intents: OrderIntent[] | null = null;
    let orderIds: string[] | null = null;
    const account = this.accounts[index]!;
    const intentCounts = this.memberTable.intents;
    for (let i = 0; i < decision.length; i++) {
      const intent = decision[i];
      intentCounts[index]++;
      this.intents++;
      if (!isIntent(intent)) {
        this.refuse(this.members[index]!, timeUs, 'new', '', 'INVALID_ORDER', `intent ${i} must be a new, cancel or modify intent object (got ${JSON.stringify(intent)})`);
        continue;
      }
      const orderId = intent.type === 'new' ? (intent.orderId ?? orderIdOf(this.agents[index]!.id, '#', ++this.autoIdCount)) : intent.orderId;
      const refusal = checkIntent(account, intent, orderId);
      if (refusal !== null) {
        this.refuse(this.members[index]!, timeUs, intent.type, orderId, refusal.code, refusal.message);
        continue;
      }
      if (intent.type === 'new') {
        const orderType = intent.orderType === 'market' ? 'market' : 'limit';
        account.addPending(orderId, intent.side, orderType, intent.priceTicks ?? 0, intent.sizeLots, timeUs);
      }
      // Literals for the first: most decisions send one intent, and `[]` + push reserves 17 slots.
      if (intents === null || orderIds === null) {
        intents = [intent];
        orderIds = [orderId];
      } else {
        intents.push(intent);
        orderIds.push(orderId);
      }
    }
    if (intents === null || orderIds === null) return;
    let arrivalUs = timeUs + this.table.latencyUs(index);
    // One connection per agent: its orders never overtake each other.
    const lastArrivalUs = this.memberTable.lastArrivalUs;
    if (arrivalUs < lastArrivalUs[index]!) arrivalUs = lastArrivalUs[index]!;
    lastArrivalUs[index] = arrivalUs;
    // Tie 0: arrivals come before the wake-ups of their instant and keep their sending order.
    this.agenda.pushArrival({ index, intents, orderIds }, arrivalUs, 0);
  }

  private refuse(member: AgentMember, timeUs: number, command: 'new' | 'cancel' | 'modify', orderId: string, code: RejectCode, message: string): void {
    member.limitRejects++;
    this.limitRejects++;
    if (!member.hasOnEvent) return;
    const symbol = this.options.instrument.symbol;
    this.router.notify(member, { type: 'rejected', source: 'agent-limits', symbol, timeUs, orderId, ownerId: member.agent.id, command, code, message });
  }

  /** Intents of one decision reach the book. */
  private arrive(arrival: Arrival, timeUs: number): void {
    const { intents, orderIds, index } = arrival;
    const ownerId = this.ownerIds[index]!;
    this.bookSink.expectSender(ownerId, index);
    const stp = this.options.selfTradePrevention;
    for (let i = 0; i < intents.length; i++) {
      const intent = intents[i]!;
      if (intent.type === 'modify') {
        const refusal = checkModifyOnArrival(this.accounts[index]!, intent.orderId, intent.sizeLots);
        if (refusal !== null) {
          this.events++;
          this.refuse(this.members[index]!, timeUs, 'modify', intent.orderId, refusal.code, refusal.message);
          continue;
        }
      }
      this.process(this.commands.toCommand(intent, orderIds[i]!, ownerId, timeUs, stp), timeUs);
    }
  }

  /** One command through the book: events to accounts and subscribers, then the ticker if it traded. */
  private process(command: OrderCommand, timeUs: number): void {
    const sink = this.bookSink;
    this.orders++;
    this.events++;
    sink.traded = false;
    this.matching.processTo(command, sink);
    sink.flush();
    this.market.observeSpread(this.matching.book);
    if (sink.traded && this.options.tickerOnTrade) this.publishTicker(timeUs);
  }

  private onTickerTimer(timeUs: number): void {
    if (this.matching.lastSeq !== this.lastTickerSeq) this.publishTicker(timeUs);
  }

  private publishTicker(timeUs: number): void {
    const book = this.matching.book;
    this.lastTickerSeq = book.seq;
    this.tickers++;
    this.sink.emit({ type: 'ticker', symbol: book.symbol, timeUs, bookSeq: book.seq, ticker: this.market.tickerAt(book, timeUs) });
  }
}
