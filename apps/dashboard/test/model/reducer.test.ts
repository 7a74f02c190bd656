import { setAutoFreeze } from 'immer';
import type { ServerMessage } from '@marksim/ws-server/protocol';
import { reduce, type DashboardAction } from '../../src/model/reducer.js';
import { initialState, type ConnectionView, type DashboardState } from '../../src/model/state.js';
import { candle, ladder, snapshot, status, SYMBOL, T0_US, ticker, trade } from '../helpers/messages.js';

setAutoFreeze(true);

const URL = 'ws://127.0.0.1:8765';

function messages(list: ServerMessage[], receivedAtMs = 1_000): DashboardAction {
  return { type: 'messages', messages: list, receivedAtMs };
}

function connection(phase: ConnectionView['phase']): DashboardAction {
  return { type: 'connection', connection: { phase, url: URL, attempt: 0, retryInMs: null, lastError: null, sinceMs: 0 } };
}

function start(): DashboardState {
  return reduce(initialState({ url: URL, nowMs: 0 }), connection('live'));
}

describe('dashboard reducer', () => {
  it('applies a whole batch in one step and never changes the previous state', () => {
    const before = start();
    const after = reduce(before, messages([ticker(T0_US, 100), trade(1, 100), trade(2, 100.5, 'sell')]));
    expect(before.trades.size).toBe(0);
    expect(after.trades.toArray().map((t) => t.id)).toEqual([1, 2]);
    expect(after.tradesReceived).toBe(2);
    expect(after.ticker?.last).toBe(100);
    expect(after.batchId).toBe(before.batchId + 1);
    expect(Object.isFrozen(after)).toBe(true);
    expect(Object.isFrozen(after.ticker)).toBe(true);
  });

  it('adopts the first symbol it sees and ignores others for the per-symbol views', () => {
    const other = { ...trade(9, 5), symbol: 'ETH/USD' };
    const state = reduce(start(), messages([ticker(T0_US, 100), other, { ...ticker(T0_US, 5), symbol: 'ETH/USD' }]));
    expect(state.symbol).toBe(SYMBOL);
    expect(state.symbols).toEqual([SYMBOL, 'ETH/USD']);
    expect(state.trades.size).toBe(0);
    expect(state.ticker?.last).toBe(100);
  });

  it('reads the seed ticker without a type field', () => {
    const { type: _type, ...seed } = ticker(T0_US, 50000.5);
    const state = reduce(start(), messages([seed]));
    expect(state.ticker).toMatchObject({ last: 50000.5, bid: 50000, ask: 50001 });
    expect(state.prices.fine.size).toBe(1);
  });

  it('keeps candles per interval and updates the forming bar in place', () => {
    const state = reduce(
      start(),
      messages([candle('1s', T0_US, 100), candle('1s', T0_US, 101, true), candle('1s', T0_US + 1_000_000, 102), candle('1m', T0_US, 100)]),
    );
    expect(state.candles['1s'].toArray().map((c) => [c.close, c.closed])).toEqual([[101, true], [102, false]]);
    expect(state.candles['1m'].size).toBe(1);
  });

  it('starts the candle history afresh when a restarted server sends older bars', () => {
    const before = reduce(start(), messages([candle('1s', T0_US + 5_000_000, 100)]));
    const after = reduce(before, messages([candle('1s', T0_US, 90)]));
    expect(after.candles['1s'].toArray().map((c) => c.close)).toEqual([90]);
  });

  it('forgets the book on reconnect until the fresh snapshot arrives', () => {
    let state = reduce(start(), messages([snapshot(5, ladder('101 1\n--\n100 1'))]));
    expect(state.book.sync).toBe('live');
    state = reduce(state, connection('reconnecting'));
    expect(state.book.sync).toBe('waiting');
    state = reduce(state, connection('live'));
    expect(state.connections).toBe(2);
    expect(state.book.bids).toEqual([]);
    state = reduce(state, messages([snapshot(1, ladder('102 1\n--\n101 1'))]));
    expect(state.book.sync).toBe('live');
    expect(state.book.checksumOk).toBe(true);
    expect(state.book.asks[0].price).toBe(102);
  });

  it('shows a refused control request with the server’s code and message', () => {
    let state = reduce(start(), { type: 'control_sent', reqId: 'control-1', action: 'pause', speed: null, atMs: 5 });
    expect(state.control.pending?.action).toBe('pause');
    state = reduce(state, messages([{ type: 'error', code: 'CONTROL_REFUSED', message: 'control token is wrong', req_id: 'control-1' }]));
    expect(state.control.pending).toBeNull();
    expect(state.control.result).toEqual({ ok: false, text: 'CONTROL_REFUSED: control token is wrong', atMs: 1_000 });
    expect(state.notices).toEqual([]);
  });

  it('applies an accepted control request to the server status', () => {
    let state = reduce(start(), messages([status(false)]));
    state = reduce(state, { type: 'control_sent', reqId: 'control-2', action: 'pause', speed: null, atMs: 5 });
    state = reduce(state, messages([{ type: 'control_ack', action: 'pause', speed: 10, paused: true, req_id: 'control-2' }]));
    expect(state.server?.paused).toBe(true);
    expect(state.control.result?.ok).toBe(true);
    expect(state.control.result?.text).toBe('Simulation paused');
  });

  it('keeps other server errors as the newest few notices', () => {
    const errors = Array.from({ length: 8 }, (_, i): ServerMessage => ({ type: 'error', code: 'RATE_LIMITED', message: `slow down ${i}` }));
    const state = reduce(start(), messages(errors));
    expect(state.notices.map((n) => n.text)).toEqual(['slow down 3', 'slow down 4', 'slow down 5', 'slow down 6', 'slow down 7']);
  });

  it('measures messages per second over whole seconds', () => {
    let state = reduce(start(), messages([ticker(T0_US, 1), ticker(T0_US, 1)], 500));
    expect(state.throughput.messagesPerS).toBe(0);
    state = reduce(state, messages([ticker(T0_US, 1)], 1_000));
    expect(state.throughput.messagesPerS).toBe(3);
    expect(state.throughput.totalMessages).toBe(3);
  });

  it('learns price and size decimals from the feed and never shrinks them', () => {
    let state = reduce(start(), messages([trade(1, 100.125)]));
    expect(state.format.priceDecimals).toBe(3);
    state = reduce(state, messages([trade(2, 100)]));
    expect(state.format.priceDecimals).toBe(3);
  });

  it('switching symbol clears the per-symbol history', () => {
    let state = reduce(start(), messages([ticker(T0_US, 100), trade(1, 100)]));
    state = reduce(state, { type: 'select_symbol', symbol: 'ETH/USD' });
    expect(state.symbol).toBe('ETH/USD');
    expect(state.trades.size).toBe(0);
    expect(state.ticker).toBeNull();
    expect(state.book.symbol).toBe('ETH/USD');
  });
});

