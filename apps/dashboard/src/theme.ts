// Colours shared by the charts (SVG attributes cannot read CSS variables in every renderer, so
// the palette is defined once here and mirrored in styles.css).

/** The dashboard palette. */
export const COLORS = {
  background: '#0b0e11',
  panel: '#12161c',
  grid: '#1e242c',
  axis: '#6b7480',
  text: '#d1d4dc',
  muted: '#848e9c',
  accent: '#f0b90b',
  bid: '#0ecb81',
  ask: '#f6465d',
  band: '#5b8def',
} as const;

/** Axis tick style for Recharts. */
export const AXIS_TICK = { fill: COLORS.axis, fontSize: 11 } as const;
