// ws ping/pong keepalive: each period, a client that did not answer the previous ping is
// terminated (a half-open TCP connection never answers), the others are pinged again.
import type { Session } from './session.js';

/** Periodic pings over a set of sessions. */
export class Heartbeat {
  private readonly timer: NodeJS.Timeout;

  constructor(
    sessions: ReadonlySet<Session>,
    intervalMs: number,
    onTerminate: (session: Session) => void,
  ) {
    this.timer = setInterval(() => {
      for (const session of sessions) {
        if (!session.alive) {
          onTerminate(session);
          session.ws.terminate();
          continue;
        }
        session.alive = false;
        session.ws.ping();
      }
    }, intervalMs);
    this.timer.unref();
  }

  /** Call from the session's `pong` handler. */
  static pong(session: Session): void {
    session.alive = true;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
