import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tickHistoryPoints } from '@tickwire/protocol';
import type { Logger } from 'pino';
import { AssetFactsService } from './assets/facts-service.js';
import { LogoService } from './assets/logo-service.js';
import { CandleService } from './candles/candle-service.js';
import {
  ConfigError,
  checkConfig,
  loadConfig,
  type RelayConfig,
  type RelaySettings,
  settingsAsEnv,
} from './config.js';
import { type AppDeps, createApp } from './http/app.js';
import { clientAddress, trustFor } from './http/client-address.js';
import { capConnectionsPerAddress } from './http/connection-cap.js';
import { withHotRoutes } from './http/hot-routes.js';
import {
  answerClientErrors,
  answerMissingHost,
  REQUEST_TIMEOUTS,
  type RequestTimeouts,
  serverOptions,
} from './http/request-limits.js';
import { trackConnections } from './http/server-closer.js';
import { Hub } from './hub/hub.js';
import { stdoutLog } from './log.js';
import { createMetrics } from './metrics.js';
import { Poller, STREAM_STALL_MS } from './poller/poller.js';
import { SourceCatalog } from './sources/catalog.js';
import { createSources } from './sources/create-sources.js';
import { Markets } from './sources/markets.js';
import type { PriceSource } from './sources/price-source.js';
import { SparklineService } from './sparklines/sparkline-service.js';
import { type CandleCache, MemoryCandleCache } from './store/candle-cache.js';
import { connectRedis } from './store/connect-redis.js';
import { MemoryStore } from './store/memory-store.js';
import type { PollLease } from './store/poll-lease.js';
import type { PriceStore } from './store/price-store.js';
import { redisTarget } from './store/redis-target.js';
import { StoreWrites, watchWrites } from './store/store-writes.js';
import { WatchList } from './watch-list.js';

/** `quotes` events kept for resuming clients: at 5 s a poll, well over an hour. */
const EVENT_LOG_SIZE = 1_000;

/** Timing knobs that are constants in production and short in tests. */
export interface RelayTimings extends RequestTimeouts {
  heartbeatMs: number;
  retryMs: number;
  /** A stream's unsent bytes past which the client is skipped until it drains. */
  maxBufferedBytes: number;
  /** How long shutdown waits for open connections before it cuts them. */
  shutdownTimeoutMs: number;
  /** Streams end spread over this window at shutdown. */
  drainWindowMs: number;
  /** An upstream call not answered within this is abandoned, ms (sources have their own deadlines too). */
  callTimeoutMs: number;
  /** How often the 24 h lines are read again from the candles: their cache time, so no extra upstream call. */
  sparklineRefreshMs: number;
  /** A streaming source's socket silent this long is broken (its pairs go back to REST), ms. */
  streamStallMs: number;
}

const DEFAULT_TIMINGS: RelayTimings = {
  heartbeatMs: 15_000,
  retryMs: 2_000,
  maxBufferedBytes: 64 * 1024,
  shutdownTimeoutMs: 5_000,
  drainWindowMs: 2_000,
  callTimeoutMs: 12_000,
  sparklineRefreshMs: 5 * 60_000,
  streamStallMs: STREAM_STALL_MS,
  ...REQUEST_TIMEOUTS,
};

export interface RelayOptions {
  /**
   * The settings, by the environment's names and in its units (docs/operating.md,
   * "Configuration"): `{ SOURCES: 'binance', SYMBOLS: ['BTC', 'ETH'], POLL_INTERVAL: 5 }`,
   * read by the rules `tickwire-relay` reads the environment by; unset keys keep their
   * defaults. A bad value throws one `ConfigError` naming it.
   */
  settings?: RelaySettings;
  /** Or settings `loadConfig` has read already (its times in milliseconds); not both. */
  config?: RelayConfig;
  /** Defaults to the sources `config.SOURCES` names. */
  sources?: PriceSource[];
  /** Defaults to pino JSON on stdout at `config.LOG_LEVEL`, held within a bound when stdout stalls. */
  log?: Logger;
  /** Defaults to Redis when `config` names one (`REDIS_URL`, `REDIS_SENTINELS`, `REDIS_CLUSTER`), else memory. */
  store?: PriceStore;
  /** Who polls, when several relays share a store. */
  lease?: PollLease;
  /** Where candle answers are kept; with `store`, pass the one that shares its backend. */
  candleCache?: CandleCache;
  /** The built widget bundle served at `/widgets.js`; defaults to the one the package carries. */
  widgetsDir?: string;
  timings?: Partial<RelayTimings>;
}

