// Heartbeats drop half-open clients; close() says goodbye with 1001 and frees the port.
import { createServer } from 'node:net';
import { MarksimError } from '@marksim/core';
import { FeedServer } from '@marksim/ws-server';
import { ScriptedFeed } from './support/scripted-feed.js';
import { connect, startServer } from './support/clients.js';

describe('heartbeat', () => {
  it('terminates a client that stops answering pings and keeps one that answers', async () => {
    const env = await startServer({ heartbeatIntervalMs: 30 });
    try {
      const silent = await env.client({ autoPong: false });
      const healthy = await env.client();
      await env.logged('heartbeat_timeout');
      expect(await silent.closed).toBe(1006);
      expect(env.server.stats().heartbeatTerminations).toBe(1);
      expect(await healthy.request({ op: 'ping' })).toMatchObject({ type: 'pong' });
    } finally {
      await env.stop();
    }
  });
});

describe('close()', () => {
  it('closes every client with 1001, stops listening and unsubscribes from the feed', async () => {
    const feed = new ScriptedFeed();
    const env = await startServer({}, feed);
    const clients = [await env.client(), await env.client()];
    expect(feed.listenerCount).toBe(1);
    await env.server.close();
    expect(await Promise.all(clients.map((client) => client.closed))).toEqual([1001, 1001]);
    expect(feed.listenerCount).toBe(0);
    await expect(connect(env.url)).rejects.toThrow();
    // The port is free again.
    const port = Number(new URL(env.url).port);
    await new Promise<void>((resolve, reject) => {
      const probe = createServer().once('error', reject).listen(port, '127.0.0.1', () => probe.close(() => resolve()));
    });
    await env.server.close();
  });

  it('refuses listen() after close()', async () => {
    const server = new FeedServer(new ScriptedFeed(), { port: 0, host: '127.0.0.1' });
    await server.close();
    await expect(server.listen()).rejects.toMatchObject({ code: 'SERVER_CLOSED' });
  });
});

describe('options', () => {
  it('refuses bad options naming the field, value and rule', () => {
    expect(() => new FeedServer(new ScriptedFeed(), { clientBufferSize: 0 })).toThrow(
      new MarksimError('INVALID_OPTIONS', 'clientBufferSize must be an integer >= 1 (got 0) at options.clientBufferSize'),
    );
    expect(() => new FeedServer(new ScriptedFeed(), { port: 70000 })).toThrow('port must be <= 65535 (got 70000) at options.port');
    expect(() => new FeedServer(new ScriptedFeed(), { controlToken: '' })).toThrow(/controlToken must be a non-empty string/);
  });

  it('defaults to the seed host, port and client buffer size', async () => {
    const { DEFAULT_SERVER_OPTIONS } = await import('@marksim/ws-server');
    expect(DEFAULT_SERVER_OPTIONS).toMatchObject({ host: 'localhost', port: 8765, clientBufferSize: 100 });
  });
});
