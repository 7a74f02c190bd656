// The level changes between two sorted views of one book side.
import type { BookLevel } from '@marksim/core';

/**
 * Levels of `next` that are new or changed size, and levels of `previous` missing from `next`
 * (as size 0), in price order. Both sides are sorted best first: descending for bids.
 */
export function diffSide(previous: readonly BookLevel[], next: readonly BookLevel[], descending: boolean): BookLevel[] {
  const changes: BookLevel[] = [];
  let i = 0;
  let j = 0;
  while (i < previous.length || j < next.length) {
    const before = i < previous.length ? previous[i] : null;
    const after = j < next.length ? next[j] : null;
    if (before !== null && after !== null && before.priceTicks === after.priceTicks) {
      if (before.sizeLots !== after.sizeLots) changes.push(after);
      i++;
      j++;
    } else if (after === null || (before !== null && (descending ? before.priceTicks > after.priceTicks : before.priceTicks < after.priceTicks))) {
      changes.push({ priceTicks: before!.priceTicks, sizeLots: 0, orderCount: 0 });
      i++;
    } else {
      changes.push(after);
      j++;
    }
  }
  return changes;
}
