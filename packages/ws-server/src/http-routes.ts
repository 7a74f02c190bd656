// Plain HTTP on the feed's port: /health for load balancers and people, /metrics for Prometheus.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FeedStatus } from './market-feed.js';
import { renderPrometheus } from './metrics.js';
import type { ServerMetrics } from './metrics.js';

/** What the routes read from the server. */
export interface HttpRouteContext {
  readonly metrics: ServerMetrics;
  status(): FeedStatus;
  clientCount(): number;
}

function send(response: ServerResponse, statusCode: number, contentType: string, body: string, head: boolean): void {
  response.writeHead(statusCode, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  response.end(head ? undefined : body);
}

/** The request handler for the node:http server the WebSocket server shares. */
export function createHttpHandler(context: HttpRouteContext): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const path = (request.url ?? '/').split('?', 1)[0];
    const known = path === '/health' || path === '/metrics';
    if (!known) {
      send(response, 404, 'application/json', JSON.stringify({ error: `no route ${path}: try /health, /metrics or a WebSocket` }), request.method === 'HEAD');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      send(response, 405, 'application/json', JSON.stringify({ error: `${path} allows GET and HEAD (got ${request.method})` }), false);
      return;
    }
    const status = context.status();
    if (path === '/health') {
      const body = JSON.stringify({
        status: 'ok',
        sim_time: status.simTimeUs,
        speed: status.speed,
        paused: status.paused,
        clients: context.clientCount(),
        events_per_s: Math.round(status.eventsPerS),
        uptime_s: Math.round((Date.now() - context.metrics.startedAtMs) / 1000),
      });
      send(response, 200, 'application/json', body, request.method === 'HEAD');
      return;
    }
    send(response, 200, 'text/plain; version=0.0.4; charset=utf-8', renderPrometheus(context.metrics, status, context.clientCount()), request.method === 'HEAD');
  };
}
