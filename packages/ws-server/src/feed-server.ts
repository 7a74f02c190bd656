// The Marksim feed server: `ws` on a node:http server that also answers /health and /metrics.
// It subscribes once to the market feed and fans each event out to the channels, which encode
// every message once and hand the same frame to each subscribed session.
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import { DecimalUnits, MarksimError } from '@marksim/core';
import { BookChannel } from './book-channel.js';
import { CandleChannel } from './candle-channel.js';
import { ClientOps } from './client-ops.js';
import type { WsServerErrorCode } from './errors.js';
import { Heartbeat } from './heartbeat.js';
import { createHttpHandler } from './http-routes.js';
import type { FeedEvent, FeedStatus, MarketFeed } from './market-feed.js';
import { ServerMetrics } from './metrics.js';
import { resolveOptions } from './options.js';
import type { FeedServerOptions, ResolvedOptions } from './options.js';
import type { WireUnits } from './protocol/encode.js';
import { parseClientText } from './protocol/parse-client-message.js';
import { CLOSE_CODES, Session, toFrame } from './session.js';
import { StatusChannel } from './status-channel.js';
import { TickerChannel } from './ticker-channel.js';
import { TradeChannel } from './trade-channel.js';

/** Where a listening server can be reached. */
export interface FeedServerAddress {
  readonly host: string;
  readonly port: number;
  /** ws://host:port */
  readonly url: string;
}

/** Counters and gauges of a running server (a copy). */
export interface FeedServerStats {
  readonly clients: number;
  readonly messagesSent: number;
  readonly messagesDropped: number;
  readonly messagesReceived: number;
  readonly connectionsTotal: number;
  readonly slowConsumerDisconnects: number;
  readonly rateLimited: number;
  readonly refusedFull: number;
  readonly heartbeatTerminations: number;
}

type State = 'idle' | 'listening' | 'closing' | 'closed';

/** Serves a MarketFeed over WebSocket (default ws://localhost:8765) and HTTP on the same port. */
export class FeedServer {
  private readonly options: ResolvedOptions;
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly metrics = new ServerMetrics();
  private readonly sessions = new Set<Session>();
  private readonly tickers: TickerChannel;
  private readonly trades: TradeChannel;
  private readonly book: BookChannel;
  private readonly candles: CandleChannel;
  private readonly status: StatusChannel;
  private readonly ops: ClientOps;
  private readonly heartbeat: Heartbeat;
  private readonly unsubscribeFeed: () => void;
  private flushScheduled: NodeJS.Immediate | null = null;
  private nextSessionId = 1;
  private state: State = 'idle';
  private boundAddress: FeedServerAddress | null = null;
  private closed: Promise<void> | null = null;

  constructor(
    private readonly feed: MarketFeed,
    options: FeedServerOptions = {},
  ) {
    this.options = resolveOptions(options);
    const units = new Map<string, WireUnits>();
    for (const instrument of feed.instruments()) units.set(instrument.symbol, new DecimalUnits(instrument));
    if (units.size === 0) throw new MarksimError<WsServerErrorCode>('INVALID_OPTIONS', 'feed.instruments() must list at least one instrument (got none)');
    const status = (): FeedStatus => this.feed.status();
    this.tickers = new TickerChannel(units);
    this.trades = new TradeChannel(units);
    this.book = new BookChannel(feed, units);
    this.candles = new CandleChannel(units);
    this.status = new StatusChannel(status, () => this.sessions.size, this.options.statusIntervalMs, (now) => this.candles.advanceAll(now.simTimeUs));
    this.ops = new ClientOps({
      feed,
      symbols: [...units.keys()],
      tickers: this.tickers,
      trades: this.trades,
      book: this.book,
      candles: this.candles,
      status: this.status,
      controlToken: this.options.controlToken,
      log: this.options.log,
    });
    this.http = createServer(createHttpHandler({ metrics: this.metrics, status, clientCount: () => this.sessions.size }));
    // permessage-deflate stays off: compressing per client would undo serialise-once fan-out.
    this.wss = new WebSocketServer({ server: this.http, maxPayload: this.options.maxFrameBytes, perMessageDeflate: false, clientTracking: false });
    this.wss.on('connection', (ws, request) => this.accept(ws, request));
    this.wss.on('error', () => {}); // re-emitted http errors; listen() reports them
    this.heartbeat = new Heartbeat(this.sessions, this.options.heartbeatIntervalMs, (session) => {
      this.metrics.heartbeatTerminations++;
      this.options.log({ level: 'info', event: 'heartbeat_timeout', client: session.id });
    });
    this.unsubscribeFeed = feed.onEvent(this.onFeedEvent);
  }

