import { readFile } from 'node:fs/promises';
import { AGENT_KINDS, type DefaultMarketOptions } from '@marksim/agents';
import { MarksimError } from '@marksim/core';

/** Keys a `--agents FILE` may hold: the default market's options that make sense to configure. */
const ALLOWED_KEYS = ['agents', 'agentOptions', 'fundamental', 'agentWakeupIntervalUs', 'initialPrice', 'instrument', 'tickerIntervalUs'] as const;

/**
 * Reads a market config file, e.g. `{"agents": {"mm": 2, "noise": 40}, "initialPrice": "30000"}`.
 * Unknown keys and malformed values are refused with the file and the key named; the values
 * themselves are validated again by MarketSimulation (which names the field and range).
 */
export async function loadMarketConfig(path: string): Promise<DefaultMarketOptions> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new MarksimError('INVALID_CONFIG', `--agents ${path} cannot be read (${(cause as NodeJS.ErrnoException).code ?? cause})`, { cause });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new MarksimError('INVALID_CONFIG', `--agents ${path} is not valid JSON (${(cause as Error).message})`, { cause });
  }
  return parseMarketConfig(value, path);
}

/** Validates the shape of a parsed market config. */
export function parseMarketConfig(value: unknown, source: string): DefaultMarketOptions {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new MarksimError('INVALID_CONFIG', `${source} must hold a JSON object (got ${JSON.stringify(value)})`);
  }
  for (const key of Object.keys(value)) {
    if (!(ALLOWED_KEYS as readonly string[]).includes(key)) {
      throw new MarksimError('INVALID_CONFIG', `${source}: unknown key "${key}" (allowed: ${ALLOWED_KEYS.join(', ')})`);
    }
  }
  const agents = (value as { agents?: unknown }).agents;
  if (agents !== undefined) {
    if (typeof agents === 'number') {
      if (!Number.isInteger(agents) || agents < 1 || agents > 100_000) {
        throw new MarksimError('INVALID_CONFIG', `${source}: agents must be an integer from 1 to 100000 (got ${agents})`);
      }
    } else if (agents !== null && typeof agents === 'object' && !Array.isArray(agents)) {
      for (const [kind, count] of Object.entries(agents)) {
        if (!(AGENT_KINDS as readonly string[]).includes(kind)) {
          throw new MarksimError('INVALID_CONFIG', `${source}: agents.${kind} is not an agent kind (kinds: ${AGENT_KINDS.join(', ')})`);
        }
        if (!Number.isInteger(count) || (count as number) < 0 || (count as number) > 100_000) {
          throw new MarksimError('INVALID_CONFIG', `${source}: agents.${kind} must be an integer from 0 to 100000 (got ${JSON.stringify(count)})`);
        }
      }
      const counts = { mm: 0, noise: 0, informed: 0, momentum: 0, ...(agents as object) };
      return { ...(value as DefaultMarketOptions), agents: counts };
    } else {
      throw new MarksimError('INVALID_CONFIG', `${source}: agents must be a count or an object like {"mm": 2, "noise": 80} (got ${JSON.stringify(agents)})`);
    }
  }
  return value as DefaultMarketOptions;
}
