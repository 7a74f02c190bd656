import type { BookLevel, LevelEvent } from '@marksim/core';

/**
 * An L2 book rebuilt from `level` events alone (price → new total size), for feeds that only
 * see the event stream, such as an archive replay. Top-N reads sort the levels of one side;
 * replays read it once per book publication, not per event, so this stays cheap.
 */
export class LevelBook {
  private readonly bids = new Map<number, BookLevel>();
  private readonly asks = new Map<number, BookLevel>();
  seq = 0;
  timeUs = 0;

  apply(event: LevelEvent): void {
    const side = event.side === 'buy' ? this.bids : this.asks;
    if (event.sizeLots === 0) side.delete(event.priceTicks);
    else side.set(event.priceTicks, { priceTicks: event.priceTicks, sizeLots: event.sizeLots, orderCount: event.orderCount });
  }

  /** Records the sequence number and time of the latest event, whatever its type. */
  advance(seq: number, timeUs: number): void {
    this.seq = seq;
    this.timeUs = timeUs;
  }

  clear(): void {
    this.bids.clear();
    this.asks.clear();
    this.seq = 0;
  }

  /** Best `depth` bids, highest first (fresh arrays: callers may keep them). */
  topBids(depth: number): BookLevel[] {
    return [...this.bids.values()].sort((a, b) => b.priceTicks - a.priceTicks).slice(0, depth);
  }

  /** Best `depth` asks, lowest first. */
  topAsks(depth: number): BookLevel[] {
    return [...this.asks.values()].sort((a, b) => a.priceTicks - b.priceTicks).slice(0, depth);
  }
}
