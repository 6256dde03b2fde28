import { type QuotesAnswer, type SourcesAnswer, tickHistoryPoints } from '@tickwire/protocol';
import { pino } from 'pino';
import { loadConfig, type RelayConfig } from '../../src/config.js';
import { type Relay, type RelayTimings, startRelay } from '../../src/relay.js';
import { DemoSource } from '../../src/sources/demo.js';
import type { PriceSource } from '../../src/sources/price-source.js';
import { RedisStore } from '../../src/store/redis-store.js';
import type { RedisTarget } from '../../src/store/redis-target.js';

export interface TestRelayOptions {
  /** Environment as the relay would read it; PORT defaults to 0 (any free port). */
  env?: Record<string, string>;
  /** Replaces config values after parsing: tests poll faster than the 1 s minimum. */
  config?: Partial<RelayConfig>;
  sources?: PriceSource[];
  timings?: Partial<RelayTimings>;
  widgetsDir?: string;
  /** Shares state through this Redis, as relays behind a load balancer do. */
  redisUrl?: string;
  /** The same through any Redis: a Sentinel-watched primary, a Cluster. */
  redis?: RedisTarget;
}

/** A real relay on 127.0.0.1 and a free port, on a seeded demo market polled every 100 ms. */
export async function startTestRelay(options: TestRelayOptions = {}): Promise<Relay> {
  const config: RelayConfig = {
    ...loadConfig({ PORT: '0', HOST: '127.0.0.1', ...options.env }),
    POLL_INTERVAL: 100,
    ...options.config,
  };
  // `TEST_LOG=debug npm run test:relay` shows the relays' own logs.
  const log = pino({ level: process.env.TEST_LOG ?? 'silent' });
  const target: RedisTarget | undefined =
    options.redis ?? (options.redisUrl ? { kind: 'server', url: options.redisUrl } : undefined);
  const shared = target
    ? await RedisStore.connect({
        target,
        ttlMs: config.PRICE_TTL,
        maxHistory: config.MAX_HISTORY,
        tickHistoryPoints: tickHistoryPoints(config.MAX_EVENTS_PER_SECOND),
        eventLogSize: 1_000,
        log,
      })
    : undefined;
  return startRelay({
    config,
    sources: options.sources ?? [new DemoSource({ seed: 42 })],
    log,
    ...(shared && {
      store: shared,
      lease: shared.lease(config.POLL_INTERVAL + 1_000),
      candleCache: shared.candleCache(),
    }),
    widgetsDir: options.widgetsDir,
    timings: { heartbeatMs: 15_000, drainWindowMs: 50, ...options.timings },
  });
}

/** What `/v1/quotes` answers for `symbols` (comma-separated). */
export async function getQuotes(relay: Relay, symbols: string): Promise<QuotesAnswer> {
  return (await fetch(`${relay.url}/v1/quotes?symbols=${symbols}`)).json() as Promise<QuotesAnswer>;
}

/** A counter of the relay's own metrics, summed over its labels when `labels` is empty. */
export async function metricValue(relay: Relay, name: string, labels = ''): Promise<number> {
  const text = await (await fetch(`${relay.url}/metrics`)).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = line.match(/^(\w+)(?:\{([^}]*)\})? (\S+)$/);
    if (match?.[1] === name && (match[2] ?? '').includes(labels)) sum += Number(match[3]);
  }
  return sum;
}

/** What `/v1/sources` answers: each source's health and the stale symbols. */
export async function getSources(relay: Relay): Promise<SourcesAnswer> {
  return (await fetch(`${relay.url}/v1/sources`)).json() as Promise<SourcesAnswer>;
}

/** How many polls the relay has finished, from its own metrics. */
export async function pollCount(relay: Relay): Promise<number> {
  const metrics = await (await fetch(`${relay.url}/metrics`)).text();
  return Number(metrics.match(/^tickwire_poll_duration_seconds_count (\d+)/m)?.[1]);
}

/**
 * Waits until the relay has finished `count` polls in all (`pollCount`): a test that needs
 * polls to happen waits for them, not for a guess at how long they take.
 */
export async function untilPolls(relay: Relay, count: number, timeoutMs?: number): Promise<number> {
  return waitFor(async () => {
    const polls = await pollCount(relay);
    return polls >= count ? polls : undefined;
  }, timeoutMs);
}

/**
 * Waits until `check` returns a value other than undefined, polling every 20 ms; fails after
 * `timeoutMs`, with what `explain` says of the state then (so a failure in CI can be read).
 */
export async function waitFor<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
  explain?: () => Promise<string>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      const state = explain ? `; ${await explain().catch((error: Error) => error.message)}` : '';
      throw new Error(`condition not met within ${timeoutMs} ms${state}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
