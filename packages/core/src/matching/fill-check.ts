import type { BookSide } from '../book/book-side.js';
import type { SelfTradePrevention } from '../domain/order.js';

/**
 * How many lots an incoming order could take right now from `opposite`, up to its limit, as the
 * matching loop would see them: with self-trade prevention, the taker's own resting orders are
 * skipped (cancel-resting) or end the walk (cancel-incoming, cancel-both). Read-only, so a FOK
 * order that cannot fill leaves the book exactly as it was. Stops counting at `wantedLots`.
 */
export function fillableLots(
  opposite: BookSide,
  limitTicks: number,
  ownerId: string,
  selfTradePrevention: SelfTradePrevention,
  wantedLots: number,
): number {
  const sign = opposite.sign;
  let totalLots = 0;
  let queue = opposite.best;
  while (queue !== null && totalLots < wantedLots && sign * queue.priceTicks <= sign * limitTicks) {
    if (selfTradePrevention === 'none') {
      totalLots += queue.sizeLots;
    } else {
      for (let order = queue.head; order !== null; order = order.next) {
        if (order.ownerId === ownerId) {
          if (selfTradePrevention === 'cancel-resting') continue;
          return totalLots;
        }
        totalLots += order.sizeLots;
        if (totalLots >= wantedLots) return totalLots;
      }
    }
    queue = opposite.levelAfter(queue);
  }
  return totalLots;
}
