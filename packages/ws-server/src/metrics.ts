// Counters the server keeps and their Prometheus text exposition (format 0.0.4).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FeedStatus } from './market-feed.js';

/** Running totals since the server started. */
export class ServerMetrics {
  /** Frames written to client sockets. */
  messagesSent = 0;
  /** Tickers a slow client never got because a newer one replaced them (or its queue was full). */
  messagesDropped = 0;
  /** Client messages received (before rate limiting). */
  messagesReceived = 0;
  /** Connections accepted since start. */
  connectionsTotal = 0;
  /** Clients closed for not keeping up on a lossless channel. */
  slowConsumerDisconnects = 0;
  /** Client messages refused by the rate limit. */
  rateLimited = 0;
  /** Connections refused because the server was full. */
  refusedFull = 0;
  /** Clients terminated by the heartbeat. */
  heartbeatTerminations = 0;
  readonly startedAtMs = Date.now();
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 20 });

  constructor() {
    this.loopDelay.enable();
  }

  /** Stops the event-loop delay sampler. */
  stop(): void {
    this.loopDelay.disable();
  }

  /** p99 event-loop delay since the last call, in seconds; resets the histogram. */
  takeLoopDelayP99S(): number {
    const p99Ns = this.loopDelay.count > 0 ? this.loopDelay.percentile(99) : 0;
    this.loopDelay.reset();
    return p99Ns / 1e9;
  }
}

type Kind = 'counter' | 'gauge';

function metric(lines: string[], name: string, kind: Kind, help: string, value: number): void {
  lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${kind}`, `${name} ${Number.isFinite(value) ? value : 0}`);
}

/** The /metrics body. */
export function renderPrometheus(metrics: ServerMetrics, status: FeedStatus, clients: number): string {
  const lines: string[] = [];
  const memory = process.memoryUsage();
  metric(lines, 'marksim_ws_clients', 'gauge', 'Open WebSocket connections.', clients);
  metric(lines, 'marksim_ws_connections_total', 'counter', 'WebSocket connections accepted since start.', metrics.connectionsTotal);
  metric(lines, 'marksim_ws_messages_sent_total', 'counter', 'Messages written to client sockets.', metrics.messagesSent);
  metric(lines, 'marksim_ws_messages_dropped_total', 'counter', 'Tickers conflated away for slow clients.', metrics.messagesDropped);
  metric(lines, 'marksim_ws_messages_received_total', 'counter', 'Messages received from clients.', metrics.messagesReceived);
  metric(lines, 'marksim_ws_slow_consumer_disconnects_total', 'counter', 'Clients closed for falling behind on a lossless channel.', metrics.slowConsumerDisconnects);
  metric(lines, 'marksim_ws_rate_limited_total', 'counter', 'Client messages refused by the rate limit.', metrics.rateLimited);
  metric(lines, 'marksim_ws_refused_full_total', 'counter', 'Connections refused because the server was full.', metrics.refusedFull);
  metric(lines, 'marksim_ws_heartbeat_terminations_total', 'counter', 'Connections terminated for not answering pings.', metrics.heartbeatTerminations);
  metric(lines, 'marksim_sim_events_per_second', 'gauge', 'Simulation book events per wall second.', status.eventsPerS);
  metric(lines, 'marksim_sim_time_seconds', 'gauge', 'Simulation clock, seconds since the epoch.', status.simTimeUs / 1e6);
  metric(lines, 'marksim_sim_speed', 'gauge', 'Simulated seconds per wall second.', status.speed);
  metric(lines, 'marksim_sim_paused', 'gauge', '1 while the simulation is paused.', status.paused ? 1 : 0);
  if (status.lagUs !== undefined) {
    metric(lines, 'marksim_sim_lag_seconds', 'gauge', 'How far the simulation runs behind its wall-clock schedule.', status.lagUs / 1e6);
  }
  metric(lines, 'nodejs_eventloop_delay_p99_seconds', 'gauge', 'p99 event-loop delay since the previous scrape.', metrics.takeLoopDelayP99S());
  metric(lines, 'nodejs_heap_used_bytes', 'gauge', 'V8 heap in use.', memory.heapUsed);
  metric(lines, 'nodejs_heap_total_bytes', 'gauge', 'V8 heap allocated.', memory.heapTotal);
  metric(lines, 'process_resident_memory_bytes', 'gauge', 'Resident set size.', memory.rss);
  metric(lines, 'process_uptime_seconds', 'gauge', 'Seconds since the server started.', (Date.now() - metrics.startedAtMs) / 1000);
  return `${lines.join('\n')}\n`;
}
