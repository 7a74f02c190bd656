import { parseArgs } from 'node:util';
import { MarksimError } from '@marksim/core';
import { LOG_LEVELS, type LogFormat, type LogLevel } from '../log/logger.js';
import { SPEED_RANGE } from '../feed/speed-range.js';

/** Everything the server needs to start, after flags and environment are validated. */
export interface ServerConfig {
  host: string;
  port: number;
  seed: number;
  /** Simulated seconds per wall second. */
  speed: number;
  /** Simulated time run as fast as possible before going live, µs (the empty book's opening). */
  warmupUs: number;
  /** Agent mix as `marksim simulate --agents` takes it: counts (`mm=2,noise=80`, a total) or a JSON file; undefined = the default market. */
  agents: string | undefined;
  /** Directory for the NDJSON.gz archive; undefined = no archive. */
  archiveDir: string | undefined;
  logLevel: LogLevel;
  logFormat: LogFormat;
  /** Enables control ops (pause/resume/speed/reset); undefined = control refused. */
  controlToken: string | undefined;
  /** Serve this archive (file or directory) instead of a live simulation. */
  replayPath: string | undefined;
  /** Replay pace in simulated seconds per wall second. */
  replaySpeed: number;
  maxClients: number;
  /** Per-client send buffer in messages (the seed's client_buffer_size). */
  clientBufferSize: number;
  /** Soft heap limit in MiB above which the memory monitor warns; the hard limit sheds load. */
  memorySoftLimitMb: number;
  memoryHardLimitMb: number;
}

/** Defaults, with units in the names or comments. */
export const DEFAULT_SERVER_CONFIG: ServerConfig = Object.freeze({
  host: 'localhost',
  port: 8765,
  seed: 1,
  speed: 10,
  warmupUs: 120_000_000,
  agents: undefined,
  archiveDir: 'archive',
  logLevel: 'info',
  logFormat: 'pretty',
  controlToken: undefined,
  replayPath: undefined,
  replaySpeed: 10,
  maxClients: 1000,
  clientBufferSize: 100,
  memorySoftLimitMb: 512,
  memoryHardLimitMb: 1024,
});

export const SERVER_HELP = `usage: marksim-server [options]

Runs a live simulated market (default: BTC/USD, 10x speed) and serves it over WebSocket.
A client that connects and sends nothing receives ticker messages:
  {"timestamp":…,"symbol":"BTC/USD","last_price":…,"bid_price":…,"ask_price":…,
   "bid_size":…,"ask_size":…,"volume_24h":…,"trade_count":…}
HTTP on the same port: GET /health (JSON), GET /metrics (Prometheus).

options:
  --host HOST             interface to listen on (default localhost)
  --port N                port, 0 = any free port (default 8765)
  --seed N                simulation seed, same seed = same market (default 1)
  --speed X               simulated seconds per wall second, 0.01 to 10000 (default 10)
  --warmup DURATION       simulated time run fast before going live, e.g. 2m, 90s, 0
                          (default 2m: clients never see the empty book's opening)
  --agents SPEC           agent mix: counts like mm=2,noise=80,informed=10,momentum=8,
                          a total like 500, or a JSON market config file
  --archive-dir DIR       write the event stream as NDJSON.gz here (default ./archive)
  --no-archive            do not write an archive
  --replay PATH           serve an archive file or directory instead of a live simulation
  --replay-speed X        replay pace, simulated seconds per wall second (default 10)
  --control-token TOKEN   enable pause/resume/speed/reset for clients that send it
                          (or set MARKSIM_CONTROL_TOKEN)
  --max-clients N         refuse connections beyond N (default 1000)
  --client-buffer N       per-client send buffer in messages (default 100)
  --memory-soft-mb N      warn above this heap size (default 512)
  --memory-hard-mb N      shed load above this heap size (default 1024)
  --log-level LEVEL       debug | info | warn | error (default info)
  --log-format FORMAT     pretty | json (default pretty on a terminal, json otherwise)
  -h, --help              show this help
`;

function invalid(flag: string, value: unknown, rule: string): MarksimError {
  return new MarksimError('INVALID_CONFIG', `--${flag} must be ${rule} (got ${JSON.stringify(value)})`);
}

function integerFlag(flag: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw invalid(flag, raw, `an integer from ${min} to ${max}`);
  }
  return value;
}

function speedFlag(flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < SPEED_RANGE.min || value > SPEED_RANGE.max) {
    throw invalid(flag, raw, `a number from ${SPEED_RANGE.min} to ${SPEED_RANGE.max}`);
  }
  return value;
}

