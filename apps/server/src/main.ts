#!/usr/bin/env node
// marksim-server: the main job. Parses flags, starts the market + feed + archive + monitor, and
// shuts down gracefully on SIGINT/SIGTERM (stop the market, close clients with 1001, flush).
import { MarksimError } from '@marksim/core';
import { SERVER_HELP, parseServerArgs } from './cli/server-config.js';
import { createLogger } from './log/logger.js';
import { startServerApp } from './server-app.js';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseServerArgs(process.argv.slice(2), process.env, Boolean(process.stdout.isTTY));
  } catch (error) {
    process.stderr.write(`marksim-server: ${(error as Error).message}\n`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(SERVER_HELP);
    return 0;
  }
  const { config } = parsed;
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  let app;
  try {
    app = await startServerApp(config, logger);
  } catch (error) {
    logger.error('cannot start', { error: (error as Error).message, code: (error as MarksimError).code });
    return 1;
  }
  const running = app;
  return new Promise<number>((resolve) => {
    let signals = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      if (++signals > 1) {
        logger.warn('second signal: exiting now', { signal });
        resolve(130);
        return;
      }
      logger.info('shutting down', { signal });
      running.stop().then(() => {
        logger.info('stopped');
        resolve(0);
      });
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

main().then((code) => process.exit(code), (error: unknown) => {
  process.stderr.write(`marksim-server: unexpected failure: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
