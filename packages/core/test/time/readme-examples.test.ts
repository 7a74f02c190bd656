import { readFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from '@swc/core';
import * as core from '@marksim/core';

// The README's time-engine and randomness examples run as written: imports from
// '@marksim/core' are bound to the package, and a `// expected` comment after a console.log
// is compared with what it printed.

const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');

function section(heading: string): string {
  const start = readme.search(new RegExp(`^## ${heading}$`, 'm'));
  if (start < 0) throw new Error(`README.md has no "## ${heading}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

function codeBlocks(text: string): string[] {
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]);
}

async function runExample(source: string): Promise<{ printed: string[]; expected: string[] }> {
  const expected = [...source.matchAll(/console\.log\(.*\); \/\/ (.+)$/gm)].map((match) => match[1]);
  const body = source.replace(/^import \{([^}]*)\} from '@marksim\/core';$/gm, 'const {$1} = core;');
  const { code } = transformSync(`async function main(core, console) {\n${body}\n}`, {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    isModule: false,
  });
  const main = new Function(`${code}\nreturn main;`)() as (lib: typeof core, log: Pick<Console, 'log' | 'error'>) => Promise<void>;
  const printed: string[] = [];
  await main(core, { log: (...args: unknown[]) => void printed.push(args.map(String).join(' ')), error: () => {} });
  return { printed, expected };
}

describe('README examples', () => {
  it.each([['Time engine'], ['Randomness']])('runs the %s example as written', async (heading) => {
    const blocks = codeBlocks(section(heading));
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      const { printed, expected } = await runExample(block);
      expect(printed.length).toBeGreaterThan(0);
      if (expected.length > 0) expect(printed).toEqual(expected);
    }
  });
});