/**
 * A relay assembled and polling, not bound to a port: mount `app` in an existing server
 * (`expressApp.use('/prices', relay.app)` or `http.createServer(relay.app)`), or `listen`.
 */
export interface EmbeddedRelay {
  /** The relay's request listener; Express takes it as middleware on any path. */
  app: RequestListener;
  poller: Poller;
  store: PriceStore;
  hub: Hub;
  /** Serves the relay on a server of its own, with the relay's request timeouts. */
  listen(port?: number, host?: string): Promise<Relay>;
  /** Stops polling, ends the streams, closes its own server if it listens, the store and the sources. */
  close(): Promise<void>;
}

/** A relay listening on its own server. */
export interface Relay {
  url: string;
  server: Server;
  poller: Poller;
  store: PriceStore;
  hub: Hub;
  /** The same as `close()`. */
  stop(): Promise<void>;
}

/** The configuration `options` give: their settings read as the environment is, or a loaded one. */
function configOf({ settings, config }: RelayOptions): RelayConfig {
  if (settings && config) throw new ConfigError('createRelay: pass settings or config, not both');
  return config ?? loadConfig(settingsAsEnv(settings ?? {}));
}

/**
 * Wires sources → poller → store → hub → HTTP and starts polling. Closing runs in the
 * reverse order: polling stops, streams end (they would hold a server's `close()` open),
 * the server closes, the store and the sources close.
 */
