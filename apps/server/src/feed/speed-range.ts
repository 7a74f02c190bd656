import { MarksimError } from '@marksim/core';

/**
 * Speeds the server accepts, from flags and from control messages alike (simulated seconds per
 * wall second). Below the minimum, timer waits overflow; above the maximum the market is
 * effectively fast-forward and floods every client.
 */
export const SPEED_RANGE = Object.freeze({ min: 0.01, max: 10_000 });

/** Throws MarksimError('INVALID_ARGUMENT') naming `field` unless `speed` is within SPEED_RANGE. */
export function checkSpeed(speed: unknown, field: string): number {
  if (typeof speed !== 'number' || !Number.isFinite(speed) || speed < SPEED_RANGE.min || speed > SPEED_RANGE.max) {
    throw new MarksimError('INVALID_ARGUMENT',
      `${field} must be a number from ${SPEED_RANGE.min} to ${SPEED_RANGE.max} (got ${JSON.stringify(speed)})`);
  }
  return speed;
}
