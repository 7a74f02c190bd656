import { MarksimError } from '@marksim/core';
import { DEFAULT_SERVER_CONFIG, parseServerArgs } from '../../src/cli/server-config.js';

function config(argv: string[], env: Record<string, string> = {}) {
  const parsed = parseServerArgs(argv, env);
  if (parsed.help) throw new Error('expected a config, got help');
  return parsed.config;
}

describe('parseServerArgs', () => {
  it('uses the seed defaults: localhost:8765, 10x speed, an archive', () => {
    const c = config([]);
    expect(c).toMatchObject({ host: 'localhost', port: 8765, speed: 10, seed: 1, archiveDir: 'archive' });
    expect(c.controlToken).toBeUndefined();
  });

  it('reads every flag', () => {
    const c = config(['--host', '0.0.0.0', '--port', '0', '--seed', '7', '--speed', '2.5', '--no-archive',
      '--control-token', 'secret-token', '--max-clients', '5', '--client-buffer', '20', '--log-level', 'debug']);
    expect(c).toMatchObject({ host: '0.0.0.0', port: 0, seed: 7, speed: 2.5, archiveDir: undefined,
      controlToken: 'secret-token', maxClients: 5, clientBufferSize: 20, logLevel: 'debug' });
  });

  it('reads the warm-up as a duration', () => {
    expect(config([]).warmupUs).toBe(120_000_000);
    expect(config(['--warmup', '90s']).warmupUs).toBe(90_000_000);
    expect(config(['--warmup', '5m']).warmupUs).toBe(300_000_000);
    expect(config(['--warmup', '0']).warmupUs).toBe(0);
  });

  it('takes the control token from MARKSIM_CONTROL_TOKEN', () => {
    expect(config([], { MARKSIM_CONTROL_TOKEN: 'from-the-env' }).controlToken).toBe('from-the-env');
  });

  it('ignores the leading -- a script runner passes through', () => {
    expect(config(['--', '--seed', '9']).seed).toBe(9);
  });

  it('answers --help without validating anything else', () => {
    expect(parseServerArgs(['--help', '--port', 'nonsense'])).toEqual({ help: true });
  });

  it.each([
    [['--port', '70000'], /--port must be an integer from 0 to 65535 \(got "70000"\)/],
    [['--port', 'abc'], /--port must be an integer/],
    [['--speed=-2'], /--speed must be a number from 0.01 to 10000/],
    [['--speed', '0'], /--speed must be a number from 0.01 to 10000/],
    [['--speed', '1e300'], /--speed must be a number from 0.01 to 10000 \(got "1e300"\)/],
    [['--seed', '1.5'], /--seed must be an integer/],
    [['--log-level', 'loud'], /--log-level must be one of debug, info, warn, error/],
    [['--control-token', 'short'], /--control-token must be at least 8 characters/],
    [['--no-archive', '--archive-dir', 'x'], /exclude each other/],
    [['--memory-soft-mb', '600', '--memory-hard-mb', '500'], /--memory-hard-mb must be ≥ --memory-soft-mb/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['--warmup', '2 weeks'], /--warmup must be a duration like 90s, 2m or 1h/],
    [['--warmup', '25h'], /at most 24h/],
  ])('rejects %j with an error naming the flag', (argv, message) => {
    expect(() => parseServerArgs(argv)).toThrow(MarksimError);
    expect(() => parseServerArgs(argv)).toThrow(message);
  });

  it('keeps its defaults frozen', () => {
    expect(Object.isFrozen(DEFAULT_SERVER_CONFIG)).toBe(true);
  });
});
