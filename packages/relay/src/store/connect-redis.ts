import type { Logger } from 'pino';
import type { CandleCache } from './candle-cache.js';
import type { PollLease } from './poll-lease.js';
import type { PriceStore } from './price-store.js';
import { RedisStore } from './redis-store.js';
import { describeTarget, type RedisTarget } from './redis-target.js';

export interface SharedStoreOptions {
  target: RedisTarget;
  ttlMs: number;
  maxHistory: number;
  tickHistoryPoints: number;
  eventLogSize: number;
  pollIntervalMs: number;
  log: Logger;
}

/**
 * The shared store, poll lease and candle cache of a relay that runs beside others on one Redis
 * (a server, a Sentinel-watched primary or a Cluster). Throws one line, password hidden, when
 * Redis cannot be reached.
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
    throw new Error(
      `cannot reach Redis at ${describeTarget(options.target)}: ${(error as Error).message}`,
    );
  }
}
