// Simulation controls. Hidden until a control token is entered: the server refuses control
// without it, and a viewer who has none should not see buttons that cannot work. Every answer,
// refusals included, is shown next to the buttons.
import { useState } from 'react';
import { formatFixed } from '../model/format.js';
import type { ControlState, ServerStatusView } from '../model/state.js';
import { useStore } from '../store-context.js';

/** Speeds offered (simulated seconds per wall second). */
export const SPEEDS: readonly number[] = [0.5, 1, 2, 5, 10, 25, 50, 100];

const TOKEN_KEY = 'marksim.controlToken';

function initialToken(): string {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Props of the control panel. */
export interface ControlPanelProps {
  control: ControlState;
  server: ServerStatusView | null;
}

/** Token field, pause/resume, speed, and the last answer. */
export function ControlPanel({ control, server }: ControlPanelProps) {
  const store = useStore();
  const [token, setToken] = useState(initialToken);
  const updateToken = (value: string) => {
    setToken(value);
    try {
      // Kept for this tab only: a control token should not outlive the session on disk.
      window.sessionStorage.setItem(TOKEN_KEY, value);
    } catch {
      // Storage may be unavailable (private mode); the field still works.
    }
  };
  const paused = server?.paused === true;
  const busy = control.pending !== null;
  const speedOptions = server !== null && !SPEEDS.includes(server.speed) ? [...SPEEDS, server.speed].sort((a, b) => a - b) : SPEEDS;
  return (
    // A form, so the browser treats the token as a password field and Enter does not reload.
    <form className="controls" data-testid="controls" onSubmit={(event) => event.preventDefault()}>
      <input
        type="password"
        aria-label="Control token"
        placeholder="Control token"
        value={token}
        onChange={(event) => updateToken(event.target.value)}
        autoComplete="off"
        data-testid="control-token"
      />
      {token !== '' && (
        <>
          <button
            type="button"
            className={paused ? 'resume' : 'pause'}
            disabled={busy}
            onClick={() => store.control(paused ? 'resume' : 'pause', token)}
            data-testid={paused ? 'control-resume' : 'control-pause'}
          >
            {paused ? '▶ Resume' : '❚❚ Pause'}
          </button>
          <select
            aria-label="Speed"
            value={server?.speed ?? 10}
            disabled={busy}
            onChange={(event) => store.control('set_speed', token, Number(event.target.value))}
            data-testid="control-speed"
          >
            {speedOptions.map((speed) => (
              <option key={speed} value={speed}>
                {formatFixed(speed, speed % 1 === 0 ? 0 : 1)}×
              </option>
            ))}
          </select>
        </>
      )}
      {busy && <span className="control-result pending">Waiting for {control.pending?.action}…</span>}
      {!busy && control.result !== null && (
        <span className={`control-result ${control.result.ok ? 'ok' : 'refused'}`} data-testid="control-result" data-ok={String(control.result.ok)}>
          {control.result.ok ? '✓ ' : '✕ '}
          {control.result.text}
        </span>
      )}
    </form>
  );
}
