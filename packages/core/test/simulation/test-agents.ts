// Small agents for simulation tests: each does one scripted thing and records what it saw.
import type { Agent, AgentContext, AgentDecision, AgentEvent, Fill, MarketData, OrderIntent, WakeupModel } from '@marksim/core';

/** Answers each wake-up with the next entry of a script (then nothing), and records calls. */
export class ScriptedAgent implements Agent {
  readonly id: string;
  readonly wakeup?: WakeupModel;
  readonly fills: Fill[] = [];
  readonly events: AgentEvent[] = [];
  readonly wakeTimes: number[] = [];
  private script: (readonly OrderIntent[] | undefined)[];

  constructor(id: string, script: (readonly OrderIntent[] | undefined)[], wakeup?: WakeupModel) {
    this.id = id;
    this.script = [...script];
    if (wakeup !== undefined) this.wakeup = wakeup;
  }

  generateOrders(marketData: MarketData): AgentDecision {
    this.wakeTimes.push(marketData.timeUs);
    return this.script.shift();
  }

  onFill(fill: Fill): void {
    this.fills.push(fill);
  }

  onEvent(event: AgentEvent): void {
    this.events.push(event);
  }
}

/** Sends random small limit and market orders from its own stream: a deterministic busy agent. */
export class RandomAgent implements Agent {
  readonly id: string;
  readonly wakeup: WakeupModel;
  private context: AgentContext | undefined;
  private count = 0;
  private readonly asyncAnswers: boolean;

  constructor(id: string, options: { asyncAnswers?: boolean; wakeup?: WakeupModel } = {}) {
    this.id = id;
    this.asyncAnswers = options.asyncAnswers ?? false;
    this.wakeup = options.wakeup ?? { kind: 'poisson', meanIntervalUs: 50_000 };
  }

  onStart(context: AgentContext): void {
    this.context = context;
    this.count = 0;
  }

  generateOrders(marketData: MarketData): AgentDecision | Promise<AgentDecision> {
    const random = this.context!.random;
    const reference = marketData.ticker.lastPriceTicks || this.context!.initialPriceTicks;
    const side = random.next() < 0.5 ? 'buy' : 'sell';
    const sizeLots = 1 + random.int(0, 20);
    const intents: OrderIntent[] =
      random.next() < 0.3
        ? [{ type: 'new', side, orderType: 'market', sizeLots, orderId: `${this.id}-${++this.count}` }]
        : [
            {
              type: 'new',
              side,
              priceTicks: reference + (side === 'buy' ? -1 : 1) * random.int(0, 30),
              sizeLots,
              orderId: `${this.id}-${++this.count}`,
            },
          ];
    if (!this.asyncAnswers) return intents;
    // Resolve after a few microtasks (not drawn from the stream, which must match a sync run):
    // completion order differs from call order.
    const delay = this.count % 4;
    return (async () => {
      for (let i = 0; i < delay; i++) await undefined;
      return intents;
    })();
  }
}
