import { createHash } from 'node:crypto';
import { MarketSimulation } from '@marksim/core';
import type { Agent, AgentContext, AgentDecision, AgentIssue, MarketData, OrderIntent, SimulationStats, WakeupModel } from '@marksim/core';
import { MAX_SKIPPED_WAKEUPS } from '../../src/simulation/idle-wakeups.js';

/**
 * Trades with probability 0.1 per wake-up, from its own stream; with `skips` it also answers
 * skipWakeup by making that wake-up's draw ahead of time, the way NoiseTraderAgent does.
 */
class SometimesAgent implements Agent {
  readonly id: string;
  readonly wakeup: WakeupModel = { kind: 'poisson', meanIntervalUs: 20_000 };
  skipWakeup?: (timeUs: number) => boolean;
  decisionCalls = 0;
  private context: AgentContext | undefined;
  private drawn = false;
  private count = 0;

  constructor(id: string, skips: boolean) {
    this.id = id;
    if (skips) {
      this.skipWakeup = () => {
        if (this.context!.random.next() >= 0.1) return true;
        this.drawn = true;
        return false;
      };
    }
  }

  onStart(context: AgentContext): void {
    this.context = context;
    this.drawn = false;
    this.count = 0;
  }

  generateOrders(marketData: MarketData): AgentDecision {
    this.decisionCalls++;
    const random = this.context!.random;
    const trades = this.drawn || random.next() < 0.1;
    this.drawn = false;
    if (!trades) return undefined;
    const reference = marketData.ticker.lastPriceTicks || this.context!.initialPriceTicks;
    const side = random.next() < 0.5 ? 'buy' : 'sell';
    const intent: OrderIntent =
      random.next() < 0.3
        ? { type: 'new', side, orderType: 'market', sizeLots: 1 + random.int(0, 5), orderId: `${this.id}-${++this.count}` }
        : { type: 'new', side, priceTicks: reference + (side === 'buy' ? -1 : 1) * random.int(0, 20), sizeLots: 1 + random.int(0, 5), orderId: `${this.id}-${++this.count}` };
    return [intent];
  }
}

/** Always sits out, and counts how often it is really woken. */
class SleeperAgent implements Agent {
  readonly id = 'sleeper';
  readonly wakeup: WakeupModel;
  decisionCalls = 0;
  constructor(intervalUs: number) {
    this.wakeup = { kind: 'fixed', intervalUs };
  }
  generateOrders(): AgentDecision {
    this.decisionCalls++;
    return undefined;
  }
  skipWakeup(): boolean {
    return true;
  }
}

type Counters = Pick<SimulationStats, 'events' | 'wakeups' | 'decisions' | 'orders' | 'trades'>;

/** Ten SometimesAgents for 10 simulated seconds, in `pieces` runFor calls; counters after each quarter. */
async function run(skips: boolean, pieces = 4): Promise<{ hash: string; counters: Counters[]; calls: number }> {
  const agents = Array.from({ length: 10 }, (_, i) => new SometimesAgent(`s${i}`, skips));
  const simulation = new MarketSimulation({ agents, mode: 'fast', seed: 5, latency: { baseUs: 100, jitterUs: 900 } });
  const hash = createHash('sha256');
  simulation.subscribe((event) => hash.update(JSON.stringify(event)));
  const counters: Counters[] = [];
  for (let i = 0; i < pieces; i++) {
    await simulation.runFor(10_000_000 / pieces);
    if ((i + 1) % (pieces / 4) !== 0 && pieces >= 4) continue;
    const { events, wakeups, decisions, orders, trades } = simulation.stats();
    counters.push({ events, wakeups, decisions, orders, trades });
  }
  return { hash: hash.digest('hex'), counters, calls: agents.reduce((sum, agent) => sum + agent.decisionCalls, 0) };
}

