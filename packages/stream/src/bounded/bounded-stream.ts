import { requireInteger, streamError } from '../errors.js';
import { ChannelQueue } from './channel-queue.js';
import type { DrainListener, QueueOwner, StreamTotals } from './channel-queue.js';
import { Subscription, validateSpec } from './subscription.js';
import type { SubscriptionHost } from './subscription.js';
import type {
  ChannelMap,
  ChannelOf,
  ChannelSpec,
  StreamCounters,
  StreamItem,
  SubscribeOptions,
} from './types.js';

/** Default items per subscriber channel: the seed's `client_buffer_size`. */
export const DEFAULT_SUBSCRIBER_CAPACITY = 100;

/** Options of a BoundedStream. */
export interface BoundedStreamOptions {
  /** Per-channel capacity of subscribers that name none (items; DEFAULT_SUBSCRIBER_CAPACITY). */
  readonly defaultCapacity?: number;
}

const EMPTY_ROUTE: readonly ChannelQueue[] = [];

/**
 * The bounded publish/subscribe stream between the simulation and its consumers (the seed's
 * BoundedMarketDataStream). Each subscriber has a fixed capacity and a policy per channel, so
 * memory stays bounded however slow a consumer is. publish() is synchronous and O(1) per lossy
 * subscriber; it returns a promise only when a `wait` subscriber is full, and the producer
 * should await it before publishing again.
 */
export class BoundedStream<M extends ChannelMap> implements SubscriptionHost, DrainListener {
  private readonly defaultCapacity: number;
  private readonly routes = new Map<string, ChannelQueue[]>();
  private readonly subscriptionSet = new Set<Subscription<M>>();
  private readonly totals: StreamTotals = { delivered: 0, dropped: 0, conflated: 0 };
  private seq = 0;
  private waits = 0;
  private sheds = 0;
  private shedItems = 0;
  private blockedQueues = 0;
  private drainPromise: Promise<void> | undefined;
  private resolveDrain: (() => void) | undefined;
  private isClosed = false;
  private subscriberCount = 0;

  constructor(options: BoundedStreamOptions = {}) {
    this.defaultCapacity = options.defaultCapacity ?? DEFAULT_SUBSCRIBER_CAPACITY;
    requireInteger('defaultCapacity', this.defaultCapacity, 1);
  }

  /** True after close(). */
  get closed(): boolean {
    return this.isClosed;
  }

  /** True while a `wait` subscriber is full: the producer should await the last publish(). */
  get blocked(): boolean {
    return this.blockedQueues > 0;
  }

  /** Live subscriptions. */
  get subscriptions(): Subscription<M>[] {
    return [...this.subscriptionSet];
  }

  /** Stream-wide counters (a fresh object). */
  get counters(): StreamCounters {
    return {
      published: this.seq,
      delivered: this.totals.delivered,
      dropped: this.totals.dropped,
      conflated: this.totals.conflated,
      waits: this.waits,
      sheds: this.sheds,
      shedItems: this.shedItems,
      subscribers: this.subscriptionSet.size,
    };
  }

  /** True when some subscriber receives `channel`: lets the producer skip building unwanted items. */
  hasSubscribers(channel: ChannelOf<M>): boolean {
    return (this.routes.get(channel)?.length ?? 0) > 0;
  }

  /**
   * Offers `item` on `channel` to every subscriber of it. Returns undefined, or — when a `wait`
   * subscriber is full — a promise that resolves once every full `wait` queue has drained to
   * half its capacity (or its subscriber left). Items are never refused: a producer that does
   * not await makes `wait` queues grow past their capacity.
   */
  publish<C extends ChannelOf<M>>(channel: C, item: M[C]): Promise<void> | undefined {
    if (this.isClosed) throw streamError('STREAM_CLOSED', `publish() on closed stream (channel '${channel}')`);
    const seq = ++this.seq;
    const route = this.routes.get(channel) ?? EMPTY_ROUTE;
    if (route.length > 0) {
      const envelope: StreamItem = { type: 'item', channel, item, seq };
      for (let index = 0; index < route.length; index++) {
        const queue = route[index];
        if (queue.offer(envelope) && !queue.blocking) {
          queue.blocking = true;
          this.blockedQueues++;
        }
        if (queue.owner.parked) queue.owner.wake();
      }
    }
    if (this.blockedQueues === 0) return undefined;
    this.waits++;
    if (this.drainPromise === undefined) {
      this.drainPromise = new Promise((resolve) => {
        this.resolveDrain = resolve;
      });
    }
    return this.drainPromise;
  }

