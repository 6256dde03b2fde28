import type { RedisClient } from './redis-client.js';

/** How the fleet polls, as an operator set it (`POST /admin/polling` on any relay). */
export interface PollingSettings {
  paused: boolean;
  intervalMs: number;
}

/**
 * The right to poll upstream, and how to. With several relays only the holder polls, so
 * upstream sees one call per interval whatever the number of relays; an operator's pause or
 * interval, set on any relay, is the fleet's, whichever relay holds the lease.
 */
export interface PollLease {
  /** Takes or renews the lease; false when another relay holds it (or it cannot be known). */
  acquire(): Promise<boolean>;
  /** Gives it up at shutdown, so another relay takes over at once. */
  release(): Promise<void>;
  /** The fleet's settings as last set on any relay; `undefined` when never set (or unknown). */
  settings(): Promise<PollingSettings | undefined>;
  /** Sets the fleet's settings: every relay polls by them from its next poll on. */
  share(settings: PollingSettings): Promise<void>;
}

/** A lone relay always polls, by its own settings. */
export const SOLE_POLLER: PollLease = {
  acquire: async () => true,
  release: async () => undefined,
  settings: async () => undefined,
  share: async () => undefined,
};

/** Take the lease if free, renew it if ours; atomically, so two relays never both win. */
const ACQUIRE = `
local owner = redis.call('GET', KEYS[1])
if owner == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if not owner then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * A lease in Redis that expires unless renewed: when the polling relay dies, another takes
 * over once `ttlMs` has passed (the poller renews it on every poll).
 */
export class RedisLease implements PollLease {
  constructor(
    private readonly redis: RedisClient,
    private readonly key: string,
    private readonly owner: string,
    private readonly ttlMs: number,
  ) {}

  async acquire(): Promise<boolean> {
    try {
      return (await this.redis.eval(ACQUIRE, 1, this.key, this.owner, String(this.ttlMs))) === 1;
    } catch {
      // Without Redis nobody can know who polls; nobody does, and prices turn stale honestly.
      return false;
    }
  }

  async release(): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key, this.owner).catch(() => undefined);
  }

  async settings(): Promise<PollingSettings | undefined> {
    try {
      const { paused, intervalMs } = await this.redis.hgetall(`${this.key}:settings`);
      const ms = Number(intervalMs);
      // Read back like any shared value: a damaged one is no setting at all.
      if ((paused !== 'true' && paused !== 'false') || !Number.isInteger(ms) || ms <= 0)
        return undefined;
      return { paused: paused === 'true', intervalMs: ms };
    } catch {
      return undefined;
    }
  }

  async share({ paused, intervalMs }: PollingSettings): Promise<void> {
    await this.redis.hset(`${this.key}:settings`, {
      paused: String(paused),
      intervalMs: String(intervalMs),
    });
  }
}
