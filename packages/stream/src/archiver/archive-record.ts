/**
 * One archived line: any JSON object with a `type` and a `timeUs` (simulated µs since the
 * epoch, used to pace replays). Core BookEvents qualify as they are and add `seq` and `symbol`;
 * items without a `type` (tickers) are archived with their channel name as `type`.
 */
export interface ArchiveRecord {
  readonly type: string;
  readonly timeUs: number;
  readonly seq?: number;
  readonly symbol?: string;
}

/** The record written for a stream item: the item itself, or `{ type: channel, ...item }`. */
export function toArchiveRecord(channel: string, item: unknown): ArchiveRecord {
  if (item !== null && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string') {
    return item as ArchiveRecord;
  }
  return { type: channel, ...(item as object) } as ArchiveRecord;
}

/** True when a parsed line has the fields every record needs. */
export function isArchiveRecord(value: unknown): value is ArchiveRecord {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof (value as { type?: unknown }).type === 'string' &&
    typeof (value as { timeUs?: unknown }).timeUs === 'number' &&
    Number.isFinite((value as { timeUs: number }).timeUs)
  );
}
