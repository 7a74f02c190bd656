// Server options: defaults live once here, with their units; resolveOptions validates at the edge.
import { MarksimError } from '@marksim/core';
import type { WsServerErrorCode } from './errors.js';

/** One structured log entry the server reports (connections, refusals, disconnects). */
export interface ServerLogEntry {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  /** Stable event name, e.g. `client_connected`, `slow_consumer`. */
  readonly event: string;
  readonly [field: string]: unknown;
}

/** Receives the server's log entries; the app decides how to print them. */
export type ServerLogger = (entry: ServerLogEntry) => void;

/** FeedServer options; every field is optional (see DEFAULT_SERVER_OPTIONS). */
export interface FeedServerOptions {
  /** Interface to listen on. */
  host?: string;
  /** TCP port; 0 picks a free one. */
  port?: number;
  /** Messages queued per client while its socket is backed up (the seed's client_buffer_size). */
  clientBufferSize?: number;
  /** Bytes a client's socket may hold unsent before further messages go to its queue. */
  sendHighWaterBytes?: number;
  /** Largest client message (bytes) answered normally; larger ones get MESSAGE_TOO_LARGE. */
  maxMessageBytes?: number;
  /** Largest client frame (bytes) at all; ws closes the connection with 1009 above it. */
  maxFrameBytes?: number;
  /** Open connections; one more gets SERVER_FULL and close 1013. */
  maxClients?: number;
  /** Inbound messages per second per client (token refill rate). */
  rateLimitPerS?: number;
  /** Inbound messages a client may send at once (bucket size). */
  rateLimitBurst?: number;
  /** Consecutive over-rate messages after which the client is closed with 1008. */
  maxRateLimitStrikes?: number;
  /** Ping period; a client that has not answered the previous ping is terminated. */
  heartbeatIntervalMs?: number;
  /** Period of the `status` channel. */
  statusIntervalMs?: number;
  /** How long close() and slow-consumer closes wait for the close handshake before terminating. */
  closeTimeoutMs?: number;
  /** Token that control ops must present; without one, control is refused. */
  controlToken?: string;
  /** Structured log sink; silent when absent. */
  log?: ServerLogger;
}

/** Options after defaults and validation. */
export type ResolvedOptions = Required<Omit<FeedServerOptions, 'controlToken' | 'log'>> &
  Pick<FeedServerOptions, 'controlToken'> & { log: ServerLogger };

/** Defaults: the seed's host, port and client_buffer_size, and limits for a public feed. */
export const DEFAULT_SERVER_OPTIONS = Object.freeze({
  host: 'localhost',
  port: 8765,
  clientBufferSize: 100,
  sendHighWaterBytes: 16 * 1024,
  maxMessageBytes: 4 * 1024,
  maxFrameBytes: 64 * 1024,
  maxClients: 10_000,
  rateLimitPerS: 20,
  rateLimitBurst: 40,
  maxRateLimitStrikes: 20,
  heartbeatIntervalMs: 30_000,
  statusIntervalMs: 1_000,
  closeTimeoutMs: 2_000,
});

const NUMERIC_LIMITS: readonly [keyof typeof DEFAULT_SERVER_OPTIONS, number][] = [
  ['port', 0],
  ['clientBufferSize', 1],
  ['sendHighWaterBytes', 1],
  ['maxMessageBytes', 64],
  ['maxFrameBytes', 64],
  ['maxClients', 1],
  ['rateLimitPerS', 1],
  ['rateLimitBurst', 1],
  ['maxRateLimitStrikes', 1],
  ['heartbeatIntervalMs', 1],
  ['statusIntervalMs', 1],
  ['closeTimeoutMs', 1],
];

function invalid(message: string): never {
  throw new MarksimError<WsServerErrorCode>('INVALID_OPTIONS', message);
}

const SILENT: ServerLogger = () => {};

/** Applies defaults and checks every option; throws INVALID_OPTIONS naming the field. */
export function resolveOptions(options: FeedServerOptions = {}): ResolvedOptions {
  const resolved = { ...DEFAULT_SERVER_OPTIONS } as Record<string, unknown>;
  for (const [key, value] of Object.entries(options)) if (value !== undefined) resolved[key] = value;
  for (const [key, min] of NUMERIC_LIMITS) {
    const value = resolved[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
      invalid(`${key} must be an integer >= ${min} (got ${String(value)}) at options.${key}`);
    }
  }
  if ((resolved.port as number) > 65535) invalid(`port must be <= 65535 (got ${String(resolved.port)}) at options.port`);
  if ((resolved.maxFrameBytes as number) < (resolved.maxMessageBytes as number)) {
    invalid(`maxFrameBytes must be >= maxMessageBytes (got ${String(resolved.maxFrameBytes)}) at options.maxFrameBytes`);
  }
  if (typeof resolved.host !== 'string' || resolved.host.length === 0) {
    invalid(`host must be a non-empty string (got ${String(resolved.host)}) at options.host`);
  }
  const token = resolved.controlToken;
  if (token !== undefined && (typeof token !== 'string' || token.length === 0)) {
    invalid('controlToken must be a non-empty string when given at options.controlToken');
  }
  if (resolved.log !== undefined && typeof resolved.log !== 'function') invalid('log must be a function at options.log');
  resolved.log ??= SILENT;
  return resolved as ResolvedOptions;
}
