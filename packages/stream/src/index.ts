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

export { Archiver } from './archiver/archiver.js';
export type { ArchiverStats } from './archiver/archiver.js';
export { DEFAULT_ARCHIVER_OPTIONS } from './archiver/archiver-options.js';
export type { ArchiverOptions } from './archiver/archiver-options.js';
export { toArchiveRecord } from './archiver/archive-record.js';
export type { ArchiveRecord } from './archiver/archive-record.js';
export { archiveFileName, ARCHIVE_GZIP_SUFFIX, ARCHIVE_PLAIN_SUFFIX } from './archiver/archive-naming.js';
export { ArchiveReader, readArchive, listArchiveFiles } from './archiver/archive-reader.js';
export type { ArchiveReaderOptions, ArchiveReadStats } from './archiver/archive-reader.js';
export { ArchiveReplayer, DEFAULT_REPLAY_SPEED } from './archiver/archive-replayer.js';
export type { ReplayOptions } from './archiver/archive-replayer.js';
export { SYSTEM_REPLAY_CLOCK } from './archiver/replay-clock.js';
export type { ReplayClock } from './archiver/replay-clock.js';

export { MemoryMonitor, DEFAULT_MEMORY_MONITOR_OPTIONS } from './memory/memory-monitor.js';
export type {
  MemoryMonitorOptions,
  MemoryMonitorStats,
  MemoryFigures,
  MemorySample,
  MemoryLevel,
  MemorySampler,
  MemoryShedder,
  ShedContext,
  WatchedFigure,
} from './memory/memory-monitor.js';
