// /health and /metrics on the feed's port.
import { startServer } from './support/clients.js';

/** Parses Prometheus text exposition: every sample line, and checks HELP/TYPE precede it. */
function parsePrometheus(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  const described = new Set<string>();
  for (const line of text.trimEnd().split('\n')) {
    const help = /^# HELP (\w+) .+$/.exec(line);
    const type = /^# TYPE (\w+) (counter|gauge)$/.exec(line);
    if (help !== null) continue;
    if (type !== null) {
      described.add(type[1]);
      continue;
    }
    const sample = /^(\w+) (-?[\d.e+-]+)$/.exec(line);
    if (sample === null) throw new Error(`not a Prometheus sample line: ${line}`);
    if (!described.has(sample[1])) throw new Error(`${sample[1]} has no TYPE line before its sample`);
    samples.set(sample[1], Number(sample[2]));
  }
  return samples;
}

describe('http routes', () => {
  let env: Awaited<ReturnType<typeof startServer>>;
  beforeEach(async () => {
    env = await startServer();
  });
  afterEach(() => env.stop());

  it('answers /health with status, sim time, speed, clients and events/s', async () => {
    await env.client();
    const response = await fetch(`${env.httpUrl}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({
      status: 'ok',
      sim_time: env.feed.status().simTimeUs,
      speed: 10,
      paused: false,
      clients: 1,
      events_per_s: 1234,
      uptime_s: expect.any(Number),
    });
  });

  it('answers /metrics in Prometheus text format', async () => {
    const client = await env.client();
    env.feed.ticker('BTC/USD');
    await client.next();
    const response = await fetch(`${env.httpUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const samples = parsePrometheus(await response.text());
    expect(samples.get('marksim_ws_clients')).toBe(1);
    expect(samples.get('marksim_ws_messages_sent_total')).toBeGreaterThanOrEqual(1);
    expect(samples.get('marksim_ws_messages_dropped_total')).toBe(0);
    expect(samples.get('marksim_sim_events_per_second')).toBeCloseTo(1234.4);
    expect(samples.get('marksim_sim_lag_seconds')).toBe(0.0015);
    expect(samples.get('nodejs_heap_used_bytes')).toBeGreaterThan(0);
    expect(samples.get('process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('answers other paths with 404 and other methods with 405', async () => {
    expect((await fetch(`${env.httpUrl}/`)).status).toBe(404);
    expect((await fetch(`${env.httpUrl}/admin`)).status).toBe(404);
    const post = await fetch(`${env.httpUrl}/health`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});
