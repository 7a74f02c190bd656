// One client connection: its outbound path (socket first, then a bounded conflating queue while
// the socket is backed up), its inbound rate limit, and what it is subscribed to. The broadcast
// path calls send() and never waits for a client: a slow client costs a queue slot, then its
// connection, never the simulation's or other clients' time.
import type { WebSocket } from 'ws';
import type { ErrorCode, ServerMessage } from './protocol/messages.js';
import type { ServerMetrics } from './metrics.js';
import type { ResolvedOptions } from './options.js';
import { TokenBucket } from './rate-limiter.js';
import { SendQueue } from './send-queue.js';

// Frames are encoded once per broadcast as Buffers; this makes ws send them as text frames.
const TEXT_FRAME = Object.freeze({ binary: false });
const WS_OPEN = 1;

/** Close codes the server uses (RFC 6455 §7.4.1). */
export const CLOSE_CODES = Object.freeze({
  GOING_AWAY: 1001,
  POLICY_VIOLATION: 1008,
  MESSAGE_TOO_BIG: 1009,
  TRY_AGAIN_LATER: 1013,
});

/** What the rate limit says about an inbound message. */
export type Admission = 'admit' | 'limited' | 'abuse';

/** Encodes a server message once, as the frame every recipient shares. */
export function toFrame(message: ServerMessage): Buffer {
  return Buffer.from(JSON.stringify(message));
}

/** A connected client. */
export class Session {
  /** False until the client subscribes: it then stops getting the seed's default tickers. */
  explicit = false;
  /** Cleared by each heartbeat ping, set by the pong. */
  alive = true;
  /** Book subscriptions: symbol → depth. */
  readonly bookDepths = new Map<string, number>();
  private closingState = false;
  private waitingForDrain = false;
  private readonly queue: SendQueue;
  private readonly bucket: TokenBucket;
  private strikes = 0;
  private closeTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly id: number,
    readonly ws: WebSocket,
    private readonly options: ResolvedOptions,
    private readonly metrics: ServerMetrics,
    private readonly onSlowConsumer: (session: Session) => void,
  ) {
    this.queue = new SendQueue(options.clientBufferSize);
    this.bucket = new TokenBucket(options.rateLimitPerS, options.rateLimitBurst);
  }

  /** True once the server started closing this connection; sends are then ignored. */
  get closing(): boolean {
    return this.closingState;
  }

  /** Messages waiting in this client's queue. */
  get queued(): number {
    return this.queue.size;
  }

  /**
   * Sends a frame. With a `conflateKey` (tickers) a backed-up client keeps only the newest frame
   * per key; without one the frame is lossless, and a client whose queue is full is closed.
   */
  send(frame: Buffer, conflateKey: string | null): void {
    if (this.closingState) return;
    if (!this.waitingForDrain) {
      this.write(frame);
      return;
    }
    const outcome = this.queue.push(frame, conflateKey);
    if (outcome === 'queued') return;
    if (outcome === 'conflated' || conflateKey !== null) {
      this.metrics.messagesDropped++;
      return;
    }
    this.onSlowConsumer(this);
  }

  /** Sends one reply (ack, error, snapshot) losslessly. */
  reply(message: ServerMessage): void {
    this.send(toFrame(message), null);
  }

  /** Sends an error reply. */
  sendError(code: ErrorCode, message: string, reqId?: string | number): void {
    this.reply(reqId === undefined ? { type: 'error', code, message } : { type: 'error', code, message, req_id: reqId });
  }

  /** Applies the inbound rate limit to one message. */
  admit(): Admission {
    if (this.bucket.take()) {
      this.strikes = 0;
      return 'admit';
    }
    this.strikes++;
    return this.strikes >= this.options.maxRateLimitStrikes ? 'abuse' : 'limited';
  }

  /**
   * Closes the connection: a last error (written past the queue, as the client may be stuck),
   * the close frame, and a terminate if the handshake does not finish in closeTimeoutMs.
   */
  close(code: number, reason: string, lastError?: { code: ErrorCode; message: string }): void {
    if (this.closingState) return;
    this.closingState = true;
    this.queue.clear();
    if (this.ws.readyState !== WS_OPEN) return;
    if (lastError !== undefined) this.ws.send(toFrame({ type: 'error', code: lastError.code, message: lastError.message }), TEXT_FRAME);
    this.ws.close(code, reason);
    this.closeTimer = setTimeout(() => this.ws.terminate(), this.options.closeTimeoutMs);
    this.closeTimer.unref();
  }

  /** Called once the socket is closed: releases timers and queued frames. */
  dispose(): void {
    this.closingState = true;
    this.queue.clear();
    if (this.closeTimer !== null) clearTimeout(this.closeTimer);
    this.closeTimer = null;
  }

  private write(frame: Buffer): void {
    const ws = this.ws;
    if (ws.readyState !== WS_OPEN) return;
    this.metrics.messagesSent++;
    // Past the high-water mark, ask ws to call back once this frame reached the kernel; until
    // then further frames wait (and conflate) in the queue instead of piling up in the socket.
    if (ws.bufferedAmount + frame.length > this.options.sendHighWaterBytes) {
      this.waitingForDrain = true;
      ws.send(frame, TEXT_FRAME, this.onDrained);
    } else {
      ws.send(frame, TEXT_FRAME);
    }
  }

  private readonly onDrained = (error?: Error): void => {
    if (error !== undefined && error !== null) return;
    if (this.closingState) return;
    this.waitingForDrain = false;
    let frame = this.queue.shift();
    while (frame !== null) {
      this.write(frame);
      if (this.waitingForDrain) return;
      frame = this.queue.shift();
    }
  };
}