/** `90s`, `2m`, `1h` or `0` → µs; at most a day. */
function durationFlag(flag: string, raw: string | undefined, fallbackUs: number): number {
  if (raw === undefined) return fallbackUs;
  const match = /^(\d+)(s|m|h)?$/.exec(raw.trim());
  const unitUs = { s: 1e6, m: 60e6, h: 3600e6 }[(match?.[2] ?? 's') as 's' | 'm' | 'h'];
  const valueUs = match ? Number(match[1]) * unitUs : Number.NaN;
  if (!Number.isSafeInteger(valueUs) || valueUs > 86_400e6) throw invalid(flag, raw, 'a duration like 90s, 2m or 1h (at most 24h), or 0');
  return valueUs;
}

/** Result of reading the command line: either help was asked for, or a validated config. */
export type ParsedServerArgs = { help: true } | { help: false; config: ServerConfig };

/**
 * Parses flags and environment into a ServerConfig. Throws MarksimError('INVALID_CONFIG') naming
 * the flag, the value and the rule.
 */
export function parseServerArgs(argv: readonly string[], env: Record<string, string | undefined> = {}, isTty = false): ParsedServerArgs {
  let parsed;
  try {
    parsed = parseArgs({
      // A leading `--` comes from package-manager script runners (`pnpm server -- --seed 7`).
      args: argv[0] === '--' ? argv.slice(1) : [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        seed: { type: 'string' },
        speed: { type: 'string' },
        warmup: { type: 'string' },
        agents: { type: 'string' },
        'archive-dir': { type: 'string' },
        'no-archive': { type: 'boolean' },
        replay: { type: 'string' },
        'replay-speed': { type: 'string' },
        'control-token': { type: 'string' },
        'max-clients': { type: 'string' },
        'client-buffer': { type: 'string' },
        'memory-soft-mb': { type: 'string' },
        'memory-hard-mb': { type: 'string' },
        'log-level': { type: 'string' },
        'log-format': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (cause) {
    throw new MarksimError('INVALID_CONFIG', `${(cause as Error).message} (see --help)`, { cause });
  }
  const v = parsed.values;
  if (v.help) return { help: true };

  const d = DEFAULT_SERVER_CONFIG;
  const host = v.host ?? d.host;
  if (host.trim() === '') throw invalid('host', host, 'a host name or address');
  const logLevel = (v['log-level'] ?? d.logLevel) as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw invalid('log-level', logLevel, `one of ${LOG_LEVELS.join(', ')}`);
  const logFormat = (v['log-format'] ?? (isTty ? 'pretty' : 'json')) as LogFormat;
  if (logFormat !== 'pretty' && logFormat !== 'json') throw invalid('log-format', logFormat, 'pretty or json');
  if (v['no-archive'] && v['archive-dir'] !== undefined) {
    throw new MarksimError('INVALID_CONFIG', '--archive-dir and --no-archive exclude each other');
  }
  const controlToken = v['control-token'] ?? env.MARKSIM_CONTROL_TOKEN;
  if (controlToken !== undefined && controlToken.length < 8) {
    throw invalid('control-token', '…', 'at least 8 characters (it guards pause/resume/reset)');
  }
  const memorySoftLimitMb = integerFlag('memory-soft-mb', v['memory-soft-mb'], d.memorySoftLimitMb, 16, 1 << 20);
  const memoryHardLimitMb = integerFlag('memory-hard-mb', v['memory-hard-mb'], Math.max(d.memoryHardLimitMb, memorySoftLimitMb), 16, 1 << 20);
  if (memoryHardLimitMb < memorySoftLimitMb) {
    throw invalid('memory-hard-mb', memoryHardLimitMb, `≥ --memory-soft-mb (${memorySoftLimitMb})`);
  }

  return {
    help: false,
    config: {
      host,
      port: integerFlag('port', v.port, d.port, 0, 65535),
      seed: integerFlag('seed', v.seed, d.seed, 0, 2 ** 32 - 1),
      speed: speedFlag('speed', v.speed, d.speed),
      warmupUs: durationFlag('warmup', v.warmup, d.warmupUs),
      agents: v.agents,
      archiveDir: v['no-archive'] ? undefined : (v['archive-dir'] ?? d.archiveDir),
      logLevel,
      logFormat,
      controlToken,
      replayPath: v.replay,
      replaySpeed: speedFlag('replay-speed', v['replay-speed'], d.replaySpeed),
      maxClients: integerFlag('max-clients', v['max-clients'], d.maxClients, 1, 100_000),
      clientBufferSize: integerFlag('client-buffer', v['client-buffer'], d.clientBufferSize, 1, 1_000_000),
      memorySoftLimitMb,
      memoryHardLimitMb,
    },
  };
}
