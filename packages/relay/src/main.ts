#!/usr/bin/env node
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pino } from 'pino';
import { ConfigError, loadConfig, type RelayConfig } from './config.js';
import { startRelay } from './relay.js';
import { createSources } from './sources/create-sources.js';
import type { PriceSource } from './sources/price-source.js';

/** The only place that reads the environment; builds the relay, starts it, stops it on a signal. */
async function main(): Promise<void> {
  let config: RelayConfig;
  let sources: PriceSource[];
  try {
    config = loadConfig(process.env);
    if (config.REDIS_URL) {
      // Refused rather than ignored: an operator who set it expects shared state.
      throw new ConfigError(
        'REDIS_URL: Redis mode is not available in this version; unset it to run in memory',
      );
    }
    sources = await createSources(config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`tickwire: bad configuration: ${error.message}\n`);
    process.exit(2);
  }
  const log = pino({ level: config.LOG_LEVEL, base: { service: 'tickwire-relay' } });
  const relay = await startRelay({ config, sources, log, widgetsDir: widgetsDistDir() });
  log.info(
    { url: relay.url, sources: config.SOURCES, symbols: config.SYMBOLS },
    `Tickwire relay on ${relay.url}`,
  );

  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down');
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
