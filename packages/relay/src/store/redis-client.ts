import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { RedisTarget } from './redis-target.js';

/** A connection to whichever Redis the fleet shares: one server, a Sentinel-watched primary, or a Cluster. */
export type RedisClient = Redis | Cluster;

/** How the relay's connections behave, whatever the target. */
export interface ClientBehaviour {
  /** Reconnect delay after the `attempt`-th failure, ms. */
  retryStrategy: (attempt: number) => number;
}

/**
 * A lazy client for `target` (call `connect()`): commands fail at once while disconnected
 * (reads come from the mirror, writes are retried by the next poll) and a lost connection is
 * tried again by `retryStrategy`. Through Sentinel, each reconnection asks the Sentinels for
 * the primary, so a promoted replica is found on the next attempt.
 */
export function createRedisClient(target: RedisTarget, behaviour: ClientBehaviour): RedisClient {
  const common: RedisOptions = {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
  };
  switch (target.kind) {
    case 'server':
      return new Redis(target.url, { ...common, retryStrategy: behaviour.retryStrategy });
    case 'sentinel':
      return new Redis({
        ...common,
        ...auth(target),
        sentinels: target.sentinels,
        name: target.name,
        retryStrategy: behaviour.retryStrategy,
        // Every Sentinel down at once: keep asking, on the same backoff.
        sentinelRetryStrategy: behaviour.retryStrategy,
        // A demoted primary that still answers (a partition healed, not a crash) refuses writes
        // with READONLY: reconnect, which asks the Sentinels again. Not `failoverDetector`: its
        // own Sentinel connections outlive a closed client (ioredis 6) and keep a process alive.
        reconnectOnError: (error) => error.message.startsWith('READONLY'),
      });
    case 'cluster':
      return new Cluster(target.nodes, {
        lazyConnect: true,
        enableOfflineQueue: false,
        clusterRetryStrategy: behaviour.retryStrategy,
        redisOptions: { maxRetriesPerRequest: 1, ...auth(target) },
      });
  }
}

function auth(target: { username?: string; password?: string; db?: number }): RedisOptions {
  return {
    ...(target.username !== undefined && { username: target.username }),
    ...(target.password !== undefined && { password: target.password }),
    ...(target.db !== undefined && { db: target.db }),
  };
}