export async function createRelay(options: RelayOptions): Promise<EmbeddedRelay> {
  const config = configOf(options);
  // A configuration built by hand is held to the bounds the environment's parser keeps.
  checkConfig(config);
  const timings = { ...DEFAULT_TIMINGS, ...options.timings };
  const log = options.log ?? stdoutLog(config.LOG_LEVEL);
  const sources = options.sources ?? (await createSources(config));
  const target = redisTarget(config);
  // A history of the tick chart's window at the rate readers are sent updates.
  const tickPoints = tickHistoryPoints(config.MAX_EVENTS_PER_SECOND);
  // A configuration built by hand meets the checks `loadConfig` makes.
  if (typeof target === 'string') throw new ConfigError(target);
  const shared: { store?: PriceStore; lease?: PollLease; candleCache?: CandleCache } =
    options.store || !target
      ? { store: options.store, lease: options.lease, candleCache: options.candleCache }
      : await connectRedis({
          target,
          ttlMs: config.PRICE_TTL,
          maxHistory: config.MAX_HISTORY,
          tickHistoryPoints: tickPoints,
          eventLogSize: EVENT_LOG_SIZE,
          pollIntervalMs: config.POLL_INTERVAL,
          log,
        });
  const metrics = createMetrics();
  const storeWrites = new StoreWrites(log.child({ module: 'store' }), {
    failed: () => metrics.storeWriteFailures.inc(),
    writable: (yes) => metrics.storeWritable.set(yes ? 1 : 0),
  });
  const store = watchWrites(
    shared.store ??
      new MemoryStore({
        ttlMs: config.PRICE_TTL,
        maxHistory: config.MAX_HISTORY,
        tickHistoryPoints: tickPoints,
        eventLogSize: EVENT_LOG_SIZE,
      }),
    storeWrites,
  );
  const markets = new Markets(
    config.CURRENCIES,
    sources.map((source) => source.id),
  );
  const catalog = new SourceCatalog(sources, markets, log.child({ module: 'catalog' }));
  const watchList = new WatchList(config.SYMBOLS, {
    graceMs: config.WATCH_GRACE,
    maxExtra: config.MAX_WATCHED_SYMBOLS,
  });
  const poller = new Poller({
    catalog,
    store,
    watchList,
    intervalMs: config.POLL_INTERVAL,
    backfillLimit: config.MAX_HISTORY,
    callTimeoutMs: timings.callTimeoutMs,
    log: log.child({ module: 'poller' }),
    metrics,
    lease: shared.lease,
    maxEventsPerSecond: config.MAX_EVENTS_PER_SECOND,
    streamStallMs: timings.streamStallMs,
  });
  // The shared answer cache: candles, and asset facts beside them.
  const answerCache = shared.candleCache ?? new MemoryCandleCache();
  const candles = new CandleService({
    catalog,
    cache: answerCache,
    callTimeoutMs: timings.callTimeoutMs,
    metrics,
    log: log.child({ module: 'candles' }),
  });
  const sparklines = new SparklineService({
    candles,
    refreshMs: timings.sparklineRefreshMs,
    log: log.child({ module: 'sparklines' }),
  });
  const hub = new Hub({
    store,
    watchList,
    // Every point kept: a streamed symbol's last 5 minutes, for the tick chart.
    historyLimit: Math.max(config.MAX_HISTORY, tickPoints),
    currency: config.CURRENCIES[0]!,
    intervalMs: () => poller.intervalMs,
    ttlMs: config.PRICE_TTL,
    heartbeatMs: timings.heartbeatMs,
    maxBufferedBytes: timings.maxBufferedBytes,
    metrics,
    log: log.child({ module: 'hub' }),
    sparklines,
  });
  const assetFacts = new AssetFactsService({
    catalog,
    cache: answerCache,
    watchList,
    intervalMs: config.ASSET_FACTS_INTERVAL,
    callTimeoutMs: timings.callTimeoutMs,
    metrics,
    lines: sparklines,
    log: log.child({ module: 'assets' }),
  });
  const logos = new LogoService({
    identity: (asset) => assetFacts.identity(asset),
    timeoutMs: timings.callTimeoutMs,
    metrics,
    log: log.child({ module: 'logos' }),
  });
  await catalog.refresh();
  const httpDeps: AppDeps = {
    config,
    store,
    storeWrites,
    hub,
    catalog,
    candles,
    assetFacts,
    logos,
    metrics,
    polling: poller,
    watchList,
    clientAddress: clientAddress(config.TRUST_PROXY),
    log: log.child({ module: 'http' }),
    widgetsDir: options.widgetsDir ?? bundledWidgetsDir(),
    retryMs: timings.retryMs,
  };
  const app = withHotRoutes(httpDeps, createApp(httpDeps));
  poller.start();
  assetFacts.start();

  let closeServer: ((timeoutMs: number) => Promise<void>) | undefined;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await poller.stop();
      await hub.drain(timings.drainWindowMs);
      hub.close();
      sparklines.stop();
      assetFacts.stop();
      logos.close();
      await closeServer?.(timings.shutdownTimeoutMs);
      await store.close();
      await Promise.all(sources.map((source) => source.close?.()));
    })();
    return closing;
  };

  const listen = async (port = 0, host = '127.0.0.1'): Promise<Relay> => {
    const server = createServer(serverOptions(timings), answerMissingHost(app));
    answerClientErrors(server);
    capConnectionsPerAddress(server, {
      maxPerAddress: config.MAX_CONNECTIONS_PER_IP,
      trusted: trustFor(config.TRUST_PROXY),
      metrics: { refused: () => metrics.connectionsRefused.inc() },
    });
    closeServer = trackConnections(server);
    server.listen(port, host);
    await once(server, 'listening');
    const { address, port: bound } = server.address() as AddressInfo;
    const shown = address.includes(':') ? `[${address}]` : address;
    return { url: `http://${shown}:${bound}`, server, poller, store, hub, stop: close };
  };

  return { app, poller, store, hub, listen, close };
}

/**
 * `createRelay`, then `listen` on its `PORT` and `HOST` (defaults 8080 and 127.0.0.1): what
 * the `tickwire-relay` command runs. `stop()` ends it as `close()` does.
 */
export async function startRelay(options: RelayOptions): Promise<Relay> {
  const config = configOf(options);
  const relay = await createRelay({ ...options, settings: undefined, config });
  try {
    return await relay.listen(config.PORT, config.HOST);
  } catch (error) {
    await relay.close();
    throw error;
  }
}

/**
 * The widget bundle the relay serves: the copy its package carries (`dist/widgets/`, put
 * there by its build), or, in this repository, the widgets package's own build.
 */
function bundledWidgetsDir(): string | undefined {
  const carried = fileURLToPath(new URL('./widgets/', import.meta.url));
  if (existsSync(carried)) return carried;
  try {
    const require = createRequire(import.meta.url);
    return join(dirname(require.resolve('@tickwire/widgets/package.json')), 'dist');
  } catch {
    return undefined;
  }
}