  /** Starts listening; resolves with the bound address. */
  listen(): Promise<FeedServerAddress> {
    if (this.state !== 'idle') {
      const code: WsServerErrorCode = this.state === 'listening' ? 'ALREADY_LISTENING' : 'SERVER_CLOSED';
      return Promise.reject(new MarksimError<WsServerErrorCode>(code, `listen() needs a new server (this one is ${this.state})`));
    }
    this.state = 'listening';
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      this.http.once('error', onError);
      this.http.listen(this.options.port, this.options.host, () => {
        this.http.off('error', onError);
        const address = this.http.address() as AddressInfo;
        const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
        this.boundAddress = { host: address.address, port: address.port, url: `ws://${host}:${address.port}` };
        this.options.log({ level: 'info', event: 'listening', url: this.boundAddress.url });
        resolve(this.boundAddress);
      });
    });
  }

  /** The bound address once listening, else null. */
  get address(): FeedServerAddress | null {
    return this.boundAddress;
  }

  /** Open client connections. */
  get clientCount(): number {
    return this.sessions.size;
  }

  /** A copy of the server's counters. */
  stats(): FeedServerStats {
    const m = this.metrics;
    return {
      clients: this.sessions.size,
      messagesSent: m.messagesSent,
      messagesDropped: m.messagesDropped,
      messagesReceived: m.messagesReceived,
      connectionsTotal: m.connectionsTotal,
      slowConsumerDisconnects: m.slowConsumerDisconnects,
      rateLimited: m.rateLimited,
      refusedFull: m.refusedFull,
      heartbeatTerminations: m.heartbeatTerminations,
    };
  }

  /**
   * Memory relief for the app's memory monitor (hard limit): every client that is behind —
   * holding a backlog in its queue — is closed as a slow consumer, releasing its queued frames and
   * socket buffers. Clients that keep up are untouched. Returns how many were closed.
   */
  shed(): number {
    let closed = 0;
    for (const session of this.sessions) {
      if (session.queued > 0 && !session.closing) {
        this.onSlowConsumer(session);
        closed++;
      }
    }
    if (closed > 0) this.options.log({ level: 'warn', event: 'shed_slow_clients', closed });
    return closed;
  }

  /** Stops accepting, closes every client with 1001 and releases the port. Idempotent. */
  close(): Promise<void> {
    this.closed ??= this.shutdown();
    return this.closed;
  }

  private async shutdown(): Promise<void> {
    const wasListening = this.state === 'listening';
    this.state = 'closing';
    this.unsubscribeFeed();
    this.heartbeat.stop();
    this.status.stop();
    if (this.flushScheduled !== null) clearImmediate(this.flushScheduled);
    const httpClosed = wasListening ? new Promise<void>((resolve) => this.http.close(() => resolve())) : Promise.resolve();
    const socketsClosed = [...this.sessions].map(
      (session) =>
        new Promise<void>((resolve) => {
          if (session.ws.readyState === session.ws.CLOSED) resolve();
          else session.ws.once('close', () => resolve());
          session.close(CLOSE_CODES.GOING_AWAY, 'server shutting down');
        }),
    );
    await Promise.all(socketsClosed);
    this.wss.close();
    this.http.closeAllConnections();
    await httpClosed;
    this.metrics.stop();
    this.state = 'closed';
    this.options.log({ level: 'info', event: 'closed' });
  }

  private readonly onFeedEvent = (event: FeedEvent): void => {
    switch (event.type) {
      case 'ticker':
        this.tickers.publish(event.ticker);
        this.candles.advance(event.ticker.symbol, event.ticker.timeUs);
        break;
      case 'trade':
        this.trades.publish(event);
        this.candles.addTrade(event);
        this.scheduleFlush();
        break;
      case 'level':
        if (this.book.markDirty(event.symbol)) this.scheduleFlush();
        break;
      case 'reset':
        this.tickers.reset(event.symbol);
        this.book.reset(event.symbol);
        this.candles.reset(event.symbol);
        break;
      default:
        break;
    }
  };

  // Book deltas and forming candles are coalesced: at most one message per view per event-loop
  // turn, however many events the simulation emitted in it.
  private scheduleFlush(): void {
    if (this.flushScheduled === null && this.state !== 'closing') this.flushScheduled = setImmediate(this.flush);
  }

  private readonly flush = (): void => {
    this.flushScheduled = null;
    this.book.flush();
    this.candles.flush();
  };

  private accept(ws: WebSocket, request: IncomingMessage): void {
    if (this.state !== 'listening') {
      ws.close(CLOSE_CODES.GOING_AWAY, 'server shutting down');
      return;
    }
    if (this.sessions.size >= this.options.maxClients) {
      this.metrics.refusedFull++;
      const message = `server has its maximum of ${this.options.maxClients} clients; try again later`;
      ws.send(toFrame({ type: 'error', code: 'SERVER_FULL', message }));
      ws.close(CLOSE_CODES.TRY_AGAIN_LATER, 'server full');
      this.options.log({ level: 'warn', event: 'server_full', remote: request.socket.remoteAddress });
      return;
    }
    const session = new Session(this.nextSessionId++, ws, this.options, this.metrics, this.onSlowConsumer);
    this.sessions.add(session);
    this.metrics.connectionsTotal++;
    this.options.log({ level: 'debug', event: 'client_connected', client: session.id, remote: request.socket.remoteAddress });
    ws.on('message', (data, isBinary) => this.receive(session, data, isBinary));
    ws.on('pong', () => Heartbeat.pong(session));
    ws.on('error', (error) => this.options.log({ level: 'debug', event: 'client_error', client: session.id, error: error.message }));
    ws.on('close', (code) => this.release(session, code));
    this.tickers.addSilent(session);
  }

  private release(session: Session, code: number): void {
    if (!this.sessions.delete(session)) return;
    session.dispose();
    this.tickers.remove(session);
    this.trades.remove(session);
    this.book.remove(session);
    this.candles.remove(session);
    this.status.remove(session);
    this.options.log({ level: 'debug', event: 'client_closed', client: session.id, code });
  }

  private receive(session: Session, data: RawData, isBinary: boolean): void {
    this.metrics.messagesReceived++;
    if (session.closing) return;
    const { options } = this;
    const admission = session.admit();
    if (admission !== 'admit') {
      this.metrics.rateLimited++;
      const rule = `at most ${options.rateLimitPerS} messages/s with bursts of ${options.rateLimitBurst}`;
      if (admission === 'abuse') {
        this.options.log({ level: 'warn', event: 'rate_limit_close', client: session.id });
        session.close(CLOSE_CODES.POLICY_VIOLATION, 'rate limit exceeded', {
          code: 'RATE_LIMITED',
          message: `closing: ${options.maxRateLimitStrikes} messages in a row over the rate limit (${rule})`,
        });
      } else {
        session.sendError('RATE_LIMITED', `message ignored: over the rate limit (${rule})`);
      }
      return;
    }
    const bytes = Array.isArray(data) ? data.reduce((sum, part) => sum + part.length, 0) : data.byteLength;
    if (bytes > options.maxMessageBytes) {
      session.sendError('MESSAGE_TOO_LARGE', `message must be at most ${options.maxMessageBytes} bytes (got ${bytes})`);
      return;
    }
    if (isBinary) {
      session.sendError('INVALID_MESSAGE', 'message must be a text frame holding JSON (got a binary frame)');
      return;
    }
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
    const result = parseClientText(text);
    if (result.ok) this.ops.handle(session, result.message);
    else session.sendError(result.code, result.message, result.reqId);
  }

  private readonly onSlowConsumer = (session: Session): void => {
    this.metrics.slowConsumerDisconnects++;
    this.options.log({ level: 'warn', event: 'slow_consumer', client: session.id, queued: session.queued });
    session.close(CLOSE_CODES.TRY_AGAIN_LATER, 'slow consumer', {
      code: 'SLOW_CONSUMER',
      message: `closing: the client fell more than ${this.options.clientBufferSize} messages behind on a lossless channel`,
    });
  };
}
