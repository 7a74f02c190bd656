// Vite build of the dashboard: one static bundle in dist/, served by scripts/serve.mjs or
// `vite preview`; `pnpm dev` serves it with hot reload on the same port.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The dashboard's port, as in the seed's Dash app. */
const DASHBOARD_PORT = 8050;

export default defineConfig({
  plugins: [react()],
  // Relative asset URLs: dist/ works from any path and from file-system copies.
  base: './',
  server: { port: DASHBOARD_PORT, strictPort: true },
  preview: { port: DASHBOARD_PORT, strictPort: true },
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 1024,
  },
});
