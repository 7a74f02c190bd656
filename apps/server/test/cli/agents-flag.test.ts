import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SERVER_CONFIG } from '../../src/cli/server-config.js';
import { createLogger } from '../../src/log/logger.js';
import { startServerApp } from '../../src/server-app.js';

const logger = createLogger({ level: 'error', format: 'json', write: () => {} });

describe('the --agents flag of the server', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'marksim-agents-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('runs the mix it names', async () => {
    const app = await startServerApp({ ...DEFAULT_SERVER_CONFIG, port: 0, host: '127.0.0.1', archiveDir: undefined, warmupUs: 0, agents: 'mm=1,noise=5' }, logger);
    try {
      expect(app.simulation!.accounts().map((account) => account.agentId).sort()).toEqual(
        ['mm_1', 'noise_1', 'noise_2', 'noise_3', 'noise_4', 'noise_5']);
    } finally {
      await app.stop();
    }
  });

  it('refuses a config file with an unknown key, naming the file and the key', async () => {
    const path = join(dir, 'market.json');
    await writeFile(path, JSON.stringify({ agents: { mm: 1 }, speed: 3 }));
    await expect(startServerApp({ ...DEFAULT_SERVER_CONFIG, port: 0, archiveDir: undefined, agents: path }, logger))
      .rejects.toThrow(/market\.json: unknown key "speed"/);
  });

  it('refuses an unknown agent kind', async () => {
    await expect(startServerApp({ ...DEFAULT_SERVER_CONFIG, port: 0, archiveDir: undefined, agents: 'whale=3' }, logger))
      .rejects.toThrow(/kind "whale" is unknown/);
  });
});
