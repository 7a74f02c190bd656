// Pre-trade risk limits per agent, checked when an intent leaves the agent (before latency), so
// the refusal reaches the agent at once, as a `rejected` event with code RISK_LIMIT.
import { MarksimError } from '../errors/marksim-error.js';

/** Limits an agent's intents must respect. Sizes in lots; Infinity means no limit. */
export interface AgentLimits {
  /**
   * |position| may not exceed this even if every open order on one side filled: a buy is
   * refused when position + open buy size + its size > max, likewise for sells.
   */
  readonly maxPositionLots: number;
  /** Largest size of one order. */
  readonly maxOrderSizeLots: number;
  /** Most open (resting or in-flight) orders at once. */
  readonly maxOpenOrders: number;
}

/** No position or size limit; at most 1 000 open orders, which keeps a runaway agent's book bounded. */
export const DEFAULT_AGENT_LIMITS: AgentLimits = Object.freeze({
  maxPositionLots: Number.POSITIVE_INFINITY,
  maxOrderSizeLots: Number.POSITIVE_INFINITY,
  maxOpenOrders: 1_000,
});

/** Merges an agent's partial limits over the defaults, validating each value. */
export function resolveAgentLimits(
  partial: Partial<AgentLimits> | undefined,
  defaults: AgentLimits,
  field: string,
): AgentLimits {
  const limits: AgentLimits = {
    maxPositionLots: partial?.maxPositionLots ?? defaults.maxPositionLots,
    maxOrderSizeLots: partial?.maxOrderSizeLots ?? defaults.maxOrderSizeLots,
    maxOpenOrders: partial?.maxOpenOrders ?? defaults.maxOpenOrders,
  };
  for (const key of ['maxPositionLots', 'maxOrderSizeLots', 'maxOpenOrders'] as const) {
    const value = limits[key];
    const valid = value === Number.POSITIVE_INFINITY || (Number.isSafeInteger(value) && value > 0);
    if (!valid) {
      throw new MarksimError(
        'INVALID_CONFIG',
        `${key} must be an integer > 0 or Infinity (got ${String(value)}) at ${field}.${key}`,
      );
    }
  }
  return limits;
}
