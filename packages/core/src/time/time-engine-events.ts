/** How the engine advances: as fast as possible, or paced by the wall clock × speed. */
export type TimeEngineMode = 'fast' | 'realtime';

/** Lifecycle: ready → running ⇄ paused → stopped (terminal). */
export type TimeEngineState = 'ready' | 'running' | 'paused' | 'stopped';

/** State changes and problems the engine reports; `timeUs` is the simulated clock at that moment. */
export type TimeEngineEvent =
  | { readonly type: 'started'; readonly timeUs: number; readonly mode: TimeEngineMode; readonly speed: number }
  | { readonly type: 'paused'; readonly timeUs: number }
  | { readonly type: 'resumed'; readonly timeUs: number }
  | { readonly type: 'speed'; readonly timeUs: number; readonly speed: number }
  | { readonly type: 'mode'; readonly timeUs: number; readonly mode: TimeEngineMode }
  /** Running with nothing queued (up to the runUntil limit, if any); emitted once per idle spell. */
  | { readonly type: 'idle'; readonly timeUs: number }
  /** runUntil reached its target; the engine is paused there. */
  | { readonly type: 'reached'; readonly timeUs: number }
  /** `error` is set only when the wall clock itself failed and forced the stop. */
  | { readonly type: 'stopped'; readonly timeUs: number; readonly error?: unknown }
  /** A handler threw or its promise rejected; the engine went on. */
  | { readonly type: 'handler-error'; readonly timeUs: number; readonly error: unknown }
  /** A listener of another engine event threw; the engine went on. */
  | { readonly type: 'listener-error'; readonly timeUs: number; readonly eventType: string; readonly error: unknown };

/** The `type` tags of TimeEngineEvent. */
export type TimeEngineEventType = TimeEngineEvent['type'];

/** Counters of one engine's life. */
export interface TimeEngineStats {
  /** Handler runs so far. */
  readonly eventsRun: number;
  /** Handlers that threw or rejected. */
  readonly handlerErrors: number;
  /** Times the engine handed control back to the host event loop mid-run. */
  readonly yields: number;
  /** Timers still to run (periodic timers count once). */
  readonly pendingTimers: number;
}
