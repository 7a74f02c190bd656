import { ManualClock, MarketSimulation } from '@marksim/core';
import type { Agent, AgentIssue } from '@marksim/core';
import { ScriptedAgent } from './test-agents.js';

const FIXED_100MS = { kind: 'fixed', intervalUs: 100_000 } as const;

describe('MarketSimulation agent pool', () => {
  it('isolates an agent that throws, disables it after maxAgentFailures, and the market goes on', async () => {
    let calls = 0;
    const faulty: Agent = {
      id: 'faulty',
      wakeup: FIXED_100MS,
      generateOrders: () => {
        calls++;
        throw new Error('boom');
      },
    };
    const healthy = new ScriptedAgent('healthy', [undefined, undefined, undefined, undefined, [{ type: 'new', side: 'buy', priceTicks: 100, sizeLots: 1 }]], FIXED_100MS);
    const simulation = new MarketSimulation({ agents: [faulty, healthy], mode: 'fast', maxAgentFailures: 3 });
    const issues: AgentIssue[] = [];
    simulation.onAgentIssue((issue) => issues.push(issue));
    await simulation.runFor(1_000_000);
    expect(calls).toBe(3);
    expect(issues.map((issue) => issue.type)).toEqual(['agent-error', 'agent-error', 'agent-error', 'agent-disabled']);
    expect(issues[0]!.message).toBe('generateOrders threw Error: boom');
    expect(simulation.stats()).toMatchObject({ agentErrors: 3, disabledAgents: 1, orders: 1 });
    expect(healthy.wakeTimes).toHaveLength(10);
  });

  it('counts an agent hook that throws as a failure without losing the fill', async () => {
    const maker: Agent = {
      id: 'maker',
      wakeup: { kind: 'fixed', intervalUs: 1_000_000 },
      generateOrders: () => [{ type: 'new', side: 'sell', priceTicks: 100, sizeLots: 5 }],
      onFill: () => {
        throw new Error('hook failed');
      },
    };
    const taker = new ScriptedAgent('taker', [[{ type: 'new', side: 'buy', orderType: 'market', sizeLots: 2 }]], { kind: 'fixed', intervalUs: 1_000_000, phaseUs: 1_500_000 });
    const simulation = new MarketSimulation({ agents: [maker, taker], mode: 'fast' });
    await simulation.runFor(1_600_000);
    expect(simulation.account('maker')?.positionLots).toBe(-2);
    expect(simulation.stats().agentErrors).toBe(1);
  });

  it('drops the answer of an async agent slower than the timeout and skips its wake-ups while it runs', async () => {
    const clock = new ManualClock();
    let started!: () => void;
    const startedOnce = new Promise<void>((resolve) => {
      started = resolve;
    });
    const slow: Agent = {
      id: 'slow',
      wakeup: FIXED_100MS,
      generateOrders: () => {
        started();
        return new Promise(() => {});
      },
    };
    const simulation = new MarketSimulation({ agents: [slow], mode: 'fast', clock, decisionTimeoutMs: 50 });
    const issues: AgentIssue[] = [];
    simulation.onAgentIssue((issue) => issues.push(issue));
    const reached = simulation.runFor(350_000);
    await startedOnce;
    clock.advance(50);
    await reached;
    expect(issues).toEqual([expect.objectContaining({ type: 'agent-timeout', agentId: 'slow' })]);
    expect(simulation.stats()).toMatchObject({ agentTimeouts: 1, wakeups: 3, decisions: 1, missedWakeups: 2 });
    expect(simulation.accounts()[0]).toMatchObject({ timeouts: 1, missedWakeups: 2, disabled: false });
  });

  it('counts a malformed answer as a failure', async () => {
    const odd = { id: 'odd', wakeup: FIXED_100MS, generateOrders: () => 'buy!' } as unknown as Agent;
    const simulation = new MarketSimulation({ agents: [odd], mode: 'fast' });
    const issues: AgentIssue[] = [];
    simulation.onAgentIssue((issue) => issues.push(issue));
    await simulation.runFor(100_000);
    expect(issues[0]?.message).toBe('generateOrders must return an array of intents or nothing (got string)');
  });
});
