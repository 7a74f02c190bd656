import { requireInteger, streamError } from '../errors.js';
import { ChannelQueue } from './channel-queue.js';
import type { QueueOwner } from './channel-queue.js';
import type {
  ChannelMap,
  ChannelOf,
  ChannelSpec,
  DeliveryPolicy,
  StreamDelivery,
  SubscriberCounters,
} from './types.js';

const POLICIES: readonly DeliveryPolicy[] = ['conflate', 'drop-oldest', 'wait'];

/** What a subscription needs from its stream (implemented by BoundedStream). */
export interface SubscriptionHost {
  createQueue(channel: string, spec: ChannelSpec<never>, capacity: number, owner: QueueOwner): ChannelQueue;
  attach(queue: ChannelQueue): void;
  detach(queue: ChannelQueue): void;
  unsubscribed(subscription: Subscription<never>): void;
}

type Waiter<T> = (result: IteratorResult<T, undefined>) => void;

const DONE: IteratorResult<never, undefined> = { done: true, value: undefined };

/**
 * One consumer of a BoundedStream. Read it with `for await (const delivery of subscription)`
 * or poll it with tryTake(). Deliveries come in publish order across its channels; a gap
 * marker stands where a drop-oldest channel lost items. close() unsubscribes: the backlog is
 * discarded and the iterator ends at once. When the stream closes, the iterator first yields
 * what is still queued, then ends.
 */
export class Subscription<M extends ChannelMap> implements AsyncIterableIterator<StreamDelivery<M>, undefined>, QueueOwner {
  /** Name given at subscribe(), for logs and metrics. */
  readonly name: string;
  private readonly host: SubscriptionHost;
  private readonly capacity: number;
  private queues: ChannelQueue[] = [];
  private waiters: Waiter<StreamDelivery<M>>[] = [];
  private ending = false;
  private isClosed = false;
  /** Counters of channels that were removed, so totals never go down. */
  private readonly retired: SubscriberCounters = { published: 0, delivered: 0, dropped: 0, conflated: 0, gaps: 0, queued: 0 };

  /** @internal Created by BoundedStream.subscribe(). */
  constructor(host: SubscriptionHost, name: string, capacity: number) {
    this.host = host;
    this.name = name;
    this.capacity = capacity;
  }

  /** True once the consumer has unsubscribed or has read everything after the stream closed. */
  get closed(): boolean {
    return this.isClosed;
  }

  /** True while a consumer awaits next() on an empty queue. */
  get parked(): boolean {
    return this.waiters.length > 0;
  }

  /** The channels this subscription receives. */
  get channels(): ChannelOf<M>[] {
    return this.queues.map((queue) => queue.channel as ChannelOf<M>);
  }

  /** Items queued now, over all channels. */
  get size(): number {
    let size = 0;
    for (const queue of this.queues) size += queue.size;
    return size;
  }

  /** Counters summed over the channels (including removed ones). A fresh object. */
  get counters(): SubscriberCounters {
    const total = { ...this.retired, queued: 0 };
    for (const queue of this.queues) {
      const counters = queue.snapshotCounters();
      total.published += counters.published;
      total.delivered += counters.delivered;
      total.dropped += counters.dropped;
      total.conflated += counters.conflated;
      total.gaps += counters.gaps;
      total.queued += counters.queued;
    }
    return total;
  }

  /** Counters of one channel, or undefined when not subscribed to it. */
  channelCounters(channel: ChannelOf<M>): SubscriberCounters | undefined {
    return this.queueOf(channel)?.snapshotCounters();
  }

  /** The policy of a channel, or undefined when not subscribed to it. */
  policyOf(channel: ChannelOf<M>): DeliveryPolicy | undefined {
    return this.queueOf(channel)?.policy;
  }

  /** Starts receiving `channel` (or replaces its settings, dropping its backlog). */
  addChannel<C extends ChannelOf<M>>(channel: C, spec: ChannelSpec<M[C]>): void {
    this.assertOpen('addChannel');
    validateSpec(channel, spec as ChannelSpec<unknown>);
    if (this.queueOf(channel)) this.removeChannel(channel);
    const queue = this.host.createQueue(channel, spec as ChannelSpec<never>, this.capacity, this);
    this.queues.push(queue);
    this.host.attach(queue);
  }

