import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { RelayConfig } from './config.js';
import { type AppDeps, createApp } from './http/app.js';
import {
  answerClientErrors,
  REQUEST_TIMEOUTS,
  type RequestTimeouts,
  serverOptions,
} from './http/client-errors.js';
import { withHotRoutes } from './http/hot-routes.js';
import { trackConnections } from './http/server-closer.js';
import { Hub } from './hub/hub.js';
import { createMetrics } from './metrics.js';
import { Poller } from './poller/poller.js';
import { SourceCatalog } from './sources/catalog.js';
import type { PriceSource } from './sources/price-source.js';
import { MemoryStore } from './store/memory-store.js';
import type { PollLease } from './store/poll-lease.js';
import type { PriceStore } from './store/price-store.js';
import { WatchList } from './watch-list.js';

/** `quotes` events kept for resuming clients: at 5 s a poll, well over an hour. */
export const EVENT_LOG_SIZE = 1_000;

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
}

const DEFAULT_TIMINGS: RelayTimings = {
  heartbeatMs: 15_000,
  retryMs: 2_000,
  maxBufferedBytes: 64 * 1024,
  shutdownTimeoutMs: 5_000,
  drainWindowMs: 2_000,
  callTimeoutMs: 12_000,
  ...REQUEST_TIMEOUTS,
};

export interface RelayParts {
  config: RelayConfig;
  sources: PriceSource[];
  log: Logger;
  store?: PriceStore;
  /** Who polls, when several relays share a store. */
  lease?: PollLease;
  widgetsDir?: string;
  timings?: Partial<RelayTimings>;
}

/** A running relay: its address and how to stop it. */
export interface Relay {
  url: string;
  server: Server;
  poller: Poller;
  store: PriceStore;
  hub: Hub;
  stop(): Promise<void>;
}

/**
 * Wires sources → poller → store → hub → HTTP and starts listening. Shutdown runs in the
 * reverse order: polling stops, streams end (they would hold `server.close()` open), the
 * server closes, the store closes.
 */
export async function startRelay(parts: RelayParts): Promise<Relay> {
  const { config, sources, log } = parts;
  const timings = { ...DEFAULT_TIMINGS, ...parts.timings };
  const metrics = createMetrics();
  const store =
    parts.store ??
    new MemoryStore({
      ttlMs: config.PRICE_TTL,
      maxHistory: config.MAX_HISTORY,
      eventLogSize: EVENT_LOG_SIZE,
    });
  const catalog = new SourceCatalog(sources, log.child({ module: 'catalog' }));
  const watchList = new WatchList(config.SYMBOLS);
  const poller = new Poller({
    catalog,
    store,
    watchList,
    intervalMs: config.POLL_INTERVAL,
    backfillLimit: config.MAX_HISTORY,
    callTimeoutMs: timings.callTimeoutMs,
    log: log.child({ module: 'poller' }),
    metrics,
    lease: parts.lease,
  });
  const hub = new Hub({
    store,
    watchList,
    historyLimit: config.MAX_HISTORY,
    quote: config.QUOTE,
    intervalMs: () => poller.intervalMs,
    ttlMs: config.PRICE_TTL,
    heartbeatMs: timings.heartbeatMs,
    maxBufferedBytes: timings.maxBufferedBytes,
    metrics,
    log: log.child({ module: 'hub' }),
  });
  await catalog.refresh();
  const httpDeps: AppDeps = {
    config,
    store,
    hub,
    catalog,
    metrics,
    polling: poller,
    log: log.child({ module: 'http' }),
    widgetsDir: parts.widgetsDir,
    retryMs: timings.retryMs,
  };
  const server = createServer(serverOptions(timings), withHotRoutes(httpDeps, createApp(httpDeps)));
  answerClientErrors(server);
  server.listen(config.PORT, config.HOST);
  const closeServer = trackConnections(server);
  await once(server, 'listening');
  poller.start();
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await poller.stop();
      await hub.drain(timings.drainWindowMs);
      hub.close();
      await closeServer(timings.shutdownTimeoutMs);
      await store.close();
      await Promise.all(sources.map((source) => source.close?.()));
    })();
    return stopping;
  };
  return { url: `http://${host}:${port}`, server, poller, store, hub, stop };
}
