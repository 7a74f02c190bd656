import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { transformSync } from '@swc/core';
import { makeTempDir } from './support/temp-dir.js';

/** Runs the README's example (the first ```ts block) against the package sources. */
describe('README', () => {
  it('runs the example as written', async () => {
    const readme = await readFile(join(__dirname, '..', 'README.md'), 'utf8');
    const source = /```ts\n([\s\S]*?)```/.exec(readme)![1];
    const { dir, cleanup } = await makeTempDir('readme');
    const lines = source.split('\n');
    const imports = lines.filter((line) => line.startsWith('import '));
    const body = lines.filter((line) => !line.startsWith('import ')).join('\n').replaceAll("'archive'", JSON.stringify(dir));
    const { code } = transformSync(`${imports.join('\n')}\nexport const done = (async () => {\n${body}\n})();`, {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    });
    const logged: unknown[][] = [];
    const fakeConsole = { log: (...args: unknown[]) => logged.push(args) };
    const module = { exports: {} as { done?: Promise<void> } };
    new Function('require', 'module', 'exports', 'console', code)(require, module, module.exports, fakeConsole);
    await module.exports.done;
    expect(logged).toEqual([
      [{ type: 'item', channel: 'events', item: expect.objectContaining({ type: 'level', seq: 1 }), seq: 1 }],
      ['level', 1],
    ]);
    await cleanup();
  });
});
