/**
 * `@tickwire/relay` as a library: build a relay from settings and mount it in your own Node
 * server, or run it on its own. Importing this module starts nothing; the `tickwire-relay`
 * command (`main.ts`) is the one that reads the environment and listens.
 *
 * ```ts
 * import express from 'express';
 * import { createRelay } from '@tickwire/relay';
 *
 * const relay = await createRelay({ settings: { SOURCES: 'binance', POLL_INTERVAL: 5 } });
 * const app = express();
 * app.use('/prices', relay.app);
 * ```
 */
export type { RelayConfig, RelaySettings } from './config.js';
export { CONFIG_KEYS, ConfigError, loadConfig } from './config.js';
export type { EmbeddedRelay, Relay, RelayOptions, RelayTimings } from './relay.js';
export { createRelay, startRelay } from './relay.js';
export { createSources } from './sources/create-sources.js';
export type {
  CheckedQuote,
  FetchedQuote,
  PriceSource,
  SourceQuote,
} from './sources/price-source.js';
