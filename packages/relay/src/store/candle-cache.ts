import { LRUCache } from 'lru-cache';
import type { RedisClient } from './redis-client.js';

/** A `/v1/candles` answer as served: its JSON, its ETag, and when it must be fetched again. */
export interface CachedCandles {
  body: string;
  etag: string;
  /** ms since the epoch */
  expiresAt: number;
}

/**
 * Where candle answers wait for their next reader, keyed by `SYMBOL:range`: in memory for
 * one relay, in Redis when several share the work, so that a (symbol, range) costs one
 * upstream call per expiry in total.
 */
export interface CandleCache {
  get(key: string): Promise<CachedCandles | undefined>;
  put(key: string, answer: CachedCandles): Promise<void>;
  /**
   * True when this relay should fetch `key` now; false while another relay fetches it
   * (for at most `ms`), whose answer will appear in the cache.
   */
  claim(key: string, ms: number): Promise<boolean>;
}

/** Candle answers one relay holds at most (each a chart's worth, tens of KB): about 30 MB. */
export const MAX_CANDLE_ANSWERS = 1_000;

/**
 * One relay's cache. Its fetches are already one at a time per key (the candle service). Keys
 * are source markets a reader asked for, so an exchange's whole listing over every range could
 * be asked: past `maxAnswers` the least recently read answer goes first.
 */
export class MemoryCandleCache implements CandleCache {
  private readonly answers: LRUCache<string, CachedCandles>;

  constructor(
    private readonly now: () => number = Date.now,
    maxAnswers = MAX_CANDLE_ANSWERS,
  ) {
    this.answers = new LRUCache({ max: maxAnswers });
  }

  async get(key: string): Promise<CachedCandles | undefined> {
    const answer = this.answers.get(key);
    if (!answer || answer.expiresAt > this.now()) return answer;
    this.answers.delete(key);
    return undefined;
  }

  async put(key: string, answer: CachedCandles): Promise<void> {
    this.answers.set(key, answer);
  }

  async claim(): Promise<boolean> {
    return true;
  }
}

/**
 * The cache of relays sharing a Redis, with each relay's own copy in front: a reader costs
 * Redis nothing while the local copy is fresh. When Redis is unreachable each relay
 * fetches for itself: more upstream calls, never a chart without candles.
 */
export class RedisCandleCache implements CandleCache {
  private readonly local: MemoryCandleCache;

  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly owner: string,
    private readonly now: () => number = Date.now,
  ) {
    this.local = new MemoryCandleCache(now);
  }

  async get(key: string): Promise<CachedCandles | undefined> {
    const local = await this.local.get(key);
    if (local) return local;
    const stored = await this.redis.get(`${this.prefix}:candles:${key}`).catch(() => null);
    const answer = stored ? readCached(stored) : undefined;
    if (!answer || answer.expiresAt <= this.now()) return undefined;
    await this.local.put(key, answer);
    return answer;
  }

  async put(key: string, answer: CachedCandles): Promise<void> {
    await this.local.put(key, answer);
    const ttl = Math.max(1, answer.expiresAt - this.now());
    await this.redis
      .set(`${this.prefix}:candles:${key}`, JSON.stringify(answer), 'PX', ttl)
      .catch(() => undefined);
  }

  async claim(key: string, ms: number): Promise<boolean> {
    try {
      const taken = await this.redis.set(
        `${this.prefix}:candles-fetch:${key}`,
        this.owner,
        'PX',
        ms,
        'NX',
      );
      return taken === 'OK';
    } catch {
      return true;
    }
  }
}

function readCached(stored: string): CachedCandles | undefined {
  try {
    const { body, etag, expiresAt } = JSON.parse(stored) as Partial<CachedCandles>;
    return typeof body === 'string' && typeof etag === 'string' && typeof expiresAt === 'number'
      ? { body, etag, expiresAt }
      : undefined;
  } catch {
    return undefined;
  }
}
