// The status channel: simulation and server state about once a second, and right after a
// control operation changed it.
import type { FeedStatus } from './market-feed.js';
import { encodeStatus } from './protocol/encode.js';
import { toFrame } from './session.js';
import type { Session } from './session.js';
import { publish } from './symbol-subscribers.js';

/** Status subscribers and the periodic publication. */
export class StatusChannel {
  private readonly subscribers = new Set<Session>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly status: () => FeedStatus,
    private readonly clientCount: () => number,
    intervalMs: number,
    private readonly onTick: (status: FeedStatus) => void,
  ) {
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
  }

  /** Subscribes and sends the current status. */
  subscribe(session: Session): void {
    if (this.subscribers.has(session)) return;
    this.subscribers.add(session);
    session.send(this.frame(this.status()), null);
  }

  unsubscribe(session: Session): void {
    this.subscribers.delete(session);
  }

  /** Forgets a closed session. */
  remove(session: Session): void {
    this.subscribers.delete(session);
  }

  /** Publishes the status now (after a control operation). */
  publishNow(): void {
    if (this.subscribers.size > 0) publish(this.subscribers, this.frame(this.status()), null);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private tick(): void {
    const status = this.status();
    this.onTick(status);
    if (this.subscribers.size > 0) publish(this.subscribers, this.frame(status), null);
  }

  private frame(status: FeedStatus): Buffer {
    return toFrame(
      encodeStatus({ simTimeUs: status.simTimeUs, speed: status.speed, paused: status.paused, clients: this.clientCount(), eventsPerS: status.eventsPerS }),
    );
  }
}
