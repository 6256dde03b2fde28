#!/usr/bin/env node
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type Logger, pino } from 'pino';
import { ConfigError, loadConfig, type RelayConfig } from './config.js';
import { EVENT_LOG_SIZE, startRelay } from './relay.js';
import { createSources } from './sources/create-sources.js';
import type { PriceSource } from './sources/price-source.js';
import type { PollLease } from './store/poll-lease.js';
import type { PriceStore } from './store/price-store.js';
import { RedisStore } from './store/redis-store.js';

/** Shutdown in order takes ~7 s at most (2 s drain, 5 s to close); past this it is cut short. */
const SHUTDOWN_DEADLINE_MS = 9_000;

/** The only place that reads the environment; builds the relay, starts it, stops it on a signal. */
async function main(): Promise<void> {
  let config: RelayConfig;
  let sources: PriceSource[];
  try {
    config = loadConfig(process.env);
    sources = await createSources(config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`tickwire: bad configuration: ${error.message}\n`);
    process.exit(2);
  }
  const log = pino({ level: config.LOG_LEVEL, base: { service: 'tickwire-relay' } });
  const shared = config.REDIS_URL ? await connectRedis(config, log) : {};
  const relay = await startRelay({ config, sources, log, widgetsDir: widgetsDistDir(), ...shared });
  log.info(
    { url: relay.url, sources: config.SOURCES, symbols: config.SYMBOLS },
    `Tickwire relay on ${relay.url}`,
  );

  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down');
    // Whatever an upstream, Redis or a client does, the process is gone within this.
    setTimeout(() => {
      log.error({ signal }, `shutdown took over ${SHUTDOWN_DEADLINE_MS} ms; exiting now`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    relay.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

/** The shared store and poll lease of a relay that runs beside others on one Redis. */
async function connectRedis(
  config: RelayConfig,
  log: Logger,
): Promise<{ store: PriceStore; lease: PollLease }> {
  try {
    const store = await RedisStore.connect({
      url: config.REDIS_URL!,
      ttlMs: config.PRICE_TTL,
      maxHistory: config.MAX_HISTORY,
      eventLogSize: EVENT_LOG_SIZE,
      log: log.child({ module: 'redis' }),
    });
    // Renewed on every poll; when the polling relay dies another takes over within two intervals.
    return { store, lease: store.lease(config.POLL_INTERVAL + 1_000) };
  } catch (error) {
    throw new Error(
      `cannot reach Redis at ${redactUrl(config.REDIS_URL!)}: ${(error as Error).message}`,
    );
  }
}

/** A URL fit for a log line: the password, if any, is hidden. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.href;
  } catch {
    return 'REDIS_URL';
  }
}

/** The widget package's built bundle, found through the workspace like any dependency. */
function widgetsDistDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tickwire/widgets/package.json')), 'dist');
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`tickwire: could not start: ${message}\n`);
  process.exit(1);
});
