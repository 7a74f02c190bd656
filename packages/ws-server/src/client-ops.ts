// What the server does for each client operation. Every reply goes to the asking client only;
// refusals are `error` messages and the connection stays open.
import type { BookChannel } from './book-channel.js';
import type { CandleChannel } from './candle-channel.js';
import { runControl } from './control.js';
import type { MarketFeed } from './market-feed.js';
import { describeValue, DEFAULT_BOOK_DEPTH } from './protocol/parse-client-message.js';
import { CANDLE_INTERVALS, CHANNELS } from './protocol/messages.js';
import type { Channel, ClientMessage, ControlRequest, SnapshotRequest, SubscribeRequest, UnsubscribeRequest } from './protocol/messages.js';
import type { Session } from './session.js';
import type { StatusChannel } from './status-channel.js';
import type { TickerChannel } from './ticker-channel.js';
import type { TradeChannel } from './trade-channel.js';
import type { ServerLogger } from './options.js';

/** The channels and settings client operations act on. */
export interface ClientOpsContext {
  readonly feed: MarketFeed;
  readonly symbols: readonly string[];
  readonly tickers: TickerChannel;
  readonly trades: TradeChannel;
  readonly book: BookChannel;
  readonly candles: CandleChannel;
  readonly status: StatusChannel;
  readonly controlToken: string | undefined;
  readonly log: ServerLogger;
}

/** Dispatches parsed client messages. */
export class ClientOps {
  constructor(private readonly context: ClientOpsContext) {}

  handle(session: Session, message: ClientMessage): void {
    switch (message.op) {
      case 'subscribe':
        this.subscribe(session, message);
        break;
      case 'unsubscribe':
        this.unsubscribe(session, message);
        break;
      case 'ping':
        session.reply(
          message.req_id === undefined
            ? { type: 'pong', timestamp: Date.now() * 1000 }
            : { type: 'pong', timestamp: Date.now() * 1000, req_id: message.req_id },
        );
        break;
      case 'snapshot':
        this.snapshot(session, message);
        break;
      case 'control':
        void this.control(session, message);
        break;
    }
  }

  /** The symbols a request names (all when it names none), or null after replying UNKNOWN_SYMBOL. */
  private resolveSymbols(session: Session, symbols: readonly string[] | undefined, reqId: string | number | undefined): readonly string[] | null {
    if (symbols === undefined) return this.context.symbols;
    for (let i = 0; i < symbols.length; i++) {
      if (!this.context.symbols.includes(symbols[i])) {
        session.sendError('UNKNOWN_SYMBOL', `symbols[${i}] must be one of ${this.context.symbols.join(', ')} (got ${describeValue(symbols[i])})`, reqId);
        return null;
      }
    }
    return symbols;
  }

  private subscribe(session: Session, request: SubscribeRequest): void {
    const symbols = this.resolveSymbols(session, request.symbols, request.req_id);
    if (symbols === null) return;
    const { tickers, trades, book, candles, status } = this.context;
    this.leaveDefaultFeed(session);
    session.reply(ack('subscribed', request.channels, symbols, request.req_id));
    for (const channel of request.channels) {
      switch (channel) {
        case 'ticker':
          tickers.subscribe(session, symbols);
          break;
        case 'trades':
          trades.subscribe(session, symbols);
          break;
        case 'book':
          for (const symbol of symbols) book.subscribe(session, symbol, request.depth ?? DEFAULT_BOOK_DEPTH);
          break;
        case 'candles':
          candles.subscribe(session, symbols, request.intervals ?? CANDLE_INTERVALS);
          break;
        case 'status':
          status.subscribe(session);
          break;
      }
    }
  }

  /** The first subscribe or unsubscribe takes the client off the default ticker feed. */
  private leaveDefaultFeed(session: Session): void {
    if (session.explicit) return;
    session.explicit = true;
    this.context.tickers.removeSilent(session);
  }

  private unsubscribe(session: Session, request: UnsubscribeRequest): void {
    const symbols = this.resolveSymbols(session, request.symbols, request.req_id);
    if (symbols === null) return;
    const { tickers, trades, book, candles, status } = this.context;
    // An explicit unsubscribe also ends the default feed: the client now chooses what it gets.
    this.leaveDefaultFeed(session);
    for (const channel of request.channels) {
      switch (channel) {
        case 'ticker':
          tickers.unsubscribe(session, symbols);
          break;
        case 'trades':
          trades.unsubscribe(session, symbols);
          break;
        case 'book':
          for (const symbol of symbols) book.unsubscribe(session, symbol);
          break;
        case 'candles':
          candles.unsubscribe(session, symbols);
          break;
        case 'status':
          status.unsubscribe(session);
          break;
      }
    }
    session.reply(ack('unsubscribed', request.channels, symbols, request.req_id));
  }

  private snapshot(session: Session, request: SnapshotRequest): void {
    if (!this.context.symbols.includes(request.symbol)) {
      session.sendError('UNKNOWN_SYMBOL', `symbol must be one of ${this.context.symbols.join(', ')} (got ${describeValue(request.symbol)})`, request.req_id);
      return;
    }
    if (this.context.book.resend(session, request.symbol)) return;
    session.send(this.context.book.oneOff(request.symbol, request.depth ?? DEFAULT_BOOK_DEPTH), null);
  }

  private async control(session: Session, request: ControlRequest): Promise<void> {
    const { feed, controlToken, log, status } = this.context;
    const reply = await runControl(request, controlToken, feed.control, () => feed.status());
    session.reply(reply);
    if (reply.type === 'control_ack') {
      log({ level: 'info', event: 'control', client: session.id, action: request.action, speed: reply.speed, paused: reply.paused });
      status.publishNow();
    } else {
      log({ level: 'warn', event: 'control_refused', client: session.id, action: request.action, code: reply.code });
    }
  }
}

function ack(
  type: 'subscribed' | 'unsubscribed',
  channels: readonly Channel[],
  symbols: readonly string[],
  reqId: string | number | undefined,
): { type: 'subscribed' | 'unsubscribed'; channels: Channel[]; symbols: string[]; req_id?: string | number } {
  // Channels in the protocol's order, whatever order the client used.
  const ordered = CHANNELS.filter((channel) => channels.includes(channel));
  const message = { type, channels: ordered, symbols: [...symbols] };
  return reqId === undefined ? message : { ...message, req_id: reqId };
}
