import { setAutoFreeze } from 'immer';
import { CONTROL_TIMEOUT_MS, DashboardStore, dashboardSubscription } from '../../src/feed/store.js';
import { ManualClock, socketFactory } from '../helpers/fakes.js';
import { delta, ladder, snapshot, status, ticker, T0_US, trade } from '../helpers/messages.js';

setAutoFreeze(true);

const BOOK = ladder('101 1\n--\n100 1');

function setup() {
  const clock = new ManualClock();
  const factory = socketFactory();
  const store = new DashboardStore({ url: 'ws://127.0.0.1:9', createSocket: factory.create, clock, scheduler: clock, publishIntervalMs: 100 });
  let renders = 0;
  store.subscribe(() => {
    renders += 1;
  });
  store.start();
  const socket = () => factory.sockets[factory.sockets.length - 1];
  socket().open();
  return { clock, factory, store, socket, renders: () => renders };
}

describe('DashboardStore', () => {
  it('subscribes to every channel on connect', () => {
    const { socket } = setup();
    expect(socket().sent).toEqual([dashboardSubscription()]);
    expect(dashboardSubscription()).toMatchObject({ depth: 20, intervals: ['1s', '1m'] });
  });

  it('applies all messages of a frame in one reducer step and publishes at most every 100 ms', () => {
    const { clock, store, socket, renders } = setup();
    clock.advance(100);
    const before = store.getLatestState().batchId;
    const rendersBefore = renders();
    for (let i = 0; i < 300; i += 1) socket().receive(trade(i + 1, 100 + (i % 5)));
    clock.runFrames();
    expect(store.getLatestState().batchId).toBe(before + 1);
    expect(store.getLatestState().tradesReceived).toBe(300);
    expect(store.getState().tradesReceived).toBe(0);
    clock.advance(100);
    expect(store.getState().tradesReceived).toBe(300);
    expect(renders()).toBe(rendersBefore + 1);
    expect(Object.isFrozen(store.getState())).toBe(true);
  });

  it('counts frames it cannot read instead of failing', () => {
    const { clock, store, socket } = setup();
    socket().receive('not json');
    socket().receive({ type: 'mystery' });
    clock.runFrames();
    expect(store.getLatestState().throughput.ignored).toBe(2);
  });

  it('requests a fresh snapshot after a sequence gap and recovers with it', () => {
    const { clock, store, socket } = setup();
    socket().receive(snapshot(10, BOOK));
    socket().receive(delta(11, 12, { bids: [[100, 2]] }, BOOK));
    clock.runFrames();
    expect(store.getLatestState().book.sync).toBe('resyncing');
    expect(socket().sent.at(-1)).toEqual({ op: 'snapshot', symbol: 'BTC/USD', req_id: 'snapshot-1' });
    expect(store.getLatestState().notices.at(-1)?.code).toBe('RESYNC');
    socket().receive(snapshot(12, BOOK));
    clock.runFrames();
    expect(store.getLatestState().book).toMatchObject({ sync: 'live', checksumOk: true, gaps: 1, snapshots: 2 });
  });

  it('asks again when the snapshot does not come', () => {
    const { clock, socket } = setup();
    socket().receive(snapshot(10, BOOK));
    socket().receive(delta(11, 12, {}, BOOK));
    clock.runFrames();
    clock.advance(4_000);
    expect(socket().sent.filter((m) => (m as { op: string }).op === 'snapshot')).toHaveLength(2);
  });

  it('shows reconnecting after the server goes away, then rebuilds the book from the new snapshot', () => {
    const { clock, store, socket, factory } = setup();
    socket().receive(snapshot(10, BOOK));
    socket().receive(ticker(T0_US, 100));
    clock.runFrames();
    socket().drop(1001, 'server shutting down');
    clock.advance(100);
    expect(store.getState().connection).toMatchObject({ phase: 'reconnecting', lastError: 'connection closed (code 1001: server shutting down)' });
    expect(store.getState().book.sync).toBe('waiting');
    clock.advance(store.getState().connection.retryInMs!);
    expect(factory.sockets).toHaveLength(2);
    socket().open();
    expect(socket().sent).toEqual([dashboardSubscription()]);
    socket().receive(snapshot(1, ladder('102 1\n--\n101 1')));
    clock.runFrames();
    clock.advance(100);
    expect(store.getState().connections).toBe(2);
    expect(store.getState().book).toMatchObject({ sync: 'live', checksumOk: true, seq: 1 });
  });

  it('sends control requests with the token and shows a refusal', () => {
    const { clock, store, socket } = setup();
    store.control('pause', 'wrong');
    expect(socket().sent.at(-1)).toEqual({ op: 'control', action: 'pause', token: 'wrong', req_id: 'control-1' });
    expect(store.getState().control.pending?.action).toBe('pause');
    socket().receive({ type: 'error', code: 'CONTROL_REFUSED', message: 'token does not match', req_id: 'control-1' });
    clock.runFrames();
    clock.advance(100);
    expect(store.getState().control.result).toMatchObject({ ok: false, text: 'CONTROL_REFUSED: token does not match' });
  });

  it('sends the speed with set_speed', () => {
    const { store, socket } = setup();
    store.control('set_speed', 'secret', 25);
    expect(socket().sent.at(-1)).toEqual({ op: 'control', action: 'set_speed', token: 'secret', speed: 25, req_id: 'control-1' });
  });

  it('refuses locally without a token, when disconnected, and when no answer comes', () => {
    const { clock, store, socket } = setup();
    store.control('resume', '  ');
    expect(store.getState().control.result?.text).toBe('Enter the control token first');
    store.control('resume', 'secret');
    clock.advance(CONTROL_TIMEOUT_MS + 1_000);
    expect(store.getState().control.result?.text).toBe('No answer to resume within 5 s');
    socket().drop();
    store.control('resume', 'secret');
    expect(store.getState().control.result?.text).toBe('Not connected: the request was not sent');
  });

  it('shows server status and lets the user pick window, interval and symbol', () => {
    const { clock, store, socket } = setup();
    socket().receive(status(true, 5));
    socket().receive(ticker(T0_US, 100));
    clock.runFrames();
    store.selectWindow('1h');
    store.selectInterval('1m');
    expect(store.getState()).toMatchObject({ window: '1h', interval: '1m', server: { paused: true, speed: 5 } });
    store.selectSymbol('ETH/USD');
    expect(socket().sent.at(-1)).toEqual({ op: 'snapshot', symbol: 'ETH/USD', req_id: 'snapshot-1' });
    expect(store.getState().symbol).toBe('ETH/USD');
  });

  it('stops every timer on stop', () => {
    const { clock, store } = setup();
    store.stop();
    expect(store.getState().connection.phase).toBe('stopped');
    expect(clock.pendingDelays()).toEqual([]);
  });
});
