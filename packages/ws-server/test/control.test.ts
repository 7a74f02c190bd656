// Control ops need the server's token; refusals are errors and the market goes on.
import { startServer } from './support/clients.js';
import { tokenMatches } from '@marksim/ws-server';

const TOKEN = 's3cret-token';

describe('control', () => {
  let env: Awaited<ReturnType<typeof startServer>>;
  afterEach(() => env.stop());

  it('refuses control when the server has no token', async () => {
    env = await startServer();
    const client = await env.client();
    const reply = await client.request({ op: 'control', action: 'pause', token: 'anything' });
    expect(reply).toMatchObject({ type: 'error', code: 'CONTROL_REFUSED', message: 'control is disabled: the server was started without a control token' });
    expect(env.feed.controlCalls).toEqual([]);
  });

  it('refuses a wrong token', async () => {
    env = await startServer({ controlToken: TOKEN });
    const client = await env.client();
    const reply = await client.request({ op: 'control', action: 'pause', token: `${TOKEN}x` });
    expect(reply).toMatchObject({ type: 'error', code: 'CONTROL_REFUSED', message: 'token does not match the server control token' });
    expect(env.feed.paused).toBe(false);
  });

  it('runs pause, set_speed, resume and reset with the token and acks the new state', async () => {
    env = await startServer({ controlToken: TOKEN });
    const client = await env.client();
    expect(await client.request({ op: 'control', action: 'pause', token: TOKEN })).toMatchObject({ type: 'control_ack', action: 'pause', paused: true, speed: 10 });
    expect(await client.request({ op: 'control', action: 'set_speed', speed: 50, token: TOKEN })).toMatchObject({ action: 'set_speed', speed: 50, paused: true });
    expect(await client.request({ op: 'control', action: 'resume', token: TOKEN })).toMatchObject({ action: 'resume', paused: false });
    expect(await client.request({ op: 'control', action: 'reset', token: TOKEN })).toMatchObject({ action: 'reset' });
    expect(env.feed.controlCalls).toEqual(['pause', 'set_speed 50', 'resume', 'reset']);
  });

  it('tells status subscribers right after a control op', async () => {
    env = await startServer({ controlToken: TOKEN, statusIntervalMs: 60_000 });
    const watcher = await env.client();
    await watcher.request({ op: 'subscribe', channels: ['status'] });
    await watcher.nextOfType('status');
    const controller = await env.client();
    await controller.request({ op: 'control', action: 'pause', token: TOKEN });
    expect(await watcher.nextOfType('status')).toMatchObject({ paused: true });
  });

  it('reports a feed refusal as CONTROL_FAILED with its reason', async () => {
    env = await startServer({ controlToken: TOKEN });
    const client = await env.client();
    const reply = await client.request({ op: 'control', action: 'set_speed', speed: 5000, token: TOKEN });
    expect(reply).toMatchObject({ type: 'error', code: 'CONTROL_FAILED', message: 'set_speed failed: speed must be <= 1000 (got 5000)' });
  });
});

describe('tokenMatches', () => {
  it('compares tokens of any length', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abc', 'abd')).toBe(false);
    expect(tokenMatches('abc', 'abcd')).toBe(false);
    expect(tokenMatches('abc', '')).toBe(false);
  });
});
