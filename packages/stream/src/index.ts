// Public API of @marksim/stream. Everything not listed here is private.
export type { StreamErrorCode, StreamError } from './errors.js';
export { STDERR_LOGGER, SILENT_LOGGER } from './logger.js';
export type { StreamLogger, LogFields } from './logger.js';

export { BoundedStream, DEFAULT_SUBSCRIBER_CAPACITY } from './bounded/bounded-stream.js';
export type { BoundedStreamOptions } from './bounded/bounded-stream.js';
export { Subscription } from './bounded/subscription.js';
export type {
  ChannelMap,
  ChannelOf,
  DeliveryPolicy,
  StreamItem,
  StreamGap,
  StreamDelivery,
  ChannelSubscribeOptions,
  ChannelSpec,
  SubscribeOptions,
  SubscriberCounters,
  StreamCounters,
} from './bounded/types.js';
