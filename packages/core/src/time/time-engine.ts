import { MarksimError } from '../errors/marksim-error.js';
import { EventHub } from './event-hub.js';
import type { EventListener } from './event-hub.js';
import { InterruptibleWait } from './interruptible-wait.js';
import { createPeriodicSchedule, nextPeriodicTimeUs } from './periodic-schedule.js';
import { RealtimePacer } from './realtime-pacer.js';
import { ScheduledTimer, TIMER_DONE, TIMER_QUEUED, TIMER_RUNNING } from './scheduled-timer.js';
import type { TimeHandler, TimerHandle } from './scheduled-timer.js';
import { systemClock } from './system-clock.js';
import type { TimeEngineEvent, TimeEngineEventType, TimeEngineMode, TimeEngineState, TimeEngineStats } from './time-engine-events.js';
import { checkMode, checkSpeed, resolveTimeEngineOptions } from './time-engine-options.js';
import type { EveryOptions, TimeEngineOptions } from './time-engine-options.js';
import { TimerQueue } from './timer-queue.js';
import type { WallClock } from './wall-clock.js';

function invalidArgument(message: string): MarksimError {
  return new MarksimError('INVALID_ARGUMENT', message);
}

/**
 * The discrete-event clock of a simulation (the seed's AsyncTimeEngine): timers ordered by
 * (timeUs, insertion order) on an integer-µs simulated clock, run either as fast as possible or
 * paced by an injected wall clock × speed.
 *
 * Async handlers (a handler returning a promise):
 * - fast mode awaits each one before the next event, so a run is reproducible whatever the
 *   promise waits on;
 * - real-time mode starts every handler due at the same instant back to back, then awaits them
 *   together before any later instant. Handlers of one instant thus run concurrently and never
 *   block each other, while the clock holds at that instant until they settle — later timers
 *   may depend on what they do (an agent's order arriving after its latency). Afterwards the
 *   engine catches up to the wall-clock schedule rather than shifting it, so a slow handler
 *   costs no drift. Per-handler wall timeouts belong to the caller (the agent pool).
 *
 * A handler that throws or rejects is reported as a `handler-error` event; the engine goes on.
 */
export class TimeEngine {
  readonly #clock: WallClock;
  readonly #queue = new TimerQueue();
  readonly #events: EventHub<TimeEngineEvent>;
  readonly #pacer: RealtimePacer;
  readonly #yieldEveryEvents: number;
  readonly #yieldEveryMs: number;
  #state: TimeEngineState = 'ready';
  #mode: TimeEngineMode;
  #clockUs: number;
  /** true while the handlers of one instant run or settle: the clock must read that instant. */
  #holdClock = false;
  #limitUs = Infinity;
  #limitResolve: ((reached: boolean) => void) | null = null;
  #driving = false;
  #driveDone: Promise<void> = Promise.resolve();
  #stepping = false;
  #stepChain: Promise<unknown> = Promise.resolve();
  readonly #waiter: InterruptibleWait;
  #idleReported = false;
  #burstEvents = 0;
  #burstStartMs = 0;
  #eventsRun = 0;
  #handlerErrors = 0;
  #yields = 0;

