// Connection status: a coloured dot and what the connection is doing, including the countdown
// to the next reconnect attempt.
import { memo, useEffect, useState } from 'react';
import { formatDurationMs } from '../model/format.js';
import type { ConnectionView } from '../model/state.js';

function describe(connection: ConnectionView, nowMs: number): string {
  switch (connection.phase) {
    case 'idle':
      return 'Not connected';
    case 'connecting':
      return 'Connecting…';
    case 'live':
      return 'Live';
    case 'stopped':
      return 'Disconnected';
    case 'reconnecting': {
      if (connection.retryInMs === null) return `Reconnecting… (attempt ${connection.attempt + 1})`;
      const leftMs = Math.max(0, connection.sinceMs + connection.retryInMs - nowMs);
      return `Reconnecting in ${formatDurationMs(leftMs)} (attempt ${connection.attempt})`;
    }
  }
}

/** The connection status badge. */
export const ConnectionBadge = memo(function ConnectionBadge({ connection }: { connection: ConnectionView }) {
  const [nowMs, setNowMs] = useState(() => Date.now());
  const counting = connection.phase === 'reconnecting' && connection.retryInMs !== null;
  useEffect(() => {
    if (!counting) return undefined;
    const timer = setInterval(() => setNowMs(Date.now()), 200);
    return () => clearInterval(timer);
  }, [counting]);
  return (
    <div className={`connection ${connection.phase}`} data-testid="connection-status" data-phase={connection.phase} title={connection.lastError ?? connection.url}>
      <span className="dot" />
      <span className="connection-text">{describe(connection, Math.max(nowMs, connection.sinceMs))}</span>
    </div>
  );
});
