import { readFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from '@swc/core';
import * as core from '@marksim/core';

// The README's order book example runs as written: its import from '@marksim/core' is bound to
// the package, and each `// expected` comment after a console.log is compared with what it printed.

const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');

function section(heading: string): string {
  const start = readme.search(new RegExp(`^## ${heading}$`, 'm'));
  if (start < 0) throw new Error(`README.md has no "## ${heading}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

function run(source: string): { printed: string[]; expected: string[] } {
  const expected = [...source.matchAll(/console\.log\(.*\); \/\/ (.+)$/gm)].map((match) => match[1]);
  const body = source
    .replace(/^import type \{[^}]*\} from '@marksim\/core';$/gm, '')
    .replace(/^import \{([^}]*)\} from '@marksim\/core';$/gm, 'const {$1} = core;');
  const { code } = transformSync(`function main(core, console) {\n${body}\n}`, {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    isModule: false,
  });
  const main = new Function(`${code}\nreturn main;`)() as (lib: typeof core, log: Pick<Console, 'log'>) => void;
  const printed: string[] = [];
  main(core, { log: (...args: unknown[]) => void printed.push(args.map(String).join(' ')) });
  return { printed, expected };
}

describe('README: order book and matching engine', () => {
  const blocks = [...section('Order book and matching engine').matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]);

  it('has the engine example and the event-sink example', () => {
    expect(blocks).toHaveLength(2);
  });

  it.each([0, 1])('runs example %i as written and prints what its comments say', (index) => {
    const { printed, expected } = run(blocks[index]);
    expect(expected.length).toBeGreaterThanOrEqual(1);
    expect(printed).toEqual(expected);
  });
});