  /** An engine in state `ready`; see DEFAULT_TIME_ENGINE_OPTIONS for the defaults. */
  constructor(options: TimeEngineOptions = {}) {
    const resolved = resolveTimeEngineOptions(options);
    this.#clock = options.clock ?? systemClock;
    this.#waiter = new InterruptibleWait(this.#clock);
    this.#mode = resolved.mode;
    this.#pacer = new RealtimePacer(resolved.speed);
    this.#clockUs = resolved.startTimeUs;
    this.#yieldEveryEvents = resolved.yieldEveryEvents;
    this.#yieldEveryMs = resolved.yieldEveryMs;
    this.#events = new EventHub<TimeEngineEvent>((error, event) => {
      // A throwing listener must not break the engine; report it unless that report itself threw.
      if (event.type !== 'listener-error') {
        this.#emit({ type: 'listener-error', timeUs: this.#clockUs, eventType: event.type, error });
      }
    });
  }

  /**
   * The simulated clock (µs). Inside a handler it is the handler's instant. In real-time mode it
   * follows the wall clock between events, but never passes an event that has not run yet.
   */
  get nowUs(): number {
    if (this.#mode === 'realtime' && this.#state === 'running' && !this.#holdClock) {
      const liveUs = this.#pacer.simAtUs(this.#clock.nowMs());
      const capUs = Math.min(this.#queue.peekTimeUs(), this.#limitUs);
      const timeUs = liveUs < capUs ? liveUs : capUs;
      if (timeUs > this.#clockUs) this.#clockUs = timeUs;
    }
    return this.#clockUs;
  }

  /** ready, running, paused or stopped. */
  get state(): TimeEngineState {
    return this.#state;
  }

  /** fast or realtime. */
  get mode(): TimeEngineMode {
    return this.#mode;
  }

  /** Real-time speed multiplier (simulated µs per wall µs). */
  get speed(): number {
    return this.#pacer.speed;
  }

  /** Counters: events run, handler errors, yields, pending timers. */
  get stats(): TimeEngineStats {
    return { eventsRun: this.#eventsRun, handlerErrors: this.#handlerErrors, yields: this.#yields, pendingTimers: this.#queue.size };
  }

  /** Subscribes to one engine event type; returns the unsubscribe function. */
  on<T extends TimeEngineEventType>(type: T, listener: EventListener<TimeEngineEvent, T>): () => void {
    return this.#events.on(type, listener);
  }

  /** Resolves with the next engine event of `type`. */
  once<T extends TimeEngineEventType>(type: T): Promise<Extract<TimeEngineEvent, { type: T }>> {
    return this.#events.once(type);
  }

  /** Runs `handler` at simulated time `timeUs` (an integer ≥ nowUs). */
  at(timeUs: number, handler: TimeHandler): TimerHandle {
    if (this.#state === 'stopped') throw this.#stoppedError('at');
    if (!Number.isSafeInteger(timeUs) || timeUs < this.#clockUs) {
      throw invalidArgument(`timeUs must be an integer >= nowUs ${this.#clockUs} (got ${timeUs}) at timeEngine.at`);
    }
    if (typeof handler !== 'function') throw invalidArgument(`handler must be a function (got ${typeof handler}) at timeEngine.at`);
    return this.#enqueue(new ScheduledTimer(this.#queue, handler, timeUs, null));
  }

  /** Runs `handler` `delayUs` (an integer ≥ 0) after nowUs. */
  after(delayUs: number, handler: TimeHandler): TimerHandle {
    if (!Number.isSafeInteger(delayUs) || delayUs < 0) {
      throw invalidArgument(`delayUs must be an integer >= 0 (got ${delayUs}) at timeEngine.after`);
    }
    return this.at(this.nowUs + delayUs, handler);
  }

  /**
   * Runs `handler` repeatedly every `intervalUs`: on a fixed grid from `startUs` (default
   * now + intervalUs), optionally jittered, or as Poisson arrivals with mean gap intervalUs
   * starting at `startUs` (default now). One record is reused for all runs.
   */
  every(intervalUs: number, handler: TimeHandler, options: EveryOptions = {}): TimerHandle {
    if (this.#state === 'stopped') throw this.#stoppedError('every');
    if (typeof handler !== 'function') throw invalidArgument(`handler must be a function (got ${typeof handler}) at timeEngine.every`);
    const { schedule, firstUs } = createPeriodicSchedule(intervalUs, options, this.nowUs);
    return this.#enqueue(new ScheduledTimer(this.#queue, handler, firstUs, schedule));
  }

  /** ready → running. Ignored in any other live state (use resume); throws once stopped. */
  start(): void {
    if (this.#state === 'stopped') throw this.#stoppedError('start');
    if (this.#state !== 'ready') return;
    this.#pacer.anchor(this.#clockUs, this.#clock.nowMs());
    this.#state = 'running';
    this.#emit({ type: 'started', timeUs: this.#clockUs, mode: this.#mode, speed: this.#pacer.speed });
    this.#ensureDriving();
  }

  /** running → paused: no handler starts until resume/step; a pending async handler still settles. */
  pause(): void {
    if (this.#state !== 'running') return;
    this.#clockUs = this.nowUs;
    this.#state = 'paused';
    this.#wake();
    this.#emit({ type: 'paused', timeUs: this.#clockUs });
  }

  /** paused → running, from the same simulated time (real-time mode re-anchors to the wall clock). */
  resume(): void {
    if (this.#state !== 'paused') return;
    this.#pacer.anchor(this.#clockUs, this.#clock.nowMs());
    this.#state = 'running';
    this.#emit({ type: 'resumed', timeUs: this.#clockUs });
    this.#ensureDriving();
  }

  /** Ends the engine for good: pending timers are dropped and scheduling throws ENGINE_STOPPED. */
  stop(): void {
    if (this.#state === 'stopped') return;
    this.#halt(undefined);
  }

  /** Changes the real-time speed multiplier, re-anchoring so the simulated clock stays continuous. */
  setSpeed(speed: number): void {
    if (this.#state === 'stopped') throw this.#stoppedError('setSpeed');
    checkSpeed(speed, 'timeEngine.setSpeed');
    if (speed === this.#pacer.speed) return;
    if (this.#state === 'running' && this.#mode === 'realtime') {
      this.#pacer.anchor(this.nowUs, this.#clock.nowMs(), speed);
      this.#wake();
    } else {
      this.#pacer.anchor(this.#clockUs, this.#clock.nowMs(), speed);
    }
    this.#emit({ type: 'speed', timeUs: this.#clockUs, speed });
  }

  /** Switches between fast and real-time mode at the current simulated time. */
  setMode(mode: TimeEngineMode): void {
    if (this.#state === 'stopped') throw this.#stoppedError('setMode');
    checkMode(mode, 'timeEngine.setMode');
    if (mode === this.#mode) return;
    this.#clockUs = this.nowUs;
    this.#mode = mode;
    this.#pacer.anchor(this.#clockUs, this.#clock.nowMs());
    this.#wake();
    this.#emit({ type: 'mode', timeUs: this.#clockUs, mode });
  }

  /**
   * Runs the next `count` timers immediately, ignoring wall time, awaiting each async handler.
   * Pauses a running engine first. Resolves with the number of timers run (fewer if the queue
   * empties or the engine is resumed or stopped meanwhile).
   */
  step(count = 1): Promise<number> {
    if (this.#state === 'stopped') throw this.#stoppedError('step');
    if (!Number.isSafeInteger(count) || count < 1) throw invalidArgument(`count must be an integer >= 1 (got ${count}) at timeEngine.step`);
    if (this.#state === 'running') this.pause();
    const run = this.#stepChain.then(() => this.#runSteps(count));
    this.#stepChain = run;
    return run;
  }

  /**
   * Runs (in the current mode) until the simulated clock reaches `timeUs`: every timer due at or
   * before it runs, then the clock is set to `timeUs` and the engine pauses. Resolves true when
   * reached, false if stopped first or superseded by another runUntil.
   */
  runUntil(timeUs: number): Promise<boolean> {
    if (this.#state === 'stopped') throw this.#stoppedError('runUntil');
    const nowUs = this.nowUs;
    if (!Number.isSafeInteger(timeUs) || timeUs < nowUs) {
      throw invalidArgument(`timeUs must be an integer >= nowUs ${nowUs} (got ${timeUs}) at timeEngine.runUntil`);
    }
    this.#limitResolve?.(false);
    this.#limitUs = timeUs;
    const reached = new Promise<boolean>((resolve) => {
      this.#limitResolve = resolve;
    });
    if (this.#state === 'ready') this.start();
    else if (this.#state === 'paused') this.resume();
    else this.#wake();
    return reached;
  }

  #enqueue(timer: ScheduledTimer): ScheduledTimer {
    this.#queue.push(timer);
    // An idle or waiting loop must re-plan if this timer comes before what it waits for.
    if (this.#waiter.waiting && timer.timeUs < this.#waiter.untilUs) this.#wake();
    return timer;
  }

  #ensureDriving(): void {
    if (this.#driving || this.#stepping || this.#state !== 'running') return;
    this.#driving = true;
    this.#driveDone = this.#drive();
  }

  async #drive(): Promise<void> {
    try {
      // Start on a microtask: code right after start() (subscriptions, more timers) runs first.
      await undefined;
      this.#burstEvents = 0;
      this.#burstStartMs = this.#clock.nowMs();
      while (this.#state === 'running') {
        const next = this.#queue.peek();
        if (next === undefined || next.timeUs > this.#limitUs) await this.#waitWithoutTimers();
        else if (this.#mode === 'fast') await this.#runFastBurst();
        else await this.#runRealtimeInstant(next);
      }
    } catch (error) {
      // Handlers and listeners are isolated, so only a failing WallClock gets here.
      this.#halt(error);
    } finally {
      this.#driving = false;
    }
  }

  /** Fast mode: run timers back to back, yielding to the host every N events or M ms. */
  async #runFastBurst(): Promise<void> {
    const queue = this.#queue;
    const clock = this.#clock;
    const maxEvents = this.#yieldEveryEvents;
    const deadlineMs = clock.nowMs() + this.#yieldEveryMs;
    let count = 0;
    while (this.#state === 'running' && this.#mode === 'fast') {
      const timer = queue.popUpTo(this.#limitUs);
      if (timer === undefined) return;
      const pending = this.#fire(timer);
      if (pending !== undefined) {
        this.#holdClock = true;
        await this.#settle(pending, timer.timeUs);
        this.#holdClock = false;
      }
      // Reading the wall clock costs more than a trivial handler, so check it every 64 events.
      if (++count >= maxEvents || ((count & 63) === 0 && clock.nowMs() >= deadlineMs)) {
        this.#yields++;
        await clock.yield();
        return;
      }
    }
  }

  /** Real-time mode: wait for the next instant's wall time, then run all its timers. */
  async #runRealtimeInstant(next: ScheduledTimer): Promise<void> {
    const clock = this.#clock;
    const dueMs = this.#pacer.wallAtMs(next.timeUs);
    const nowMs = clock.nowMs();
    if (dueMs > nowMs) {
      await this.#waiter.wait(dueMs - nowMs, next.timeUs);
      return;
    }
    const instantUs = next.timeUs;
    let pending: Array<Promise<void>> | null = null;
    this.#holdClock = true;
    while (this.#state === 'running' && this.#mode === 'realtime') {
      const timer = this.#queue.popUpTo(instantUs);
      if (timer === undefined) break;
      const result = this.#fire(timer);
      if (result !== undefined) (pending ??= []).push(this.#settle(result, instantUs));
      this.#burstEvents++;
    }
    if (pending !== null) await Promise.all(pending);
    this.#holdClock = false;
    // Catching up after a stall can mean a long run of due events: keep I/O alive meanwhile.
    if (this.#burstEvents >= this.#yieldEveryEvents || clock.nowMs() - this.#burstStartMs >= this.#yieldEveryMs) {
      this.#yields++;
      await clock.yield();
      this.#burstEvents = 0;
      this.#burstStartMs = clock.nowMs();
    }
  }

  /** Nothing to run before the limit: reach the runUntil target, or idle until scheduled. */
  async #waitWithoutTimers(): Promise<void> {
    const limitUs = this.#limitUs;
    if (limitUs !== Infinity) {
      if (this.#mode === 'realtime') {
        const dueMs = this.#pacer.wallAtMs(limitUs);
        const nowMs = this.#clock.nowMs();
        if (dueMs > nowMs) {
          await this.#waiter.wait(dueMs - nowMs, limitUs);
          return;
        }
      }
      this.#reachLimit();
      return;
    }
    if (!this.#idleReported) {
      this.#idleReported = true;
      this.#emit({ type: 'idle', timeUs: this.nowUs });
      if (this.#state !== 'running' || this.#queue.size > 0) return;
    }
    await this.#waiter.wait(Infinity, Infinity);
  }

  #reachLimit(): void {
    const resolve = this.#limitResolve;
    if (this.#limitUs > this.#clockUs) this.#clockUs = this.#limitUs;
    this.#limitUs = Infinity;
    this.#limitResolve = null;
    this.#state = 'paused';
    this.#emit({ type: 'reached', timeUs: this.#clockUs });
    this.#emit({ type: 'paused', timeUs: this.#clockUs });
    resolve?.(true);
  }

  async #runSteps(count: number): Promise<number> {
    // A drive loop still awaiting a handler from before the pause finishes first.
    await this.#driveDone;
    if (this.#state === 'running' || this.#state === 'stopped') return 0;
    this.#stepping = true;
    let ran = 0;
    try {
      while (ran < count && (this.#state === 'paused' || this.#state === 'ready')) {
        const timer = this.#queue.popUpTo(Infinity);
        if (timer === undefined) break;
        ran++;
        this.#holdClock = true;
        const pending = this.#fire(timer);
        if (pending !== undefined) await this.#settle(pending, timer.timeUs);
        this.#holdClock = false;
      }
    } finally {
      this.#stepping = false;
      this.#holdClock = false;
    }
    // Resumed while a stepped handler was pending: the drive loop was held back until now.
    this.#ensureDriving();
    return ran;
  }

  /** Runs one timer's handler; returns its promise if it returned one. Re-arms periodic timers. */
  #fire(timer: ScheduledTimer): PromiseLike<void> | undefined {
    this.#clockUs = timer.timeUs;
    this.#eventsRun++;
    this.#idleReported = false;
    timer.state = TIMER_RUNNING;
    let result: void | PromiseLike<void>;
    try {
      result = timer.handler(timer.timeUs);
    } catch (error) {
      this.#reportHandlerError(error, timer.timeUs);
      result = undefined;
    }
    if (timer.state === TIMER_RUNNING) {
      // Re-arm before awaiting the handler's promise, so a periodic timer keeps its cadence.
      if (timer.periodic !== null && this.#state !== 'stopped') {
        timer.timeUs = nextPeriodicTimeUs(timer.periodic, timer.timeUs);
        timer.state = TIMER_QUEUED;
        this.#queue.push(timer);
      } else {
        timer.state = TIMER_DONE;
      }
    }
    if (result !== undefined && result !== null && typeof (result as PromiseLike<void>).then === 'function') return result;
    return undefined;
  }

  async #settle(pending: PromiseLike<void>, timeUs: number): Promise<void> {
    try {
      await pending;
    } catch (error) {
      this.#reportHandlerError(error, timeUs);
    }
  }

  #reportHandlerError(error: unknown, timeUs: number): void {
    this.#handlerErrors++;
    this.#emit({ type: 'handler-error', timeUs, error });
  }

  #wake(): void {
    if (!this.#waiter.waiting) return;
    this.#burstEvents = 0;
    this.#burstStartMs = this.#clock.nowMs();
    this.#waiter.wake();
  }

  #halt(error: unknown): void {
    // After a wall-clock failure, do not ask that clock for the time again.
    if (error === undefined) this.#clockUs = this.nowUs;
    this.#state = 'stopped';
    this.#wake();
    this.#queue.clear();
    const resolve = this.#limitResolve;
    this.#limitUs = Infinity;
    this.#limitResolve = null;
    resolve?.(false);
    this.#emit(error === undefined ? { type: 'stopped', timeUs: this.#clockUs } : { type: 'stopped', timeUs: this.#clockUs, error });
  }

  #emit(event: TimeEngineEvent): void {
    this.#events.emit(event);
  }

  #stoppedError(operation: string): MarksimError {
    return new MarksimError('ENGINE_STOPPED', `${operation}() called after stop() at timeEngine.${operation}`);
  }
}
