import { FeedConnection } from '../../src/feed/connection.js';
import type { ConnectionView } from '../../src/model/state.js';
import { ManualClock, socketFactory } from '../helpers/fakes.js';

function setup() {
  const clock = new ManualClock();
  const factory = socketFactory();
  const statuses: ConnectionView[] = [];
  const frames: string[] = [];
  const connection = new FeedConnection({
    url: 'ws://127.0.0.1:9',
    createSocket: factory.create,
    clock,
    onOpen: (send) => send({ op: 'subscribe', channels: ['ticker'] }),
    onFrame: (text) => frames.push(text),
    onStatus: (view) => statuses.push(view),
    pingIntervalMs: 5_000,
    silenceTimeoutMs: 15_000,
  });
  return { clock, factory, statuses, frames, connection, phases: () => statuses.map((s) => s.phase) };
}

describe('FeedConnection', () => {
  it('connects, subscribes on open and passes frames on', () => {
    const { factory, frames, connection, phases } = setup();
    connection.start();
    factory.sockets[0].open();
    factory.sockets[0].receive({ type: 'pong', timestamp: 1 });
    expect(phases()).toEqual(['connecting', 'live']);
    expect(factory.sockets[0].sent).toEqual([{ op: 'subscribe', channels: ['ticker'] }]);
    expect(frames).toEqual(['{"type":"pong","timestamp":1}']);
  });

  it('reconnects with growing, jittered delays while the server is down', () => {
    const { clock, factory, statuses, connection } = setup();
    connection.start();
    factory.sockets[0].open();
    factory.sockets[0].drop(1006);
    expect(statuses.at(-1)).toMatchObject({ phase: 'reconnecting', attempt: 1, retryInMs: 188, lastError: 'connection closed (code 1006)' });
    const delays: number[] = [];
    for (let i = 1; i <= 5; i += 1) {
      const retryInMs = statuses.at(-1)!.retryInMs!;
      delays.push(retryInMs);
      clock.advance(retryInMs);
      expect(factory.sockets).toHaveLength(i + 1);
      factory.sockets[i].drop(1006);
    }
    expect(delays).toEqual([188, 375, 750, 1500, 3000]);
  });

  it('starts the backoff afresh once a new connection delivers data', () => {
    const { clock, factory, statuses, connection } = setup();
    connection.start();
    factory.sockets[0].drop();
    clock.advance(statuses.at(-1)!.retryInMs!);
    factory.sockets[1].drop();
    clock.advance(statuses.at(-1)!.retryInMs!);
    factory.sockets[2].open();
    expect(statuses.at(-1)!.phase).toBe('live');
    factory.sockets[2].receive({ type: 'pong', timestamp: 1 });
    factory.sockets[2].drop();
    expect(statuses.at(-1)).toMatchObject({ phase: 'reconnecting', attempt: 1, retryInMs: 188 });
  });

  it('replaces a socket that has gone silent', () => {
    const { clock, factory, statuses, connection } = setup();
    connection.start();
    factory.sockets[0].open();
    clock.advance(5_000);
    expect(factory.sockets[0].sent.at(-1)).toEqual({ op: 'ping' });
    clock.advance(10_000);
    expect(factory.sockets[0].closedWith).toEqual({ code: 4000, reason: 'no data' });
    expect(statuses.at(-1)).toMatchObject({ phase: 'reconnecting', lastError: 'no data for 15 s' });
    clock.advance(statuses.at(-1)!.retryInMs!);
    expect(factory.sockets).toHaveLength(2);
  });

  it('switches URL at once and ignores events of the old socket', () => {
    const { factory, frames, connection, statuses } = setup();
    connection.start();
    factory.sockets[0].open();
    connection.setUrl('ws://127.0.0.1:10');
    expect(factory.sockets[0].closedWith?.code).toBe(1000);
    expect(factory.sockets[1].url).toBe('ws://127.0.0.1:10');
    factory.sockets[0].receive('stale');
    expect(frames).toEqual([]);
    expect(statuses.at(-1)).toMatchObject({ phase: 'connecting', url: 'ws://127.0.0.1:10' });
  });

  it('retries when the socket cannot even be created', () => {
    const clock = new ManualClock();
    const statuses: ConnectionView[] = [];
    const connection = new FeedConnection({
      url: 'nonsense',
      createSocket: () => {
        throw new SyntaxError("The URL 'nonsense' is invalid");
      },
      clock,
      onOpen: () => undefined,
      onFrame: () => undefined,
      onStatus: (view) => statuses.push(view),
    });
    connection.start();
    expect(statuses.at(-1)).toMatchObject({ phase: 'reconnecting', lastError: "cannot open nonsense: The URL 'nonsense' is invalid" });
    connection.stop();
    expect(statuses.at(-1)!.phase).toBe('stopped');
    expect(clock.pendingDelays()).toEqual([]);
  });

  it('sends only while open', () => {
    const { factory, connection } = setup();
    connection.start();
    expect(connection.send({ op: 'ping' })).toBe(false);
    factory.sockets[0].open();
    expect(connection.send({ op: 'ping' })).toBe(true);
  });
});
