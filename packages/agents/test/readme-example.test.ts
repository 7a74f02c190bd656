import { readFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from '@swc/core';
import * as core from '@marksim/core';
import * as agents from '@marksim/agents';

// The README's custom-agent example runs as written: imports from '@marksim/core' and
// '@marksim/agents' are bound to the packages, and a `// expected` comment after a console.log
// is compared with what it printed.

const readme = readFileSync(path.join(__dirname, '../README.md'), 'utf8');

function section(heading: string): string {
  const start = readme.search(new RegExp(`^## ${heading}$`, 'm'));
  if (start < 0) throw new Error(`README.md has no "## ${heading}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

async function runExample(source: string): Promise<{ printed: string[]; expected: string[] }> {
  const expected = [...source.matchAll(/console\.log\(.*\); \/\/ (.+)$/gm)].map((match) => match[1]!);
  const body = source
    .replace(/^import \{([^}]*)\} from '@marksim\/core';$/gm, 'const {$1} = core;')
    .replace(/^import \{([^}]*)\} from '@marksim\/agents';$/gm, 'const {$1} = agentsPackage;');
  const { code } = transformSync(`async function main(core, agentsPackage, console) {\n${body}\n}`, {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    isModule: false,
  });
  const main = new Function(`${code}\nreturn main;`)() as (c: typeof core, a: typeof agents, log: Pick<Console, 'log'>) => Promise<void>;
  const printed: string[] = [];
  await main(core, agents, { log: (...args: unknown[]) => void printed.push(args.map(String).join(' ')) });
  return { printed, expected };
}

describe('README', () => {
  it('runs the custom agent example as written', async () => {
    const blocks = [...section('A custom agent').matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(blocks).toHaveLength(1);
    const { printed, expected } = await runExample(blocks[0]!);
    expect(expected).toEqual(['true']);
    expect(printed).toEqual(expected);
  }, 30_000);
});
