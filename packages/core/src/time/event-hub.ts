/** A listener for one event type of a union `E` discriminated on `type`. */
export type EventListener<E extends { type: string }, T extends E['type']> = (event: Extract<E, { type: T }>) => void;

/**
 * A tiny typed event emitter for unions discriminated on `type` (browser-safe; no Node
 * EventEmitter). A listener that throws is isolated: the error goes to `onListenerError` and
 * the other listeners still run.
 */
export class EventHub<E extends { type: string }> {
  #listeners = new Map<string, Array<(event: E) => void>>();
  readonly #onListenerError: (error: unknown, event: E) => void;

  /** `onListenerError` receives errors thrown by listeners (they must not break the emitter). */
  constructor(onListenerError: (error: unknown, event: E) => void = () => {}) {
    this.#onListenerError = onListenerError;
  }

  /** Subscribes to one event type; returns the unsubscribe function. */
  on<T extends E['type']>(type: T, listener: EventListener<E, T>): () => void {
    const generic = listener as unknown as (event: E) => void;
    const list = this.#listeners.get(type);
    // Copy on write: an emit in progress keeps iterating the array it started with.
    this.#listeners.set(type, list === undefined ? [generic] : [...list, generic]);
    return () => {
      const current = this.#listeners.get(type);
      if (current === undefined) return;
      const i = current.indexOf(generic);
      if (i < 0) return;
      const next = current.slice();
      next.splice(i, 1);
      if (next.length === 0) this.#listeners.delete(type);
      else this.#listeners.set(type, next);
    };
  }

  /** Resolves with the next event of `type`. */
  once<T extends E['type']>(type: T): Promise<Extract<E, { type: T }>> {
    return new Promise((resolve) => {
      const off = this.on(type, (event) => {
        off();
        resolve(event);
      });
    });
  }

  /** true if anyone listens to `type`. */
  has(type: E['type']): boolean {
    return this.#listeners.has(type);
  }

  /** Delivers `event` to the listeners of its type, in subscription order. */
  emit(event: E): void {
    const list = this.#listeners.get(event.type);
    if (list === undefined) return;
    for (const listener of list) {
      try {
        listener(event);
      } catch (error) {
        this.#onListenerError(error, event);
      }
    }
  }
}
