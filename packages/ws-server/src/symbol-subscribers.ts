// Who receives a channel's messages for each symbol.
import type { Session } from './session.js';

const NONE: ReadonlySet<Session> = new Set();

/** symbol → subscribed sessions. */
export class SymbolSubscribers {
  private readonly bySymbol = new Map<string, Set<Session>>();

  /** The sessions subscribed to `symbol` (an empty set when none). */
  of(symbol: string): ReadonlySet<Session> {
    return this.bySymbol.get(symbol) ?? NONE;
  }

  /** Whether `session` receives `symbol`. */
  has(session: Session, symbol: string): boolean {
    return this.bySymbol.get(symbol)?.has(session) ?? false;
  }

  add(session: Session, symbol: string): void {
    let sessions = this.bySymbol.get(symbol);
    if (sessions === undefined) {
      sessions = new Set();
      this.bySymbol.set(symbol, sessions);
    }
    sessions.add(session);
  }

  delete(session: Session, symbol: string): void {
    const sessions = this.bySymbol.get(symbol);
    if (sessions === undefined) return;
    sessions.delete(session);
    if (sessions.size === 0) this.bySymbol.delete(symbol);
  }

  /** Removes a session from every symbol. */
  deleteAll(session: Session): void {
    for (const symbol of [...this.bySymbol.keys()]) this.delete(session, symbol);
  }
}

/** Sends one shared frame to every session in the set. */
export function publish(sessions: ReadonlySet<Session>, frame: Buffer, conflateKey: string | null): void {
  for (const session of sessions) session.send(frame, conflateKey);
}
