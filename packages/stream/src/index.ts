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

export { Archiver } from './archive/archiver.js';
export type { ArchiverStats } from './archive/archiver.js';
export { DEFAULT_ARCHIVER_OPTIONS } from './archive/archiver-options.js';
export type { ArchiverOptions } from './archive/archiver-options.js';
export { toArchiveRecord } from './archive/archive-record.js';
export type { ArchiveRecord } from './archive/archive-record.js';
export { archiveFileName, ARCHIVE_GZIP_SUFFIX, ARCHIVE_PLAIN_SUFFIX } from './archive/archive-naming.js';
export { ArchiveReader, readArchive, listArchiveFiles } from './archive/archive-reader.js';
export type { ArchiveReaderOptions, ArchiveReadStats } from './archive/archive-reader.js';
export { ArchiveReplayer, DEFAULT_REPLAY_SPEED } from './archive/archive-replayer.js';
export type { ReplayOptions } from './archive/archive-replayer.js';
export { SYSTEM_REPLAY_CLOCK } from './archive/replay-clock.js';
export type { ReplayClock } from './archive/replay-clock.js';
