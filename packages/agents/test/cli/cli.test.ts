import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli.js';
import { parseDurationUs } from '../../src/cli/parse-duration.js';
import { parseAgentCounts } from '@marksim/agents';

interface Captured {
  stdout: string;
  stderr: string;
  code: number;
}

async function cli(args: string[], cwd: string): Promise<Captured> {
  const out: Captured = { stdout: '', stderr: '', code: -1 };
  out.code = await runCli(args, {
    cwd,
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text), isTTY: false },
  });
  return out;
}

describe('marksim CLI', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'marksim-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parses durations and agent counts, refusing bad ones with the flag named', () => {
    expect(parseDurationUs('6h')).toBe(21_600_000_000);
    expect(parseDurationUs('1h30m')).toBe(5_400_000_000);
    expect(parseDurationUs('250ms')).toBe(250_000);
    expect(() => parseDurationUs('6 hours')).toThrow('--duration must be a positive duration such as 6h');
    expect(parseAgentCounts('mm=2,noise=50')).toEqual({ mm: 2, noise: 50, informed: 0, momentum: 0 });
    expect(parseAgentCounts('100')).toEqual({ mm: 2, noise: 80, informed: 10, momentum: 8 });
    expect(() => parseAgentCounts('whales=3')).toThrow('--agents kind "whales" is unknown');
  });

  it('prints help for marksim and every command', async () => {
    expect((await cli(['--help'], dir)).stdout).toContain('usage: marksim <command>');
    const simulate = await cli(['simulate', '--help'], dir);
    expect(simulate).toMatchObject({ code: 0 });
    expect(simulate.stdout).toContain('--duration 6h');
    expect((await cli(['report', '--help'], dir)).stdout).toContain('usage: marksim report DIR');
  });

  it('explains a bad flag on stderr with exit code 2', async () => {
    const result = await cli(['simulate', '--out', 'x', '--durations', '1h'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown flag --durations');
  });

  it('simulates a short run into a directory and reports on it', async () => {
    const config = join(dir, 'market.json');
    writeFileSync(config, JSON.stringify({ agents: { mm: 1, noise: 20, informed: 3, momentum: 2 } }));
    const simulated = await cli(['simulate', '--seed', '3', '--duration', '20m', '--agents', config, '--out', 'run'], dir);
    expect(simulated.code).toBe(0);
    expect(simulated.stderr).toContain('100%  20m00s/20m00s sim');
    const runDir = join(dir, 'run');
    const bars = readFileSync(join(runDir, 'ohlcv_1m.csv'), 'utf8').trim().split('\n');
    expect(bars[0]).toBe('open_time,open,high,low,close,volume,trade_count');
    expect(bars.length).toBeGreaterThanOrEqual(20);
    const trades = readFileSync(join(runDir, 'trades.csv'), 'utf8').trim().split('\n');
    expect(trades[0]).toBe('timestamp,trade_id,price,size,side,maker_agent,taker_agent');
    const ticker = JSON.parse(readFileSync(join(runDir, 'tickers.ndjson'), 'utf8').split('\n')[0]!);
    expect(Object.keys(ticker)).toEqual(['timestamp', 'symbol', 'last_price', 'bid_price', 'ask_price', 'bid_size', 'ask_size', 'volume_24h', 'trade_count']);
    const summary = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ seed: 3, agents: { mm: 1, noise: 20 }, book_crossed_count: 0, trades: trades.length - 1 });
    expect(summary.per_agent).toHaveLength(26);
    expect(summary.per_agent[0]).toEqual(expect.objectContaining({ agent_id: 'mm_1', pnl: expect.any(Number), max_abs_position: expect.any(Number) }));

    const report = await cli(['report', 'run'], dir);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('excess kurtosis, 1-min returns');
    expect(report.stdout).toContain('book ever crossed');
  });

  it('refuses to report on a directory that is not a run', async () => {
    const result = await cli(['report', '.'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is missing: is');
  });
});
