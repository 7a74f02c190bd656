// Real `ws` clients for the integration tests, with a message log the tests await on.
import { WebSocket } from 'ws';
import type { ClientOptions } from 'ws';
import { FeedServer } from '@marksim/ws-server';
import type { FeedServerOptions, ServerLogEntry } from '@marksim/ws-server';
import { ScriptedFeed } from './scripted-feed.js';

type Json = Record<string, unknown>;

interface Waiter {
  predicate: (message: Json) => boolean;
  resolve: (message: Json) => void;
  reject: (error: Error) => void;
  from: number;
}


/** A connected client that records every message it receives. */
export class TestClient {
  readonly messages: Json[] = [];
  readonly raw: string[] = [];
  closeCode: number | null = null;
  closeReason = '';
  readonly closed: Promise<number>;
  private readonly waiters = new Set<Waiter>();
  /** Messages before this index were consumed by next(); next() reads on from here. */
  private cursor = 0;

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = data.toString();
      this.raw.push(text);
      const message = JSON.parse(text) as Json;
      this.messages.push(message);
      for (const waiter of this.waiters) {
        if (this.messages.length - 1 >= waiter.from && waiter.predicate(message)) {
          this.waiters.delete(waiter);
          this.cursor = Math.max(this.cursor, this.messages.length);
          waiter.resolve(message);
        }
      }
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => {
        this.closeCode = code;
        this.closeReason = reason.toString();
        for (const waiter of this.waiters) waiter.reject(new Error(`closed with ${code} while waiting`));
        this.waiters.clear();
        resolve(code);
      }),
    );
    ws.on('error', () => {});
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The next unread message (or the first from index `from`) matching the predicate. */
  next(predicate: (message: Json) => boolean = () => true, from = this.cursor): Promise<Json> {
    for (let i = from; i < this.messages.length; i++) {
      if (predicate(this.messages[i])) {
        this.cursor = Math.max(this.cursor, i + 1);
        return Promise.resolve(this.messages[i]);
      }
    }
    if (this.closeCode !== null) return Promise.reject(new Error(`closed with ${this.closeCode}`));
    return new Promise((resolve, reject) => this.waiters.add({ predicate, resolve, reject, from }));
  }

  /** The next message of a type. */
  nextOfType(type: string): Promise<Json> {
    return this.next((message) => message.type === type);
  }

  /** Sends a request and waits for the reply carrying its req_id. */
  async request(message: Json): Promise<Json> {
    const reqId = `r${Math.random().toString(36).slice(2)}`;
    const reply = this.next((m) => m.req_id === reqId);
    this.send({ ...message, req_id: reqId });
    return reply;
  }

  close(): Promise<number> {
    if (this.closeCode === null) this.ws.close();
    return this.closed;
  }
}

/** Opens a client and waits until it is connected. */
export function connect(url: string, options?: ClientOptions): Promise<TestClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options);
    const client = new TestClient(ws);
    ws.once('open', () => resolve(client));
    ws.once('error', reject);
  });
}

/** A server on port 0 over a scripted feed, with its log entries recorded. */
export async function startServer(options: FeedServerOptions = {}, feed = new ScriptedFeed()) {
  const log: ServerLogEntry[] = [];
  const logWaiters: { event: string; resolve: (entry: ServerLogEntry) => void }[] = [];
  const server = new FeedServer(feed, {
    host: '127.0.0.1',
    port: 0,
    ...options,
    log: (entry) => {
      log.push(entry);
      for (const waiter of logWaiters.splice(0)) {
        if (waiter.event === entry.event) waiter.resolve(entry);
        else logWaiters.push(waiter);
      }
    },
  });
  const address = await server.listen();
  const clients: TestClient[] = [];
  return {
    feed,
    server,
    url: address.url,
    httpUrl: `http://127.0.0.1:${address.port}`,
    log,
    /** Resolves at the next log entry with this event name (or a past one). */
    logged(event: string): Promise<ServerLogEntry> {
      const past = log.find((entry) => entry.event === event);
      if (past !== undefined) return Promise.resolve(past);
      return new Promise((resolve) => logWaiters.push({ event, resolve }));
    },
    async client(clientOptions?: ClientOptions): Promise<TestClient> {
      const client = await connect(address.url, clientOptions);
      clients.push(client);
      return client;
    },
    async stop(): Promise<void> {
      for (const client of clients) client.ws.terminate();
      await server.close();
    },
  };
}

/** Resolves after pending I/O callbacks and immediates ran (lets the server flush). */
export function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
