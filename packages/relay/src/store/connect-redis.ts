import type { Logger } from 'pino';
import type { CandleCache } from './candle-cache.js';
import type { PollLease } from './poll-lease.js';
import type { PriceStore } from './price-store.js';
import { RedisStore } from './redis-store.js';

export interface SharedStoreOptions {
  url: string;
  ttlMs: number;
  maxHistory: number;
  eventLogSize: number;
  pollIntervalMs: number;
  log: Logger;
}

/**
 * The shared store, poll lease and candle cache of a relay that runs beside others on one Redis. Throws
 * one line, password hidden, when Redis cannot be reached.
 */
export async function connectRedis(
  options: SharedStoreOptions,
): Promise<{ store: PriceStore; lease: PollLease; candleCache: CandleCache }> {
  try {
    const store = await RedisStore.connect({
      ...options,
      log: options.log.child({ module: 'redis' }),
    });
    // Renewed on every poll; when the polling relay dies another takes over within two intervals.
    return {
      store,
      lease: store.lease(options.pollIntervalMs + 1_000),
      candleCache: store.candleCache(),
    };
  } catch (error) {
    throw new Error(`cannot reach Redis at ${redactUrl(options.url)}: ${(error as Error).message}`);
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