  /** Stops receiving `channel`; its backlog is discarded. Returns false if it was not subscribed. */
  removeChannel(channel: ChannelOf<M>): boolean {
    const queue = this.queueOf(channel);
    if (!queue) return false;
    this.host.detach(queue);
    this.retire(queue);
    this.queues = this.queues.filter((other) => other !== queue);
    return true;
  }

  /** Takes the next delivery without waiting, or undefined when nothing is queued. */
  tryTake(): StreamDelivery<M> | undefined {
    const queues = this.queues;
    let best: ChannelQueue | undefined;
    let bestOrder = Infinity;
    for (let index = 0; index < queues.length; index++) {
      const order = queues[index].nextOrder();
      if (order < bestOrder) {
        bestOrder = order;
        best = queues[index];
      }
    }
    const delivery = best?.take() as StreamDelivery<M> | undefined;
    if (delivery === undefined && this.ending && !this.isClosed) this.finish();
    return delivery;
  }

  /** Drops the backlog of this subscription's lossy channels (see BoundedStream.shed). */
  shed(): number {
    let dropped = 0;
    for (const queue of this.queues) dropped += queue.shed();
    return dropped;
  }

  /** Unsubscribes: discards the backlog, releases a waiting producer, ends the iterator now. */
  close(): void {
    if (this.isClosed) return;
    this.finish();
  }

  /** Resolves with the next delivery, waiting for one; `done` after close or stream end. */
  next(): Promise<IteratorResult<StreamDelivery<M>, undefined>> {
    if (this.isClosed) return Promise.resolve(DONE);
    const delivery = this.tryTake();
    if (delivery !== undefined) return Promise.resolve({ done: false, value: delivery });
    if (this.isClosed) return Promise.resolve(DONE);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Called by `break` in a for-await loop: unsubscribes. */
  return(): Promise<IteratorResult<StreamDelivery<M>, undefined>> {
    this.close();
    return Promise.resolve(DONE);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** @internal Hands queued deliveries to parked consumers (called after an offer). */
  wake(): void {
    while (this.waiters.length > 0) {
      const delivery = this.tryTake();
      if (delivery === undefined) return;
      (this.waiters.shift() as Waiter<StreamDelivery<M>>)({ done: false, value: delivery });
    }
  }

  /** @internal The stream closed: deliver what is queued, then end. */
  end(): void {
    if (this.isClosed || this.ending) return;
    this.ending = true;
    this.wake();
    if (!this.isClosed && !this.hasBacklog()) this.finish();
  }

  /** True while an item or a gap marker is waiting. */
  private hasBacklog(): boolean {
    return this.queues.some((queue) => queue.nextOrder() !== Infinity);
  }

  private finish(): void {
    this.isClosed = true;
    for (const queue of this.queues) {
      this.host.detach(queue);
      this.retire(queue);
    }
    this.queues = [];
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter(DONE);
    this.host.unsubscribed(this as unknown as Subscription<never>);
  }

  private retire(queue: ChannelQueue): void {
    const counters = queue.snapshotCounters();
    this.retired.published += counters.published;
    this.retired.delivered += counters.delivered;
    this.retired.dropped += counters.dropped;
    this.retired.conflated += counters.conflated;
    this.retired.gaps += counters.gaps;
    queue.discard();
  }

  private queueOf(channel: string): ChannelQueue | undefined {
    return this.queues.find((queue) => queue.channel === channel);
  }

  private assertOpen(method: string): void {
    if (this.isClosed) throw streamError('STREAM_CLOSED', `${method}() on closed subscription '${this.name}'`);
  }
}

/** Checks one channel's spec; messages name the channel and the field. */
export function validateSpec(channel: string, spec: ChannelSpec<unknown>): void {
  const policy = typeof spec === 'string' ? spec : spec?.policy;
  if (!POLICIES.includes(policy as DeliveryPolicy)) {
    throw streamError('INVALID_ARGUMENT',
      `channels.${channel}.policy must be one of ${POLICIES.join(', ')} (got ${String(policy)})`);
  }
  if (typeof spec === 'object' && spec.capacity !== undefined) {
    requireInteger(`channels.${channel}.capacity`, spec.capacity, 1);
  }
}
