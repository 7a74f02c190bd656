import { createDefaultMarket, loadAgentsFlag } from '@marksim/agents';
import { MarksimError, type MarketSimulation } from '@marksim/core';
import { Archiver, MemoryMonitor } from '@marksim/stream';
import { FeedServer, type MarketFeed, type ServerLogEntry } from '@marksim/ws-server';
import type { ServerConfig } from './cli/server-config.js';
import { ArchiveSink } from './feed/archive-sink.js';
import { ReplayFeed } from './feed/replay-feed.js';
import { SimulationFeed } from './feed/simulation-feed.js';
import { goLive } from './feed/go-live.js';
import type { Logger } from './log/logger.js';

const MIB = 1024 * 1024;

/** A running server: the market, the feed on its socket, the archive and the memory monitor. */
export interface ServerApp {
  /** ws://host:port */
  readonly url: string;
  /** http://host:port (health and metrics) */
  readonly httpUrl: string;
  readonly simulation: MarketSimulation | undefined;
  /** Stops the market, closes clients with 1001, flushes and closes the archive. Idempotent. */
  stop(): Promise<void>;
}

/** Wall clock in µs since the epoch: the live market's timestamps start at "now". */
function wallNowUs(): number {
  return Date.now() * 1000;
}

function serverLogger(logger: Logger): (entry: ServerLogEntry) => void {
  return ({ level, event, ...fields }) => logger[level](event, fields);
}

/** Starts everything the config asks for; on failure stops what had started and rethrows. */
export async function startServerApp(config: ServerConfig, logger: Logger): Promise<ServerApp> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const stopAll = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        logger.error('shutdown step failed', { error });
      }
    }
  };
  try {
    let simulation: MarketSimulation | undefined;
    let feed: MarketFeed;
    let replay: ReplayFeed | undefined;
    if (config.replayPath !== undefined) {
      replay = await ReplayFeed.open({ path: config.replayPath, speed: config.replaySpeed, logger: logger.child('replay') });
      feed = replay;
    } else {
      const market = config.agents === undefined ? {} : loadAgentsFlag(config.agents);
      // Warm-up happens in fast mode before clients connect (see goLive).
      simulation = createDefaultMarket({ ...market, seed: config.seed, speedMultiplier: config.speed, mode: 'fast',
        startTimeUs: wallNowUs() - config.warmupUs });
      feed = new SimulationFeed(simulation, wallNowUs, config.warmupUs);
      const simLog = logger.child('simulation');
      simulation.onAgentIssue((issue) => simLog.warn('agent issue', { ...issue }));
      simulation.onControl((event) => {
        if (event.type === 'error') simLog.error(event.message, { error: event.error });
        else simLog.info(event.type, { ...event });
      });
    }

    if (config.archiveDir !== undefined && replay === undefined) {
      const archiveLog = logger.child('archive');
      const archiver = await Archiver.open({ directory: config.archiveDir, logger: archiveLog });
      const sink = new ArchiveSink(feed, archiver, archiveLog, feed.control, simulation?.nowUs ?? wallNowUs());
      // The archive starts before the warm-up, so a replay rebuilds the book from the very first event.
      cleanups.push(() => sink.close());
      archiveLog.info('archiving', { directory: archiver.directory });
    }

    if (simulation) {
      const sim = simulation;
      cleanups.push(() => sim.stop());
      if (config.warmupUs > 0) logger.info('warming up', { simulated: `${config.warmupUs / 1e6} s` });
      await goLive(simulation, config.warmupUs);
    }

    const server = new FeedServer(feed, {
      host: config.host,
      port: config.port,
      maxClients: config.maxClients,
      clientBufferSize: config.clientBufferSize,
      controlToken: config.controlToken,
      log: serverLogger(logger.child('ws')),
    });
    const address = await server.listen();
    cleanups.push(() => server.close());

    const monitor = new MemoryMonitor({
      softLimitBytes: config.memorySoftLimitMb * MIB,
      hardLimitBytes: config.memoryHardLimitMb * MIB,
      logger: logger.child('memory'),
    }).start();
    // Above the hard limit, drop what slow clients hold instead of growing.
    monitor.addShedder('slow-clients', () => server.shed());
    cleanups.push(() => monitor.stop());

    if (replay) {
      const playing = replay;
      void playing.run();
      cleanups.push(() => playing.stop());
    }

    const url = `ws://${address.host.includes(':') ? `[${address.host}]` : address.host}:${address.port}`;
    const httpUrl = url.replace(/^ws/, 'http');
    logger.info('listening', {
      ws: url,
      http: httpUrl,
      mode: replay ? 'replay' : 'live',
      seed: config.seed,
      speed: replay ? config.replaySpeed : config.speed,
      control: config.controlToken === undefined ? 'disabled' : 'enabled',
    });

    let stopping: Promise<void> | undefined;
    return {
      url,
      httpUrl,
      simulation,
      stop: () => (stopping ??= stopAll()),
    };
  } catch (error) {
    await stopAll();
    if (error instanceof MarksimError) throw error;
    throw new MarksimError('INVALID_CONFIG', `server failed to start: ${(error as Error).message}`, { cause: error });
  }
}
