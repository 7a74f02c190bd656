import { readFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from '@swc/core';
import * as core from '@marksim/core';

// The README's MarketSimulation example runs as written; `// expected` comments after
// console.log calls are compared with what they printed.

const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');

function section(heading: string): string {
  const start = readme.search(new RegExp(`^## ${heading}$`, 'm'));
  if (start < 0) throw new Error(`README.md has no "## ${heading}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe('README: MarketSimulation', () => {
  it('runs the example as written', async () => {
    const [block] = [...section('MarketSimulation').matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
    const expected = [...block!.matchAll(/console\.log\(.*\); \/\/ (.+)$/gm)].map((match) => match[1]!);
    const body = block!.replace(/^import \{([^}]*)\} from '@marksim\/core';$/gm, 'const {$1} = core;');
    const { code } = transformSync(`async function main(core, console) {\n${body}\n}`, {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      isModule: false,
    });
    const main = new Function(`${code}\nreturn main;`)() as (lib: typeof core, log: Pick<Console, 'log'>) => Promise<void>;
    const printed: string[] = [];
    await main(core, { log: (...args: unknown[]) => void printed.push(args.map(String).join(' ')) });
    expect(expected).toHaveLength(2);
    expect(printed).toEqual(expected);
  });
});
