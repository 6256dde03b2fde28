import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { droppedLogLines } from './log.js';

/** The relay's Prometheus metrics, on a registry of its own so several relays can share a process (tests). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  /** Per streaming source, how many sockets it has open now: read when scraped. */
  const openSockets = new Map<string, () => number>();
  return {
    registry,
    openSockets,
    upstreamSockets: new Gauge({
      name: 'tickwire_upstream_sockets',
      help: 'WebSockets open to streaming sources, by source: 1 per source on the relay holding the poll lease, 0 elsewhere.',
      labelNames: ['source'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const [source, count] of openSockets) this.set({ source }, count());
      },
    }),
    streamMessages: new Counter({
      name: 'tickwire_stream_messages_total',
      help: 'Ticker messages received from streaming sources, by source (rate() gives messages per second).',
      labelNames: ['source'] as const,
      registers: [registry],
    }),
    streamReconnects: new Counter({
      name: 'tickwire_stream_reconnects_total',
      help: 'Times a broken stream was subscribed again after its backoff, by source.',
      labelNames: ['source'] as const,
      registers: [registry],
    }),
    streamFallback: new Gauge({
      name: 'tickwire_stream_fallback',
      help: '1 while a streaming source is polled by REST because its stream broke (dropped, stalled, an exchange error), else 0.',
      labelNames: ['source'] as const,
      registers: [registry],
    }),
    sourceLag: new Histogram({
      name: 'tickwire_source_lag_seconds',
      help: 'From a streamed quote’s exchange event time to its publication in the store, by source.',
      labelNames: ['source'] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    sseClients: new Gauge({
      name: 'tickwire_sse_clients',
      help: 'Open Server-Sent Events streams.',
      registers: [registry],
    }),
    sseOpened: new Counter({
      name: 'tickwire_sse_opened_total',
      help: 'Server-Sent Events streams opened since start (a page that reopens its stream counts twice).',
      registers: [registry],
    }),
    eventsSent: new Counter({
      name: 'tickwire_events_sent_total',
      help: 'Stream events written to clients (snapshot, quotes, status).',
      registers: [registry],
    }),
    upstreamRequests: new Counter({
      name: 'tickwire_upstream_requests_total',
      help: 'Calls to upstream price sources, by source and outcome.',
      labelNames: ['source', 'outcome'] as const,
      registers: [registry],
    }),
    candleRequests: new Counter({
      name: 'tickwire_upstream_candle_requests_total',
      help: 'Calls to upstream sources for candles, by source and outcome (hits of the candle cache are not calls).',
      labelNames: ['source', 'outcome'] as const,
      registers: [registry],
    }),
    assetFactsRequests: new Counter({
      name: 'tickwire_upstream_asset_facts_requests_total',
      help: 'Calls to upstream sources for asset facts (/v1/assets), by source and outcome (facts from the shared cache are not calls).',
      labelNames: ['source', 'outcome'] as const,
      registers: [registry],
    }),
    logos: new Counter({
      name: 'tickwire_logo_fetches_total',
      help: 'Upstream logo images fetched, by outcome: served, refused (failed the checks: a monogram instead) or failed (not fetched: asked again later).',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    pollDuration: new Histogram({
      name: 'tickwire_poll_duration_seconds',
      help: 'Time one poll of all watched symbols took, failover included.',
      buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    pollerLeader: new Gauge({
      name: 'tickwire_poller_leader',
      help: '1 while this relay holds the poll lease (the one relay that polls upstream), else 0.',
      registers: [registry],
    }),
    logLinesDropped: new Counter({
      name: 'tickwire_log_lines_dropped_total',
      help: 'Log lines dropped because stdout was not taking them (a stalled pipe or collector).',
      registers: [registry],
      collect() {
        this.reset();
        this.inc(droppedLogLines());
      },
    }),
    connectionsRefused: new Counter({
      name: 'tickwire_connections_refused_total',
      help: 'Connections closed on arrival because their address held MAX_CONNECTIONS_PER_IP open already.',
      registers: [registry],
    }),
    storeWriteFailures: new Counter({
      name: 'tickwire_store_write_failures_total',
      help: 'Writes the store refused or could not take (Redis full, read-only, unreachable): polls not published.',
      registers: [registry],
    }),
    storeWritable: new Gauge({
      name: 'tickwire_store_writable',
      help: '1 while the store takes this relay’s writes (or none was refused since the last that succeeded), else 0.',
      registers: [registry],
    }),
    quotesServed: new Counter({
      name: 'tickwire_quotes_served_total',
      help: 'Quotes handed to clients, from the cache or fresh from an upstream poll.',
      labelNames: ['from'] as const,
      registers: [registry],
    }),
  };
}

export type RelayMetrics = ReturnType<typeof createMetrics>;
