import { MarketSimulation } from '@marksim/core';
import type { AgentAccountView, AgentContext, AgentDecision, AgentEvent, Fill, MarketData, OrderIntent, SimulationStats } from '@marksim/core';
import type { BookSnapshot } from '@marksim/core';

/** Sends, cancels and modifies orders from its own stream; optionally records its hooks. */
class BusyAgent {
  readonly id: string;
  readonly wakeup = { kind: 'poisson', meanIntervalUs: 40_000 } as const;
  readonly seen: string[] = [];
  onFill?: (fill: Fill, account: AgentAccountView) => void;
  onEvent?: (event: AgentEvent, account: AgentAccountView) => void;
  private context: AgentContext | undefined;
  private count = 0;

  constructor(id: string, hooked: boolean) {
    this.id = id;
    if (hooked) {
      // What a hook sees includes the account as of that event: the order of updates shows.
      this.onFill = (fill, account) => this.seen.push(`fill ${fill.orderId} ${fill.sizeLots} pos ${account.positionLots}`);
      this.onEvent = (event, account) => this.seen.push(`${event.type} ${'seq' in event ? event.seq : ''} open ${account.openOrders.size}`);
    }
  }

  onStart(context: AgentContext): void {
    this.context = context;
    this.count = 0;
  }

  generateOrders(marketData: MarketData, _book: BookSnapshot, account: AgentAccountView): AgentDecision {
    const random = this.context!.random;
    const reference = marketData.ticker.lastPriceTicks || this.context!.initialPriceTicks;
    const intents: OrderIntent[] = [];
    const open = [...account.openOrders.values()].filter((order) => order.state === 'resting');
    const roll = random.next();
    if (open.length > 0 && roll < 0.25) {
      intents.push({ type: 'cancel', orderId: open[random.int(0, open.length - 1)]!.orderId });
    } else if (open.length > 0 && roll < 0.4) {
      const order = open[random.int(0, open.length - 1)]!;
      intents.push({ type: 'modify', orderId: order.orderId, priceTicks: order.priceTicks + random.int(-20, 20), sizeLots: 1 + random.int(0, 10) });
    }
    const side = random.next() < 0.5 ? 'buy' : 'sell';
    const sizeLots = 1 + random.int(0, 20);
    const market = random.next() < 0.3;
    intents.push(
      market
        ? { type: 'new', side, orderType: 'market', sizeLots, orderId: `${this.id}-${++this.count}` }
        : { type: 'new', side, priceTicks: reference + (side === 'buy' ? -1 : 1) * random.int(-5, 30), sizeLots, orderId: `${this.id}-${++this.count}` },
    );
    return intents;
  }
}

interface Outcome {
  readonly stats: Omit<SimulationStats, 'wallMs' | 'eventsPerS'>;
  readonly accounts: unknown;
  readonly seen: string[][];
  readonly seq: number;
}

async function runMarket(options: { subscribe: 'never' | 'always' | 'sometimes'; hooked: boolean }): Promise<Outcome> {
  const agents = Array.from({ length: 10 }, (_, i) => new BusyAgent(`b${i}`, options.hooked && i % 3 === 0));
  const simulation = new MarketSimulation({ agents, mode: 'fast', seed: 5, latency: { baseUs: 100, jitterUs: 900 } });
  let unsubscribe: (() => void) | undefined;
  if (options.subscribe === 'always') simulation.subscribe(() => undefined);
  for (let second = 0; second < 6; second++) {
    if (options.subscribe === 'sometimes') {
      // On for odd seconds, off for even ones: runs switch between objects and calls mid-way.
      if (second % 2 === 1) unsubscribe = simulation.subscribe(() => undefined);
      else unsubscribe?.();
    }
    await simulation.runFor(1_000_000);
  }
  const { wallMs: _wallMs, eventsPerS: _eventsPerS, ...stats } = simulation.stats();
  return { stats, accounts: simulation.accounts(), seen: agents.map((agent) => agent.seen), seq: simulation.snapshot().seq };
}

describe('RunBookSink', () => {
  it('keeps accounts and counters the same whether or not anyone subscribes', async () => {
    const silent = await runMarket({ subscribe: 'never', hooked: false });
    const heard = await runMarket({ subscribe: 'always', hooked: false });
    expect(silent.stats.trades).toBeGreaterThan(100);
    expect(silent.stats.rejects).toBeGreaterThan(0);
    expect(heard).toEqual(silent);
  });

  it('shows hooked agents the same events and accounts whether or not anyone subscribes', async () => {
    const silent = await runMarket({ subscribe: 'never', hooked: true });
    const heard = await runMarket({ subscribe: 'always', hooked: true });
    const switching = await runMarket({ subscribe: 'sometimes', hooked: true });
    expect(silent.seen[0]!.length).toBeGreaterThan(100);
    expect(heard).toEqual(silent);
    expect(switching).toEqual(silent);
  });

  it('gives subscribers every book event once, in sequence order', async () => {
    const agents = Array.from({ length: 6 }, (_, i) => new BusyAgent(`b${i}`, i === 0));
    const simulation = new MarketSimulation({ agents, mode: 'fast', seed: 9 });
    const seqs: number[] = [];
    simulation.subscribe((event) => {
      if (event.type !== 'ticker') seqs.push(event.seq);
    });
    await simulation.runFor(2_000_000);
    expect(seqs.length).toBe(simulation.stats().bookEvents);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
  });
});
