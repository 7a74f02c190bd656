/**
 * Channel name → item type, e.g. `{ ticker: Ticker; events: BookEvent }`. Any object type
 * (an interface too; no index signature needed).
 */
export type ChannelMap = object;

/** A channel name of the map. */
export type ChannelOf<M extends ChannelMap> = keyof M & string;

/**
 * What a subscriber's channel does when the subscriber is slower than the producer.
 * - `conflate`: keep only the latest item per key (default key: `item.symbol`); right for tickers.
 * - `drop-oldest`: when full, drop the oldest item; the consumer then receives a gap marker
 *   with the exact number it missed, then the items that remain.
 * - `wait`: lossless; once the queue is full, publish() returns a promise the producer awaits;
 *   it resolves when the consumer has read the queue down to half its capacity.
 */
export type DeliveryPolicy = 'conflate' | 'drop-oldest' | 'wait';

/** One published item as a subscriber receives it. The same object goes to every subscriber. */
export interface StreamItem<C extends string = string, T = unknown> {
  readonly type: 'item';
  readonly channel: C;
  readonly item: T;
  /** The stream's publish counter: rises by 1 per publish() across all channels. */
  readonly seq: number;
}

/** Stands where a `drop-oldest` channel lost items: `missed` items of `channel` were dropped. */
export interface StreamGap<C extends string = string> {
  readonly type: 'gap';
  readonly channel: C;
  readonly missed: number;
}

/** What a subscription yields: an item or a gap marker of one of its channels. */
export type StreamDelivery<M extends ChannelMap> = {
  [C in ChannelOf<M>]: StreamItem<C, M[C]> | StreamGap<C>;
}[ChannelOf<M>];

/** Per-channel settings of a subscription. */
export interface ChannelSubscribeOptions<T> {
  readonly policy: DeliveryPolicy;
  /** Items this channel queues for the subscriber; default the subscription's capacity. */
  readonly capacity?: number;
  /** Conflation key (conflate only). Default: the item's `symbol` field. Must not throw. */
  readonly keyOf?: (item: T) => unknown;
  /** Keep only items for which this returns true (e.g. a symbol filter). Must not throw. */
  readonly filter?: (item: T) => boolean;
}

/** A channel's policy alone, or its full settings. */
export type ChannelSpec<T> = DeliveryPolicy | ChannelSubscribeOptions<T>;

/** Options of BoundedStream.subscribe(). */
export interface SubscribeOptions<M extends ChannelMap> {
  /** Shown in logs and counters, e.g. `client-17` or `archiver`. */
  readonly name?: string;
  /** Default per-channel capacity in items (DEFAULT_SUBSCRIBER_CAPACITY). */
  readonly capacity?: number;
  /** The channels to receive, each with its policy. */
  readonly channels: { readonly [C in ChannelOf<M>]?: ChannelSpec<M[C]> };
}

/** Counters of one subscriber (summed over its channels), or of one of its channels. */
export interface SubscriberCounters {
  /** Items offered to the subscriber (after its filter). */
  published: number;
  /** Items handed to the consumer. */
  delivered: number;
  /** Items lost: evicted by drop-oldest or conflate when full, or shed. */
  dropped: number;
  /** Items replaced in the queue by a newer item with the same key. */
  conflated: number;
  /** Gap markers handed to the consumer. */
  gaps: number;
  /** Items waiting in the queue now. */
  queued: number;
}

/** Counters of the whole stream. */
export interface StreamCounters {
  /** publish() calls. */
  published: number;
  /** Items handed to consumers, over all subscribers (also those that left). */
  delivered: number;
  dropped: number;
  conflated: number;
  /** publish() calls that returned a promise because a `wait` subscriber was full. */
  waits: number;
  /** shed() calls and the items they dropped. */
  sheds: number;
  shedItems: number;
  /** Live subscriptions. */
  subscribers: number;
}
