// Drives one agent outside a simulation: a context, a book built from ladder rows, an account.
import { AgentAccount, BTC_USD, DEFAULT_AGENT_LIMITS, DecimalUnits, MatchingEngine, SeededRandom } from '@marksim/core';
import type { Agent, AgentContext, BookSnapshot, MarketData, OrderIntent, Side } from '@marksim/core';

export const UNITS = new DecimalUnits(BTC_USD);
export const START_US = 1_704_067_200_000_000;
export const PRICE_50000 = 5_000_000;

/** Starts `agent` as a simulation would, with seed `seed`. */
export function startAgent(agent: Agent, seed = 1): AgentContext {
  const context: AgentContext = {
    random: new SeededRandom(seed, ['agents', agent.id]),
    instrument: BTC_USD,
    units: UNITS,
    startTimeUs: START_US,
    initialPriceTicks: PRICE_50000,
  };
  agent.onStart?.(context);
  return context;
}

/** A book from ladder rows `[side, price, size]` (decimals), owned by 'other'. */
export function bookOf(rows: readonly (readonly [Side, string, string])[]): BookSnapshot {
  const engine = new MatchingEngine({ instrument: BTC_USD });
  rows.forEach(([side, price, size], i) => {
    engine.process({
      type: 'new',
      orderId: `o${i}`,
      ownerId: 'other',
      side,
      orderType: 'limit',
      priceTicks: UNITS.priceToTicks(price),
      sizeLots: UNITS.sizeToLots(size),
      timeInForce: 'gtc',
      postOnly: false,
      selfTradePrevention: 'none',
      timeUs: START_US,
    });
  });
  return engine.snapshot();
}

/** Market data at `timeUs` for a book. */
export function marketDataAt(book: BookSnapshot, timeUs = START_US + 1_000_000): MarketData {
  return {
    timeUs,
    ticker: {
      timeUs,
      symbol: 'BTC/USD',
      lastPriceTicks: book.lastTradePriceTicks,
      bidPriceTicks: book.bestBid?.priceTicks ?? 0,
      askPriceTicks: book.bestAsk?.priceTicks ?? 0,
      bidSizeLots: book.bestBid?.sizeLots ?? 0,
      askSizeLots: book.bestAsk?.sizeLots ?? 0,
      volume24hLots: 0,
      tradeCount: 0,
    },
    recentTrades: [],
  };
}

/** A fresh account with the agent's limits. */
export function accountFor(agent: Agent): AgentAccount {
  return new AgentAccount(agent.id, { ...DEFAULT_AGENT_LIMITS, ...agent.limits });
}

/** The agent's decision as an array (sync agents only). */
export function decide(agent: Agent, book: BookSnapshot, account: AgentAccount, timeUs?: number): OrderIntent[] {
  const answer = agent.generateOrders(marketDataAt(book, timeUs), book, account);
  if (answer instanceof Promise) throw new Error('expected a sync agent');
  return [...(answer ?? [])];
}
