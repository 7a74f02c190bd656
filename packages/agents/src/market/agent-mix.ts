import type { Agent } from '@marksim/core';
import { InformedTraderAgent } from '../agents/informed-trader-agent.js';
import type { InformedTraderOptions } from '../agents/informed-trader-agent.js';
import { MarketMakerAgent } from '../agents/market-maker-agent.js';
import type { MarketMakerOptions } from '../agents/market-maker-agent.js';
import { MomentumTraderAgent } from '../agents/momentum-trader-agent.js';
import type { MomentumTraderOptions } from '../agents/momentum-trader-agent.js';
import { NoiseTraderAgent } from '../agents/noise-trader-agent.js';
import type { NoiseTraderOptions } from '../agents/noise-trader-agent.js';
import { agentsError } from '../errors.js';
import type { FundamentalValue } from '../fundamental/fundamental-value.js';

/** How many agents of each built-in kind. */
export interface AgentCounts {
  readonly mm: number;
  readonly noise: number;
  readonly informed: number;
  readonly momentum: number;
}

/** The kinds, as written in `--agents mm=2,noise=80,…` and in config files. */
export const AGENT_KINDS: readonly (keyof AgentCounts)[] = ['mm', 'noise', 'informed', 'momentum'];

/** The default mix of 100 agents. */
export const DEFAULT_AGENT_COUNTS: AgentCounts = Object.freeze({ mm: 2, noise: 80, informed: 10, momentum: 8 });

/** Per-kind options (everything but the fundamental, which the market supplies). */
export interface AgentKindOptions {
  readonly mm?: MarketMakerOptions;
  readonly noise?: NoiseTraderOptions;
  readonly informed?: Omit<InformedTraderOptions, 'fundamental'>;
  readonly momentum?: MomentumTraderOptions;
}

/**
 * The default mix scaled to `total` agents (2 % market makers, at least one; 80 % noise, 10 %
 * informed, 8 % momentum), rounding so the counts add up to `total`.
 */
export function scaledAgentCounts(total: number): AgentCounts {
  if (!Number.isSafeInteger(total) || total < 1) {
    throw agentsError('INVALID_AGENT_SPEC', `agent total must be an integer >= 1 (got ${String(total)})`);
  }
  const base = DEFAULT_AGENT_COUNTS;
  const sum = base.mm + base.noise + base.informed + base.momentum;
  const mm = Math.max(1, Math.round((total * base.mm) / sum));
  const informed = Math.round((total * base.informed) / sum);
  const momentum = Math.round((total * base.momentum) / sum);
  const noise = Math.max(0, total - mm - informed - momentum);
  return { mm, noise, informed, momentum };
}

/**
 * Parses `mm=2,noise=80,informed=10,momentum=8` (any subset; missing kinds count 0) or a bare
 * total such as `100` (the default mix scaled). Throws INVALID_AGENT_SPEC naming the bad part.
 */
export function parseAgentCounts(text: string): AgentCounts {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return scaledAgentCounts(Number(trimmed));
  const counts: Record<keyof AgentCounts, number> = { mm: 0, noise: 0, informed: 0, momentum: 0 };
  for (const part of trimmed.split(',')) {
    const match = /^\s*([a-z]+)\s*=\s*(\d+)\s*$/.exec(part);
    if (match === null) {
      throw agentsError('INVALID_AGENT_SPEC', `--agents part "${part}" must look like kind=count, e.g. noise=80 (kinds: ${AGENT_KINDS.join(', ')})`);
    }
    const kind = match[1] as keyof AgentCounts;
    if (!AGENT_KINDS.includes(kind)) {
      throw agentsError('INVALID_AGENT_SPEC', `--agents kind "${match[1]}" is unknown (kinds: ${AGENT_KINDS.join(', ')})`);
    }
    counts[kind] = Number(match[2]);
  }
  return counts;
}

/** Builds the agents: ids `mm_1…`, `noise_1…`, `informed_1…`, `momentum_1…`. */
export function createAgents(counts: AgentCounts, fundamental: FundamentalValue, options: AgentKindOptions = {}): Agent[] {
  const agents: Agent[] = [];
  for (let i = 1; i <= counts.mm; i++) agents.push(new MarketMakerAgent(`mm_${i}`, options.mm));
  for (let i = 1; i <= counts.noise; i++) agents.push(new NoiseTraderAgent(`noise_${i}`, options.noise));
  for (let i = 1; i <= counts.informed; i++) agents.push(new InformedTraderAgent(`informed_${i}`, { ...options.informed, fundamental }));
  for (let i = 1; i <= counts.momentum; i++) agents.push(new MomentumTraderAgent(`momentum_${i}`, options.momentum));
  return agents;
}
