// Public API of @marksim/ws-server. The browser-safe wire protocol is the `./protocol` subpath.
export { FeedServer } from './feed-server.js';
export type { FeedServerAddress, FeedServerStats } from './feed-server.js';
export { DEFAULT_SERVER_OPTIONS, resolveOptions } from './options.js';
export type { FeedServerOptions, ResolvedOptions, ServerLogEntry, ServerLogger } from './options.js';
export type { MarketFeed, FeedEvent, TickerEvent, FeedResetEvent, FeedBook, FeedStatus, FeedControl } from './market-feed.js';
export type { WsServerErrorCode } from './errors.js';
export { CLOSE_CODES } from './session.js';
export { CANDLE_INTERVAL_US } from './candle-aggregator.js';
export { CANDLE_HISTORY_LENGTH } from './candle-channel.js';
export { tokenMatches } from './control.js';
