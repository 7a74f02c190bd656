#!/usr/bin/env node
// Serves the built dashboard (dist/) over plain node:http: what `npm start` runs beside the
// server, and what the end-to-end test opens in chromium. No dependencies, no dev server.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The dashboard's default port, as in the seed's Dash app. */
export const DEFAULT_DASHBOARD_PORT = 8050;
/** The built dashboard next to this script. */
export const DEFAULT_DIST_DIR = resolve(dirname(fileURLToPath(import.meta.url)), 'dist');

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const USAGE = `usage: node serve.mjs [--port N] [--host H] [--dir PATH]

Serves the built Marksim dashboard (run \`pnpm build\` first).
  --port N     port to listen on (default ${DEFAULT_DASHBOARD_PORT}; 0 picks a free one)
  --host H     interface to bind (default localhost)
  --dir PATH   directory to serve (default apps/dashboard/dist)
  --help       show this text
Open http://localhost:${DEFAULT_DASHBOARD_PORT}/?ws=ws://localhost:8765 (the ?ws= part is optional).`;

/** Resolves a request path inside `root`, or null when it would leave it. */
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const path = normalize(join(root, decoded));
  return path === root || path.startsWith(root + sep) ? path : null;
}

/**
 * Starts a static server for `dir`; resolves with `{ server, url, port, close() }` once
 * listening. "/" serves index.html; hashed assets are cached for a year, index.html never.
 */
export async function startStaticServer({ dir = DEFAULT_DIST_DIR, host = 'localhost', port = DEFAULT_DASHBOARD_PORT } = {}) {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  try {
    await stat(index);
  } catch {
    throw new Error(`no built dashboard at ${index}: run \`pnpm --filter @marksim/dashboard build\` first`);
  }
  const server = createServer(async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const urlPath = new URL(request.url ?? '/', 'http://localhost').pathname;
    let path = urlPath === '/' ? index : resolveInside(root, urlPath);
    let info = null;
    if (path !== null) {
      try {
        info = await stat(path);
        if (info.isDirectory()) {
          path = join(path, 'index.html');
          info = await stat(path);
        }
      } catch {
        info = null;
      }
    }
    if (path === null || info === null || !info.isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${urlPath}\n`);
      return;
    }
    const immutable = path.includes(`${sep}assets${sep}`);
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(path).on('error', () => response.destroy()).pipe(response);
  });
  await new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, host, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const actualPort = server.address().port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    port: actualPort,
    url: `http://${shownHost}:${actualPort}/`,
    close: () => new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value`);
      i += 1;
      return next;
    };
    if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--port') {
      const text = value();
      const port = Number(text);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer in 0..65535 (got "${text}")`);
      options.port = port;
    } else if (arg === '--host') options.host = value();
    else if (arg === '--dir') options.dir = value();
    else throw new Error(`unknown option ${arg} (see --help)`);
  }
  return options;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`serve: ${error.message}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(USAGE);
    process.exit(0);
  }
  try {
    const { url, close } = await startStaticServer(options);
    console.log(`Marksim dashboard on ${url} (feed: add ?ws=ws://host:port, default ws://<this host>:8765)`);
    const stop = () => close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    console.error(`serve: ${error.code === 'EADDRINUSE' ? `port ${options.port ?? DEFAULT_DASHBOARD_PORT} is already in use` : error.message}`);
    process.exit(1);
  }
}
