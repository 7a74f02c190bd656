// Charts redraw at most every `intervalMs` whatever the store's publish rate: an SVG chart of a
// few hundred points is the most expensive thing on the page, and 2 redraws a second read as
// live while leaving the CPU to the ladder and the tape.
import { useEffect, useRef, useState } from 'react';

/** Chart redraw period. */
export const CHART_INTERVAL_MS = 500;

/** `value`, but changing at most once per `intervalMs`; the latest value always lands. */
export function useSampled<T>(value: T, intervalMs: number = CHART_INTERVAL_MS): T {
  const [sampled, setSampled] = useState(value);
  const lastMs = useRef(0);
  useEffect(() => {
    if (Object.is(value, sampled)) return undefined;
    const waitMs = Math.max(0, lastMs.current + intervalMs - performance.now());
    const timer = setTimeout(() => {
      lastMs.current = performance.now();
      setSampled(value);
    }, waitMs);
    return () => clearTimeout(timer);
  }, [value, sampled, intervalMs]);
  return sampled;
}
