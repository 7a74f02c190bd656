import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GzipFile } from '../../src/archiver/gzip-file.js';
import { makeTempDir } from '../support/temp-dir.js';

describe('GzipFile', () => {
  const diskFull = existsSync('/dev/full') ? it : it.skip;

  diskFull('rejects flush and close with ENOSPC when the disk is full', async () => {
    const file = await GzipFile.create('/dev/full', Date.now(), 6, 'w');
    await file.write('{"type":"trade","timeUs":1}\n');
    await expect(file.flush()).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(file.error).toMatchObject({ code: 'ENOSPC' });
    await expect(file.write('more\n')).rejects.toMatchObject({ code: 'ENOSPC' });
    await expect(file.close()).rejects.toMatchObject({ code: 'ENOSPC' });
  });

  it('never overwrites an existing file', async () => {
    const { dir, cleanup } = await makeTempDir('gzip-file');
    const path = join(dir, 'a.ndjson.gz');
    const file = await GzipFile.create(path, Date.now(), 6);
    await expect(GzipFile.create(path, Date.now(), 6)).rejects.toMatchObject({ code: 'EEXIST' });
    await file.close();
    await cleanup();
  });
});
