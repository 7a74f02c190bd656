import { spawn, spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readArchive } from '@marksim/stream';
import type { ArchiveRecord } from '@marksim/stream';
import { makeTempDir } from '../support/temp-dir.js';
import { recordingLogger } from '../support/recording-logger.js';

const PACKAGE_DIR = join(__dirname, '..', '..');
const TSC = join(PACKAGE_DIR, '..', '..', 'node_modules', '.bin', 'tsc');
// A private build (not dist/, which a parallel `turbo build` may be rewriting). Inside the
// package's node_modules, so `@marksim/core` resolves from it as it does from dist/.
const BUILD_DIR = join(PACKAGE_DIR, 'node_modules', '.cache', 'crash-test-build');

describe('Archiver after kill -9', () => {
  beforeAll(() => {
    // The child runs the real archiver compiled from the current sources.
    const build = spawnSync(TSC, ['-p', PACKAGE_DIR, '--outDir', BUILD_DIR, '--tsBuildInfoFile', join(BUILD_DIR, 'tsbuildinfo')], {
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`tsc -p ${PACKAGE_DIR} failed:\n${build.stdout}${build.stderr}`);
  });

  it('leaves an archive whose complete lines are all there and whose torn line is skipped with a warning', async () => {
    const { dir, cleanup } = await makeTempDir('crash');
    const child = spawn(process.execPath, [join(__dirname, 'fixtures', 'crash-writer.mjs'), dir, '6000', join(BUILD_DIR, 'index.js')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    let lastFlushed = 0;
    await new Promise<void>((resolve, reject) => {
      let buffered = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        for (let end = buffered.indexOf('\n'); end !== -1; end = buffered.indexOf('\n')) {
          const [word, seq] = buffered.slice(0, end).split(' ');
          buffered = buffered.slice(end + 1);
          if (word === 'flushed') lastFlushed = Number(seq);
          if (word === 'torn') {
            child.kill('SIGKILL');
            resolve();
          }
        }
      });
      child.on('exit', (code) => reject(new Error(`child exited early (${code}): ${stderr}`)));
    });
    expect(await exited).toBe('SIGKILL');

    const logger = recordingLogger();
    const reader = readArchive(dir, { logger });
    const seqs: number[] = [];
    for await (const record of reader as AsyncIterable<ArchiveRecord>) seqs.push(record.seq as number);
    // Every record up to the last flush (and whatever complete lines followed it), in order.
    expect(lastFlushed).toBeGreaterThanOrEqual(6000);
    expect(seqs.length).toBeGreaterThan(lastFlushed);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, index) => index + 1));
    expect((await readdir(dir)).length).toBeGreaterThan(1);
    // The tail was cut mid-stream: at most one torn line, reported as a warning, never an error.
    const stats = reader.stats;
    expect(stats.corruptFiles).toBe(0);
    expect(stats.badLines).toBe(0);
    expect(stats.tornLines).toBeLessThanOrEqual(1);
    expect(logger.messages('warn')).toEqual(Array(stats.tornLines).fill(expect.stringContaining('torn last line')));
    await cleanup();
  }, 30_000);
});
