// The agent pool (the seed's AsyncAgentPool): runs the decisions of agents that wake at the same
// instant. Sync agents run inline; async agents run concurrently, each bounded by a wall-time
// timeout. A throwing or malformed agent is isolated and, after `maxFailures`, disabled. The
// caller applies the decisions in batch order, so completion order never matters.
import type { BookSnapshot } from '../book/book-snapshot.js';
import type { Agent, AgentDecision, MarketData } from './agent.js';
import type { AgentAccountView } from './agent-account.js';
import type { WallClock } from '../time/wall-clock.js';

/** Something that went wrong with one agent; the market went on. */
export interface AgentIssue {
  readonly type: 'agent-error' | 'agent-timeout' | 'agent-disabled';
  readonly agentId: string;
  /** Simulated time of the wake-up. */
  readonly timeUs: number;
  readonly message: string;
  /** What the agent threw (agent-error only). */
  readonly error?: unknown;
}

/** Pool settings. */
export interface AgentPoolOptions {
  /** Wall-time budget of one async decision, ms; a late answer is dropped (the agent misses its turn). */
  readonly decisionTimeoutMs: number;
  /** Errors (throws, rejections, malformed answers) after which an agent is disabled. */
  readonly maxFailures: number;
  /** Wall clock for the timeout (systemClock in production, a ManualClock in tests). */
  readonly clock: WallClock;
}

/** An agent with its pool bookkeeping. The simulation owns these; the pool updates the counters. */
export interface PoolMember {
  readonly agent: Agent;
  readonly account: AgentAccountView;
  failures: number;
  timeouts: number;
  disabled: boolean;
  /** An async decision is still running (after a timeout): the agent sits out its wake-ups. */
  inFlight: boolean;
}

const NO_INTENTS: AgentDecision = undefined;

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function isThenable(value: unknown): value is PromiseLike<AgentDecision> {
  return value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function';
}

/** Runs batches of decisions with timeout, isolation and disabling. */
export class AgentPool {
  private readonly options: AgentPoolOptions;
  private readonly report: (issue: AgentIssue) => void;

  constructor(options: AgentPoolOptions, report: (issue: AgentIssue) => void) {
    this.options = options;
    this.report = report;
  }

  /**
   * Decides for `members[0..count)`, writing each answer to `decisions[i]` (undefined when the
   * agent had nothing to say, failed or timed out). Returns a promise only if an agent answered
   * asynchronously; the promise settles when every async answer arrived or timed out.
   * `agents[i]` and `accounts[i]` are `members[i].agent` and `.account`, passed alongside so a
   * plain decision never reads the member record (a cache miss per agent with thousands of them).
   */
  decide(
    members: readonly PoolMember[],
    agents: readonly Agent[],
    accounts: readonly AgentAccountView[],
    count: number,
    marketData: MarketData,
    book: BookSnapshot,
    decisions: AgentDecision[],
  ): void | Promise<void> {
    let pending: Promise<void>[] | null = null;
    for (let i = 0; i < count; i++) {
      decisions[i] = NO_INTENTS;
      let answer: AgentDecision | Promise<AgentDecision>;
      try {
        answer = agents[i]!.generateOrders(marketData, book, accounts[i]!);
      } catch (error) {
        this.recordFailure(members[i]!, marketData.timeUs, `generateOrders threw ${describe(error)}`, error);
        continue;
      }
      if (answer === undefined) continue;
      if (isThenable(answer)) {
        pending ??= [];
        pending.push(this.awaitAnswer(members[i]!, answer, i, marketData.timeUs, decisions));
      } else {
        decisions[i] = this.checkAnswer(members[i]!, answer, marketData.timeUs);
      }
    }
    if (pending === null) return undefined;
    return Promise.all(pending).then(() => undefined);
  }

  private awaitAnswer(
    member: PoolMember,
    answer: PromiseLike<AgentDecision>,
    index: number,
    timeUs: number,
    decisions: AgentDecision[],
  ): Promise<void> {
    member.inFlight = true;
    return new Promise<void>((resolve) => {
      let timedOut = false;
      const timer = this.options.clock.setTimer(() => {
        timedOut = true;
        member.timeouts++;
        this.report({
          type: 'agent-timeout',
          agentId: member.agent.id,
          timeUs,
          message: `generateOrders took longer than ${this.options.decisionTimeoutMs} ms of wall time; its answer is dropped`,
        });
        resolve();
      }, this.options.decisionTimeoutMs);
      answer.then(
        (value) => {
          member.inFlight = false;
          if (timedOut) return;
          this.options.clock.clearTimer(timer);
          decisions[index] = this.checkAnswer(member, value, timeUs);
          resolve();
        },
        (error: unknown) => {
          member.inFlight = false;
          if (timedOut) return;
          this.options.clock.clearTimer(timer);
          this.recordFailure(member, timeUs, `generateOrders rejected with ${describe(error)}`, error);
          resolve();
        },
      );
    });
  }

  private checkAnswer(member: PoolMember, answer: unknown, timeUs: number): AgentDecision {
    if (answer === undefined || answer === null) return NO_INTENTS;
    if (Array.isArray(answer)) return answer as AgentDecision;
    this.recordFailure(member, timeUs, `generateOrders must return an array of intents or nothing (got ${typeof answer})`, undefined);
    return NO_INTENTS;
  }

  /** Counts one failure of `member` (also for hook errors found by the caller), disabling it at maxFailures. */
  recordFailure(member: PoolMember, timeUs: number, message: string, error: unknown): void {
    member.failures++;
    this.report({ type: 'agent-error', agentId: member.agent.id, timeUs, message, error });
    if (!member.disabled && member.failures >= this.options.maxFailures) {
      member.disabled = true;
      this.report({
        type: 'agent-disabled',
        agentId: member.agent.id,
        timeUs,
        message: `disabled after ${member.failures} failures (maxFailures ${this.options.maxFailures})`,
      });
    }
  }
}
