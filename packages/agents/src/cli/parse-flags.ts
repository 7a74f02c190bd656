import { agentsError } from '../errors.js';

/** One flag a command accepts: `--name VALUE`, `--name=VALUE`, or a bare boolean `--name`. */
export interface FlagSpec {
  readonly name: string;
  readonly kind: 'string' | 'boolean';
  readonly description: string;
  /** Shown in --help, e.g. `6h`. */
  readonly valueHint?: string;
  readonly defaultText?: string;
}

/** Parsed flags (by name) and positional arguments, in order. */
export interface ParsedFlags {
  readonly values: ReadonlyMap<string, string | true>;
  readonly positionals: readonly string[];
}

/**
 * Parses argv against the command's flags. Unknown flags and missing values throw
 * INVALID_ARGUMENT naming the flag, so a typo never silently runs with defaults.
 */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[], command: string): ParsedFlags {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const values = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals === -1 ? undefined : equals);
    const spec = byName.get(name);
    if (spec === undefined) {
      throw agentsError('INVALID_ARGUMENT', `unknown flag --${name} for "marksim ${command}" (see marksim ${command} --help)`);
    }
    if (spec.kind === 'boolean') {
      if (equals !== -1) throw agentsError('INVALID_ARGUMENT', `--${name} takes no value (got "${arg}")`);
      values.set(name, true);
      continue;
    }
    const value = equals !== -1 ? arg.slice(equals + 1) : argv[++i];
    if (value === undefined || value.length === 0) {
      throw agentsError('INVALID_ARGUMENT', `--${name} needs a value${spec.valueHint ? ` such as ${spec.valueHint}` : ''}`);
    }
    values.set(name, value);
  }
  return { values, positionals };
}

/** The usage text of a command: a synopsis line, a description and one line per flag. */
export function formatHelp(command: string, synopsis: string, description: string, specs: readonly FlagSpec[]): string {
  const rows = specs.map((spec) => {
    const left = `--${spec.name}${spec.kind === 'string' ? ` ${spec.valueHint ?? 'VALUE'}` : ''}`;
    const right = spec.defaultText === undefined ? spec.description : `${spec.description} (default ${spec.defaultText})`;
    return [left, right] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length));
  const lines = rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
  return `usage: marksim ${command} ${synopsis}\n\n${description}\n\noptions:\n${lines.join('\n')}\n`;
}
