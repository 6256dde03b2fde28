import type { Redis } from 'ioredis';

/**
 * The right to poll upstream. With several relays only the holder polls, so upstream sees
 * one call per interval whatever the number of relays.
 */
export interface PollLease {
  /** Takes or renews the lease; false when another relay holds it (or it cannot be known). */
  acquire(): Promise<boolean>;
  /** Gives it up at shutdown, so another relay takes over at once. */
  release(): Promise<void>;
}

/** A lone relay always polls. */
export const SOLE_POLLER: PollLease = {
  acquire: async () => true,
  release: async () => undefined,
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
    private readonly redis: Redis,
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
}