describe('idle wake-ups (Agent.skipWakeup)', () => {
  it('gives the same event log and the same counters as waking the agents every time', async () => {
    const woken = await run(false);
    const skipping = await run(true);
    expect(woken.counters[3]!.trades).toBeGreaterThan(50);
    expect(skipping.hash).toBe(woken.hash);
    // Exact after each runFor: skipping never goes past its target.
    expect(skipping.counters).toEqual(woken.counters);
    expect(skipping.calls).toBeLessThan(woken.calls / 3);
  });

  it('does not skip past the end of runFor, nor while stepping', async () => {
    const sleeper = new SleeperAgent(100_000);
    const simulation = new MarketSimulation({ agents: [sleeper], mode: 'fast', seed: 1 });
    await simulation.runFor(1_000_000);
    expect(simulation.stats()).toMatchObject({ wakeups: 10, decisions: 10 });
    // Woken for real at the first wake-up only: the one the target cut off is offered when due.
    expect(sleeper.decisionCalls).toBe(1);
    await simulation.runFor(1_000_000);
    expect(simulation.stats()).toMatchObject({ wakeups: 20, decisions: 20 });
    expect(sleeper.decisionCalls).toBe(1);
    await simulation.step(3);
    expect(sleeper.decisionCalls).toBe(4);
    expect(simulation.stats().wakeups).toBe(23);
    // After stepping, the next runFor offers its first wake-up again.
    await simulation.runFor(1_000_000);
    expect(simulation.stats().wakeups).toBe(33);
    expect(sleeper.decisionCalls).toBe(4);
  });

  it('wakes agents no more often when a run is cut into many runFor pieces', async () => {
    const piecewise = await run(true, 100);
    const whole = await run(true, 1);
    expect(piecewise.hash).toBe(whole.hash);
    expect(piecewise.counters.at(-1)).toEqual(whole.counters.at(-1));
    expect(piecewise.calls).toBe(whole.calls);
  });

  it('reports a skipWakeup that throws when offered a cut-off wake-up, and wakes the agent instead', async () => {
    const sleeper = new SleeperAgent(100_000);
    const simulation = new MarketSimulation({ agents: [sleeper], mode: 'fast', seed: 1, maxAgentFailures: 100 });
    const issues: AgentIssue[] = [];
    simulation.onAgentIssue((issue) => issues.push(issue));
    await simulation.runFor(1_000_000);
    sleeper.skipWakeup = () => {
      throw new Error('cannot tell');
    };
    // Wake-ups at 0.1 s, 0.2 s, … after the start: the one at 1.1 s was cut off by the first target.
    await simulation.runFor(150_000);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ type: 'agent-error', agentId: 'sleeper', message: 'skipWakeup threw cannot tell', timeUs: simulation.options.startTimeUs + 1_100_000 });
    expect(sleeper.decisionCalls).toBe(2);
    expect(simulation.stats()).toMatchObject({ wakeups: 11, decisions: 11 });
  });

  it('still wakes an agent that always sits out once every MAX_SKIPPED_WAKEUPS wake-ups', async () => {
    const sleeper = new SleeperAgent(1);
    const simulation = new MarketSimulation({ agents: [sleeper], mode: 'fast', seed: 1 });
    await simulation.runFor(3 * (MAX_SKIPPED_WAKEUPS + 1));
    expect(simulation.stats().wakeups).toBe(3 * (MAX_SKIPPED_WAKEUPS + 1));
    expect(sleeper.decisionCalls).toBe(3);
  });

  it('reports a throwing skipWakeup as an agent error and wakes the agent instead', async () => {
    const sleeper = new SleeperAgent(100_000);
    sleeper.skipWakeup = () => {
      throw new Error('cannot tell');
    };
    const simulation = new MarketSimulation({ agents: [sleeper], mode: 'fast', seed: 1, maxAgentFailures: 100 });
    const issues: AgentIssue[] = [];
    simulation.onAgentIssue((issue) => issues.push(issue));
    await simulation.runFor(500_000);
    expect(sleeper.decisionCalls).toBe(5);
    // Asked after each decision but the last, whose next wake-up lies past the target.
    expect(issues).toHaveLength(4);
    expect(issues[0]).toMatchObject({ type: 'agent-error', agentId: 'sleeper', message: 'skipWakeup threw cannot tell' });
  });
});
