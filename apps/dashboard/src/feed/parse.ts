// Turns one frame from the socket into a typed server message, or null for anything the
// dashboard does not understand. Only the fields the dashboard reads are checked: a malformed
// message is dropped and counted rather than allowed to poison the store.

import type { ServerMessage, TickerWire } from '@marksim/ws-server/protocol';

const TICKER_FIELDS = ['timestamp', 'last_price', 'bid_price', 'ask_price', 'bid_size', 'ask_size', 'volume_24h', 'trade_count'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numbers(record: Record<string, unknown>, fields: readonly string[]): boolean {
  for (const field of fields) if (typeof record[field] !== 'number') return false;
  return true;
}

function isLevels(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const level of value) {
    if (!Array.isArray(level) || typeof level[0] !== 'number' || typeof level[1] !== 'number') return false;
  }
  return true;
}

/** Whether a record is the seed's 9-field ticker (with or without `type`). */
export function isTickerWire(record: Record<string, unknown>): record is Record<string, unknown> & TickerWire {
  return typeof record.symbol === 'string' && numbers(record, TICKER_FIELDS);
}

/** The typed message in `data` (already JSON-parsed), or null when it is not one we read. */
export function classifyServerMessage(data: unknown): ServerMessage | null {
  if (!isRecord(data)) return null;
  switch (data.type) {
    case undefined:
    case 'ticker':
      return isTickerWire(data) ? (data as ServerMessage) : null;
    case 'trade':
      return typeof data.symbol === 'string' && numbers(data, ['seq', 'trade_id', 'price', 'size', 'timestamp']) &&
        (data.side === 'buy' || data.side === 'sell')
        ? (data as unknown as ServerMessage)
        : null;
    case 'book_snapshot':
      return typeof data.symbol === 'string' && numbers(data, ['seq', 'depth', 'checksum', 'price_decimals', 'size_decimals']) && isLevels(data.bids) && isLevels(data.asks)
        ? (data as unknown as ServerMessage)
        : null;
    case 'book_delta':
      return typeof data.symbol === 'string' && numbers(data, ['seq', 'prev_seq', 'checksum']) && isLevels(data.bids) && isLevels(data.asks)
        ? (data as unknown as ServerMessage)
        : null;
    case 'candle':
      return typeof data.symbol === 'string' && (data.interval === '1s' || data.interval === '1m') &&
        numbers(data, ['open_time', 'open', 'high', 'low', 'close', 'volume'])
        ? (data as unknown as ServerMessage)
        : null;
    case 'status':
      return typeof data.paused === 'boolean' && numbers(data, ['speed']) ? (data as unknown as ServerMessage) : null;
    case 'error':
      return typeof data.code === 'string' && typeof data.message === 'string' ? (data as unknown as ServerMessage) : null;
    case 'control_ack':
    case 'subscribed':
    case 'unsubscribed':
    case 'pong':
      return data as unknown as ServerMessage;
    default:
      return null;
  }
}

/** Parses a text frame; null for invalid JSON or an unknown shape. */
export function parseServerFrame(text: string): ServerMessage | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  return classifyServerMessage(data);
}