  /** Adds a consumer with a policy per channel (see SubscribeOptions). */
  subscribe(options: SubscribeOptions<M>): Subscription<M> {
    if (this.isClosed) throw streamError('STREAM_CLOSED', `subscribe() on closed stream (name '${options?.name}')`);
    const capacity = options.capacity ?? this.defaultCapacity;
    requireInteger('capacity', capacity, 1);
    const entries = Object.entries(options.channels ?? {}).filter(([, spec]) => spec !== undefined);
    if (entries.length === 0) throw streamError('INVALID_ARGUMENT', 'channels must name at least one channel (got none)');
    for (const [channel, spec] of entries) validateSpec(channel, spec as ChannelSpec<unknown>);
    const name = options.name ?? `subscriber-${++this.subscriberCount}`;
    const subscription = new Subscription<M>(this, name, capacity);
    this.subscriptionSet.add(subscription);
    for (const [channel, spec] of entries) {
      subscription.addChannel(channel as ChannelOf<M>, spec as ChannelSpec<M[ChannelOf<M>]>);
    }
    return subscription;
  }

  /**
   * Memory-pressure hook: drops the backlog of every lossy (conflate, drop-oldest) queue;
   * drop-oldest consumers get a gap marker for it. `wait` queues are kept (lossless).
   * Returns the number of items dropped.
   */
  shed(): number {
    let dropped = 0;
    for (const subscription of this.subscriptionSet) dropped += subscription.shed();
    this.sheds++;
    this.shedItems += dropped;
    return dropped;
  }

  /**
   * Ends the stream: no more publish(); each subscription yields what it still holds, then
   * its iterator ends. A producer waiting on a full `wait` subscriber is released.
   */
  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const subscription of [...this.subscriptionSet]) subscription.end();
    this.releaseProducer();
  }

  /** @internal */
  createQueue(channel: string, spec: ChannelSpec<never>, capacity: number, owner: QueueOwner): ChannelQueue {
    const settings = typeof spec === 'string' ? { policy: spec } : spec;
    return new ChannelQueue(
      { channel, policy: settings.policy, capacity: settings.capacity ?? capacity, keyOf: settings.keyOf, filter: settings.filter },
      owner,
      this.totals,
      this,
    );
  }

  /** @internal */
  attach(queue: ChannelQueue): void {
    const route = this.routes.get(queue.channel);
    if (route) route.push(queue);
    else this.routes.set(queue.channel, [queue]);
  }

  /** @internal */
  detach(queue: ChannelQueue): void {
    const route = this.routes.get(queue.channel);
    if (route) {
      // A new array, so a publish() iterating the old one is not disturbed.
      const rest = route.filter((other) => other !== queue);
      if (rest.length > 0) this.routes.set(queue.channel, rest);
      else this.routes.delete(queue.channel);
    }
    if (queue.blocking) this.queueDrained(queue);
  }

  /** @internal */
  unsubscribed(subscription: Subscription<never>): void {
    this.subscriptionSet.delete(subscription as unknown as Subscription<M>);
  }

  /** @internal A full `wait` queue has room again. */
  queueDrained(queue: ChannelQueue): void {
    if (!queue.blocking) return;
    queue.blocking = false;
    this.blockedQueues--;
    if (this.blockedQueues === 0) this.releaseProducer();
  }

  private releaseProducer(): void {
    const resolve = this.resolveDrain;
    this.drainPromise = undefined;
    this.resolveDrain = undefined;
    resolve?.();
  }
}
