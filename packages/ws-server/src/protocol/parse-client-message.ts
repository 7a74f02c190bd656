// Turns what a client sent (text or an already parsed value) into a typed ClientMessage, or a
// refusal whose message names the field, the value and the rule. Unknown extra keys are ignored
// so that newer clients keep working against older servers.
import { CANDLE_INTERVALS, CHANNELS } from './messages.js';
import type {
  CandleInterval,
  Channel,
  ClientMessage,
  ControlAction,
  ControlRequest,
  ErrorCode,
  SnapshotRequest,
  SubscribeRequest,
  UnsubscribeRequest,
} from './messages.js';

/** Client operations, in the order PROTOCOL.md lists them. */
export const CLIENT_OPS = ['subscribe', 'unsubscribe', 'ping', 'snapshot', 'control'] as const;

/** Control actions accepted by `op: "control"`. */
export const CONTROL_ACTIONS: readonly ControlAction[] = ['pause', 'resume', 'set_speed', 'reset'];

/** Book depth (levels per side) when a subscription names none. */
export const DEFAULT_BOOK_DEPTH = 20;
/** The deepest book a client may ask for. */
export const MAX_BOOK_DEPTH = 100;
/** Longest accepted symbol and req_id strings, and most symbols per request. */
export const MAX_SYMBOL_LENGTH = 32;
export const MAX_REQ_ID_LENGTH = 64;
export const MAX_SYMBOLS_PER_REQUEST = 100;

/** A parsed client message, or why it was refused (with the req_id when one could be read). */
export type ParseResult =
  | { readonly ok: true; readonly message: ClientMessage }
  | { readonly ok: false; readonly code: ErrorCode; readonly message: string; readonly reqId?: string | number };

class Refusal {
  constructor(
    readonly code: ErrorCode,
    readonly message: string,
  ) {}
}

/** A short, JSON-like rendering of an offending value for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (value !== null && typeof value === 'object') return 'an object';
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function refuse(code: ErrorCode, message: string): never {
  throw new Refusal(code, message);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, code: ErrorCode): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  return refuse(code, `${field} must be one of ${allowed.join(', ')} (got ${describeValue(value)})`);
}

function listOf<T extends string>(value: unknown, field: string, max: number, item: (entry: unknown, field: string) => T): T[] {
  if (!Array.isArray(value)) return refuse('INVALID_MESSAGE', `${field} must be an array (got ${describeValue(value)})`);
  if (value.length === 0) return refuse('INVALID_MESSAGE', `${field} must not be empty`);
  if (value.length > max) return refuse('INVALID_MESSAGE', `${field} must have at most ${max} entries (got ${value.length})`);
  const result: T[] = [];
  for (let i = 0; i < value.length; i++) {
    const entry = item(value[i], `${field}[${i}]`);
    if (!result.includes(entry)) result.push(entry);
  }
  return result;
}

function symbol(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_SYMBOL_LENGTH) {
    return refuse('INVALID_MESSAGE', `${field} must be a symbol string of 1 to ${MAX_SYMBOL_LENGTH} characters (got ${describeValue(value)})`);
  }
  return value;
}

function channels(value: unknown): Channel[] {
  return listOf(value, 'channels', CHANNELS.length * 4, (entry, field) => oneOf(entry, CHANNELS, field, 'UNKNOWN_CHANNEL'));
}

function symbols(value: unknown): string[] | undefined {
  return value === undefined ? undefined : listOf(value, 'symbols', MAX_SYMBOLS_PER_REQUEST, symbol);
}

function depth(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_BOOK_DEPTH) {
    return refuse('INVALID_MESSAGE', `depth must be an integer from 1 to ${MAX_BOOK_DEPTH} (got ${describeValue(value)})`);
  }
  return value;
}

function intervals(value: unknown): CandleInterval[] | undefined {
  if (value === undefined) return undefined;
  return listOf(value, 'intervals', CANDLE_INTERVALS.length * 4, (entry, field) =>
    oneOf(entry, CANDLE_INTERVALS, field, 'INVALID_MESSAGE'),
  );
}

function reqId(value: unknown): string | number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.length <= MAX_REQ_ID_LENGTH) return value;
  return refuse('INVALID_MESSAGE', `req_id must be a finite number or a string of at most ${MAX_REQ_ID_LENGTH} characters (got ${describeValue(value)})`);
}

function withReqId<T extends object>(message: T, id: string | number | undefined): T {
  return id === undefined ? message : { ...message, req_id: id };
}

function parseFields(record: Record<string, unknown>, id: string | number | undefined): ClientMessage {
  const op = record.op;
  if (typeof op !== 'string') return refuse('INVALID_MESSAGE', `op must be a string (got ${describeValue(op)})`);
  switch (op) {
    case 'subscribe': {
      const message = { op, channels: channels(record.channels) } as SubscribeRequest;
      const symbolList = symbols(record.symbols);
      const bookDepth = depth(record.depth);
      const intervalList = intervals(record.intervals);
      if (symbolList !== undefined) message.symbols = symbolList;
      if (bookDepth !== undefined) message.depth = bookDepth;
      if (intervalList !== undefined) message.intervals = intervalList;
      return withReqId(message, id);
    }
    case 'unsubscribe': {
      const message = { op, channels: channels(record.channels) } as UnsubscribeRequest;
      const symbolList = symbols(record.symbols);
      if (symbolList !== undefined) message.symbols = symbolList;
      return withReqId(message, id);
    }
    case 'ping':
      return withReqId({ op }, id);
    case 'snapshot': {
      const message = { op, symbol: symbol(record.symbol, 'symbol') } as SnapshotRequest;
      const bookDepth = depth(record.depth);
      if (bookDepth !== undefined) message.depth = bookDepth;
      return withReqId(message, id);
    }
    case 'control': {
      const action = oneOf(record.action, CONTROL_ACTIONS, 'action', 'INVALID_MESSAGE');
      const token = record.token;
      if (typeof token !== 'string') return refuse('INVALID_MESSAGE', `token must be a string (got ${describeValue(token)})`);
      const message = { op, action, token } as ControlRequest;
      if (action === 'set_speed') {
        const speed = record.speed;
        if (typeof speed !== 'number' || !Number.isFinite(speed) || speed <= 0) {
          return refuse('INVALID_MESSAGE', `speed must be a number > 0 for set_speed (got ${describeValue(speed)})`);
        }
        message.speed = speed;
      }
      return withReqId(message, id);
    }
    default:
      return refuse('UNKNOWN_OP', `op must be one of ${CLIENT_OPS.join(', ')} (got ${describeValue(op)})`);
  }
}

/** Parses an already decoded JSON value into a client message. */
export function parseClientMessage(value: unknown): ParseResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, code: 'INVALID_MESSAGE', message: `message must be a JSON object (got ${describeValue(value)})` };
  }
  const record = value as Record<string, unknown>;
  let id: string | number | undefined;
  try {
    id = reqId(record.req_id);
    return { ok: true, message: parseFields(record, id) };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return id === undefined
      ? { ok: false, code: error.code, message: error.message }
      : { ok: false, code: error.code, message: error.message, reqId: id };
  }
}

/** Parses one text frame: invalid JSON is refused with INVALID_JSON, the rest as parseClientMessage. */
export function parseClientText(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, code: 'INVALID_JSON', message: `message must be valid JSON (${reason})` };
  }
  return parseClientMessage(value);
}