describe('dashboard reducer across reconnects', () => {
  function live(state: DashboardState): DashboardState {
    return reduce(reduce(state, connection('reconnecting')), connection('live'));
  }

  it('merges the bars a server re-sends after a reconnect into the history it continues', () => {
    const bars = Array.from({ length: 100 }, (_, i) => candle('1s', T0_US + i * 1_000_000, 100 + i, true));
    let state = reduce(start(), messages(bars));
    state = live(state);
    // The same server re-sends its last 60 closed bars and the forming one.
    state = reduce(state, messages([...bars.slice(40), candle('1s', T0_US + 100_000_000, 200)]));
    const held = state.candles['1s'].toArray();
    expect(held).toHaveLength(101);
    expect(held.map((c) => c.openTimeUs)).toEqual(Array.from({ length: 101 }, (_, i) => T0_US + i * 1_000_000));
  });

  it('starts the candle history afresh when a restarted server begins another timeline', () => {
    let state = reduce(start(), messages([candle('1s', T0_US + 10_000_000, 100, true), candle('1s', T0_US + 11_000_000, 101)]));
    state = live(state);
    state = reduce(state, messages([candle('1s', T0_US + 10_000_000, 57, true)]));
    expect(state.candles['1s'].toArray().map((c) => c.close)).toEqual([57]);
  });

  it('clears the tape when trade times go back (a restarted server)', () => {
    let state = reduce(start(), messages([trade(1, 100, 'buy', T0_US + 5_000_000), trade(2, 101, 'buy', T0_US + 6_000_000)]));
    state = reduce(state, messages([trade(1, 90, 'sell', T0_US)]));
    expect(state.trades.toArray().map((t) => t.price)).toEqual([90]);
  });
});
