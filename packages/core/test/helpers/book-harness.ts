// Test harness: order builders, a ladder-table view of the book and a builder that sets a book up
// from the same table, with the invariant check after every command.
import { BTC_USD, MatchingEngine } from '@marksim/core';
import type {
  BookEvent,
  BookView,
  CancelCommand,
  ModifyCommand,
  NewOrderCommand,
  OrderCommand,
  SelfTradePrevention,
  Side,
} from '@marksim/core';
import { assertBookInvariants } from './assert-book-invariants.js';

/** Options a test may override on a new order. */
export type OrderOverrides = Partial<Omit<NewOrderCommand, 'type'>>;

/** A gtc limit order; the owner defaults to "owner-<orderId>" so orders never meet their own. */
export function limit(orderId: string, side: Side, priceTicks: number, sizeLots: number, overrides: OrderOverrides = {}): NewOrderCommand {
  return {
    type: 'new',
    orderId,
    ownerId: `owner-${orderId}`,
    side,
    orderType: 'limit',
    priceTicks,
    sizeLots,
    timeInForce: 'gtc',
    postOnly: false,
    selfTradePrevention: 'none',
    timeUs: 1_000,
    ...overrides,
  };
}

/** A market order. */
export function market(orderId: string, side: Side, sizeLots: number, overrides: OrderOverrides = {}): NewOrderCommand {
  return limit(orderId, side, 0, sizeLots, { orderType: 'market', ...overrides });
}

/** A cancel. */
export function cancel(orderId: string, overrides: Partial<Omit<CancelCommand, 'type'>> = {}): CancelCommand {
  return { type: 'cancel', orderId, timeUs: 2_000, ...overrides };
}

/** A modify. */
export function modify(orderId: string, change: Partial<Omit<ModifyCommand, 'type' | 'orderId'>>): ModifyCommand {
  return { type: 'modify', orderId, timeUs: 3_000, ...change };
}

/**
 * The book as a ladder table, highest price first, asks above bids, orders in queue order:
 *   ask 102 | s2:5
 *   bid 100 | b1:4 b2:1
 */
export function ladder(book: BookView): string {
  const rowsOf = (label: string, side: Side): string[] => {
    const rows: string[] = [];
    let price = Number.NaN;
    let cells: string[] = [];
    for (const order of book.orders(side)) {
      if (order.priceTicks !== price) {
        if (cells.length > 0) rows.push(`${label} ${price} | ${cells.join(' ')}`);
        price = order.priceTicks;
        cells = [];
      }
      cells.push(`${order.orderId}:${order.sizeLots}`);
    }
    if (cells.length > 0) rows.push(`${label} ${price} | ${cells.join(' ')}`);
    return rows;
  };
  return [...rowsOf('ask', 'sell').reverse(), ...rowsOf('bid', 'buy')].join('\n');
}

/** Normalises a template-literal table: no indentation, single spaces, no blank lines. */
export function table(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter((line) => line.length > 0)
    .join('\n');
}

/** An engine with its event log; `send` runs one command and checks the invariants after it. */
export class BookHarness {
  readonly engine: MatchingEngine;
  readonly events: BookEvent[] = [];

  constructor(engine: MatchingEngine = new MatchingEngine({ instrument: BTC_USD })) {
    this.engine = engine;
  }

  /** Processes one command, checks the book, returns that command's events. */
  send(command: OrderCommand): BookEvent[] {
    const events = this.engine.process(command);
    assertBookInvariants(this.engine);
    this.events.push(...events);
    return events;
  }

  /**
   * Sets the book up from a ladder table (any row order; orders within a row in queue order).
   * `id@owner:size` gives an order an owner; otherwise it is "owner-<id>".
   */
  build(ladderTable: string, selfTradePrevention: SelfTradePrevention = 'none'): this {
    const rows = table(ladderTable).split('\n');
    for (const line of rows) {
      const match = /^(ask|bid)\s+(\d+)\s*\|\s*(.*)$/.exec(line);
      if (match === null) throw new Error(`not a ladder row: ${line}`);
      const side: Side = match[1] === 'ask' ? 'sell' : 'buy';
      for (const cell of match[3].split(/\s+/).filter(Boolean)) {
        const parsed = /^([^@:]+)(?:@([^:]+))?:(\d+)$/.exec(cell);
        if (parsed === null) throw new Error(`not an order cell: ${cell}`);
        const [, orderId, ownerId, size] = parsed;
        const overrides: OrderOverrides = { selfTradePrevention, timeUs: 0, ...(ownerId === undefined ? {} : { ownerId }) };
        const events = this.send(limit(orderId, side, Number(match[2]), Number(size), overrides));
        if (events.some((event) => event.type !== 'accepted' && event.type !== 'level')) {
          throw new Error(`setting up ${cell} traded or was rejected: check the ladder is not crossed`);
        }
      }
    }
    return this;
  }

  /** The current book as a ladder table. */
  ladder(): string {
    return ladder(this.engine.book);
  }
}

/** Events without the fields every event has (seq, symbol, timeUs), for readable expectations. */
export function brief(events: readonly BookEvent[]): Record<string, unknown>[] {
  return events.map((event) => {
    const { seq: _seq, symbol: _symbol, timeUs: _timeUs, ...rest } = event;
    return rest;
  });
}

/** Event types in order, e.g. ['accepted', 'trade', 'done', 'level', 'done']. */
export function types(events: readonly BookEvent[]): string[] {
  return events.map((event) => event.type);
}
