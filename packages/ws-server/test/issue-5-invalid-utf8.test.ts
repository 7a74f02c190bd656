// A text frame that is not valid UTF-8 is closed with 1007, as PROTOCOL.md's close codes say.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './support/clients.js';

describe('a text frame that is not UTF-8', () => {
  let env: Awaited<ReturnType<typeof startServer>>;
  beforeEach(async () => {
    env = await startServer();
  });
  afterEach(() => env.stop());

  it('closes the connection with 1007 and leaves other clients connected', async () => {
    const bad = await env.client();
    const good = await env.client();
    bad.ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect(await bad.closed).toBe(1007);
    expect(await good.request({ op: 'ping' })).toMatchObject({ type: 'pong' });
  });

  it('is listed among the close codes of PROTOCOL.md', () => {
    const protocol = readFileSync(join(__dirname, '..', 'PROTOCOL.md'), 'utf8');
    expect(protocol).toMatch(/\*\*Close codes:\*\*[^]*1007 a text frame that is not valid UTF-8/);
  });
});
