import { existsSync, readFileSync } from 'node:fs';
import { agentsError } from '../errors.js';
import { AGENT_KINDS, parseAgentCounts, scaledAgentCounts } from '../market/agent-mix.js';
import type { AgentCounts } from '../market/agent-mix.js';
import type { DefaultMarketOptions } from '../market/default-market.js';

/** What `--agents` may set: the mix and, from a JSON file, agent, fundamental and market options. */
export type MarketConfig = Pick<DefaultMarketOptions, 'agents' | 'agentOptions' | 'fundamental' | 'initialPrice' | 'agentWakeupIntervalUs' | 'latency'>;

const CONFIG_KEYS = ['agents', 'agentOptions', 'fundamental', 'initialPrice', 'agentWakeupIntervalUs', 'latency'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function countsFrom(value: unknown, where: string): AgentCounts {
  if (typeof value === 'number') return scaledAgentCounts(value);
  if (typeof value === 'string') return parseAgentCounts(value);
  if (!isRecord(value)) throw agentsError('INVALID_AGENT_SPEC', `${where} must be a total, "kind=count,…" or an object of counts (got ${JSON.stringify(value)})`);
  const counts: Record<string, number> = { mm: 0, noise: 0, informed: 0, momentum: 0 };
  for (const [kind, count] of Object.entries(value)) {
    if (!(AGENT_KINDS as readonly string[]).includes(kind)) {
      throw agentsError('INVALID_AGENT_SPEC', `${where}.${kind} is not an agent kind (kinds: ${AGENT_KINDS.join(', ')})`);
    }
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
      throw agentsError('INVALID_AGENT_SPEC', `${where}.${kind} must be an integer >= 0 (got ${JSON.stringify(count)})`);
    }
    counts[kind] = count;
  }
  return counts as unknown as AgentCounts;
}

/** Parses a JSON market config (see README: agents, agentOptions, fundamental, initialPrice, …). */
export function parseMarketConfig(json: unknown, source: string): MarketConfig {
  if (!isRecord(json)) throw agentsError('INVALID_CONFIG', `${source} must hold a JSON object`);
  for (const key of Object.keys(json)) {
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      throw agentsError('INVALID_CONFIG', `${source}: unknown key "${key}" (allowed: ${CONFIG_KEYS.join(', ')})`);
    }
  }
  for (const key of ['agentOptions', 'fundamental', 'latency'] as const) {
    if (json[key] !== undefined && !isRecord(json[key])) throw agentsError('INVALID_CONFIG', `${source}: ${key} must be an object`);
  }
  const config: Record<string, unknown> = { ...json };
  if (json.agents !== undefined) config.agents = countsFrom(json.agents, `${source}: agents`);
  return config as MarketConfig;
}

/** Reads `--agents`: counts (`mm=2,noise=80`, or a total like `100`) or the path of a JSON config file. */
export function loadAgentsFlag(value: string): MarketConfig {
  if (value.endsWith('.json') || existsSync(value)) {
    let text: string;
    try {
      text = readFileSync(value, 'utf8');
    } catch (cause) {
      throw agentsError('INVALID_ARGUMENT', `--agents file ${value} cannot be read: ${(cause as Error).message}`, cause);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (cause) {
      throw agentsError('INVALID_CONFIG', `--agents file ${value} is not valid JSON: ${(cause as Error).message}`, cause);
    }
    return parseMarketConfig(json, value);
  }
  return { agents: parseAgentCounts(value) };
}
