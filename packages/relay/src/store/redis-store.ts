import { randomUUID } from 'node:crypto';
import {
  backoffMs,
  type PricePoint,
  type Quote,
  type SourceStatus,
  type StatusData,
} from '@tickwire/protocol';
import type { ChainableCommander } from 'ioredis';
import type { Logger } from 'pino';
import type { SourceQuote } from '../sources/price-source.js';
import { RedisCandleCache } from './candle-cache.js';
import { historyCapacity, MemoryStore, type StoreOptions } from './memory-store.js';
import { RedisLease } from './poll-lease.js';
import {
  noticeableStatus,
  type PriceStore,
  type QuotesEvent,
  type Snapshot,
  type StoreEvent,
} from './price-store.js';
import { createRedisClient, type RedisClient } from './redis-client.js';
import { type Entry, parseEntry, parseLatest, parsePoints, parseStatus } from './redis-entries.js';
import { keyPrefix, type RedisTarget } from './redis-target.js';

/**
 * Prepends to a history list (KEYS[1]) the points (ARGV[2..]: time, JSON, oldest first)
 * older than its first, and trims it to its newest ARGV[1]: atomic, so no push between is lost.
 */
const BACKFILL_SCRIPT = `
local first = redis.call('LINDEX', KEYS[1], 0)
local firstMs = first and cjson.decode(first)[1] or math.huge
for i = #ARGV - 1, 2, -2 do
  if tonumber(ARGV[i]) < firstMs then redis.call('LPUSH', KEYS[1], ARGV[i + 1]) end
end
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[1]), -1)
`;

/** A lost connection is tried again after 0.2–0.4 s, doubling to 2.5–5 s: half jitter. */
const RECONNECT_BACKOFF = { firstMs: 400, maxMs: 5_000, jitter: 0.5 };
/** The event log's reader, after a failed read: 0.2 s, doubling to 2 s. */
const FOLLOW_BACKOFF = { firstMs: 200, maxMs: 2_000, jitter: 0 };

export interface RedisStoreOptions extends StoreOptions {
  /** One server, a primary behind Sentinels, or a Cluster. */
  target: RedisTarget;
  log: Logger;
  /** Key prefix, so several deployments can share one Redis (hash-tagged on a Cluster by default). */
  prefix?: string;
}

/**
 * A `PriceStore` shared by several relays through Redis: one Stream is the event log (its ids
 * are the event ids every relay hands out), a hash holds the latest quotes, a list per symbol
 * the history. Each relay keeps a mirror in memory, fed by reading the Stream, and answers
 * every read from it: when Redis goes away a relay keeps serving what it has, marks it stale
 * at the TTL, reconnects with backoff and catches up from the last id it read.
 */
export class RedisStore implements PriceStore {
  /** Identifies this relay in the poll lease and the shared watch list. */
  private readonly instanceId = randomUUID();
  private readonly mirror: MemoryStore;
  private readonly keys: {
    events: string;
    latest: string;
    status: string;
    watched: string;
    lease: string;
    history: (symbol: string) => string;
  };
  private lastReadId = '0-0';
  private reading = true;
  private readLoop: Promise<void> | undefined;
  private publishedStatus = '';
  private readonly now: () => number;

  private constructor(
    private readonly options: RedisStoreOptions,
    private readonly commands: RedisClient,
    /** XREAD BLOCK holds its connection: it gets one of its own. */
    private readonly reader: RedisClient,
  ) {
    this.now = options.now ?? Date.now;
    const prefix = options.prefix ?? 'tickwire';
    this.keys = {
      events: `${prefix}:events`,
      latest: `${prefix}:latest`,
      status: `${prefix}:status`,
      watched: `${prefix}:watched`,
      lease: `${prefix}:poller`,
      history: (symbol) => `${prefix}:history:${symbol}`,
    };
    // The mirror also checks staleness on its clock: each relay marks prices stale by itself.
    this.mirror = new MemoryStore(options);
  }

  /** Connects, loads the shared state and starts following the event log. Throws if Redis cannot be reached. */
  static async connect(options: RedisStoreOptions): Promise<RedisStore> {
    // Fail fast while disconnected: reads come from the mirror, writes are retried by the next poll.
    const connection = {
      retryStrategy: (attempt: number) => backoffMs(attempt, RECONNECT_BACKOFF),
    };
    const commands = createRedisClient(options.target, connection);
    const reader = createRedisClient(options.target, connection);
    let lastError = '';
    for (const client of [commands, reader]) {
      client.on('error', (error: Error) => {
        lastError = error.message;
        options.log.warn({ err: error.message }, 'redis');
      });
    }
    try {
      await Promise.all([commands.connect(), reader.connect()]);
    } catch (error) {
      commands.disconnect();
      reader.disconnect();
      // ioredis says "Connection is closed"; the error before it says why.
      throw new Error(lastError || (error as Error).message);
    }
    const prefix = options.prefix ?? keyPrefix(options.target);
    const store = new RedisStore({ ...options, prefix }, commands, reader);
    await store.load();
    store.readLoop = store.follow();
    return store;
  }

  /** The candle answers every relay on this Redis shares. */
  candleCache(): RedisCandleCache {
    return new RedisCandleCache(this.commands, this.options.prefix ?? 'tickwire', this.instanceId);
  }

  /** The lease that makes one relay of all the poller, renewed on every poll. */
  lease(ttlMs: number): RedisLease {
    return new RedisLease(this.commands, this.keys.lease, this.instanceId, ttlMs);
  }

  async appendQuotes(quotes: readonly SourceQuote[], t: number): Promise<QuotesEvent | undefined> {
    const changed = this.mirror.changedQuotes(quotes);
    const symbols = Object.keys(changed);
    if (symbols.length === 0) return undefined;
    const multi = this.commands.multi();
    this.logEntry(multi, 'quotes', { t, quotes: changed });
    multi.hset(
      this.keys.latest,
      Object.fromEntries(symbols.map((symbol) => [symbol, JSON.stringify(changed[symbol])])),
    );
    for (const quote of Object.values(changed)) {
      multi.rpush(this.keys.history(quote.symbol), JSON.stringify([quote.ts, quote.price]));
      multi.ltrim(this.keys.history(quote.symbol), -historyCapacity(this.options), -1);
    }
    const results = await multi.exec();
    const id = results?.[0]?.[1];
    if (typeof id !== 'string') throw new Error('redis did not take the quotes');
    // Every relay, this one included, takes the event from the Stream: one path, one order.
    return { id, t, quotes: changed };
  }

  /**
   * Prepends the points older than the history's first, in one script: a poll's RPUSH can
   * come between a read and a rewrite made apart, and would be lost.
   */
  async backfill(symbol: string, points: readonly PricePoint[]): Promise<void> {
    const multi = this.commands.multi();
    multi.eval(
      BACKFILL_SCRIPT,
      1,
      this.keys.history(symbol),
      String(historyCapacity(this.options)),
      ...points.flatMap((point) => [String(point[0]), JSON.stringify(point)]),
    );
    this.logEntry(multi, 'backfill', { symbol, points });
    await multi.exec();
  }

  async setSourceStatus(sources: readonly SourceStatus[]): Promise<void> {
    const status: StatusData = { sources: [...sources], stale: this.mirror.staleSymbols() };
    const key = noticeableStatus(status);
    if (key === this.publishedStatus) return;
    const multi = this.commands.multi().set(this.keys.status, JSON.stringify(status));
    await this.logEntry(multi, 'status', status).exec();
    this.publishedStatus = key;
  }

  /** Adds an entry to the shared event log, which Redis trims to about a relay's log size. */
  private logEntry(
    multi: ChainableCommander,
    type: Entry['type'],
    data: unknown,
  ): ChainableCommander {
    return multi.xadd(
      this.keys.events,
      'MAXLEN',
      '~',
      String(this.options.eventLogSize),
      '*',
      'type',
      type,
      'data',
      JSON.stringify(data),
    );
  }

  async forgetExcept(watched: readonly string[]): Promise<void> {
    const symbols = this.mirror.symbolsExcept(watched);
    if (symbols.length === 0) return;
    const multi = this.commands
      .multi()
      .hdel(this.keys.latest, ...symbols)
      .del(...symbols.map((symbol) => this.keys.history(symbol)));
    // Every relay's mirror, this one's included, forgets them on reading the entry.
    await this.logEntry(multi, 'forget', { symbols }).exec();
  }

  async shareWatched(symbols: readonly string[], forMs: number): Promise<string[]> {
    const now = this.now();
    try {
      const multi = this.commands.multi().zremrangebyscore(this.keys.watched, '-inf', String(now));
      if (symbols.length > 0)
        multi.zadd(
          this.keys.watched,
          ...symbols.flatMap((symbol) => [String(now + forMs), symbol]),
        );
      multi.zrange(this.keys.watched, '0', '-1');
      const results = await multi.exec();
      const all = results?.at(-1)?.[1];
      return Array.isArray(all) ? [...new Set([...symbols, ...(all as string[])])] : [...symbols];
    } catch {
      return [...symbols];
    }
  }

  status(): Promise<StatusData> {
    return this.mirror.status();
  }

  hasQuotes(): Promise<boolean> {
    return this.mirror.hasQuotes();
  }

  latest(symbols: readonly string[]): Promise<Record<string, Quote>> {
    return this.mirror.latest(symbols);
  }

  history(symbols: readonly string[], limit: number): Promise<Record<string, PricePoint[]>> {
    return this.mirror.history(symbols, limit);
  }

  snapshot(symbols: readonly string[], historyLimit: number): Promise<Snapshot> {
    return this.mirror.snapshot(symbols, historyLimit);
  }

  eventsAfter(id: string): Promise<QuotesEvent[] | undefined> {
    return this.mirror.eventsAfter(id);
  }

  isAfter(a: string, b: string): boolean {
    return this.mirror.isAfter(a, b);
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    return this.mirror.subscribe(listener);
  }

  async close(): Promise<void> {
    this.reading = false;
    this.reader.disconnect();
    await this.readLoop;
    await this.commands.quit().catch(() => this.commands.disconnect());
    await this.mirror.close();
  }

  /** Reads what the relays share so far into the mirror. */
  private async load(): Promise<void> {
    const [latest, statusRaw, recent] = await Promise.all([
      this.commands.hgetall(this.keys.latest),
      this.commands.get(this.keys.status),
      this.commands.xrevrange(this.keys.events, '+', '-', 'COUNT', this.options.eventLogSize * 2),
    ]);
    const quotes = parseLatest(latest, this.now());
    const histories: Record<string, PricePoint[]> = {};
    await Promise.all(
      quotes.map(async ({ symbol }) => {
        const raw = await this.commands.lrange(this.keys.history(symbol), 0, -1);
        histories[symbol] = parsePoints(raw, this.now());
      }),
    );
    const events = recent
      .reverse()
      .map(([id, fields]) => ({ id, entry: parseEntry(fields, this.now()) }))
      .flatMap(({ id, entry }) =>
        entry?.type === 'quotes' ? [{ id, t: entry.t, quotes: entry.quotes }] : [],
      );
    this.mirror.restore({
      quotes,
      histories,
      status: parseStatus(statusRaw),
      events,
    });
    this.lastReadId = recent.at(-1)?.[0] ?? '0-0';
  }

  /** Follows the Stream for as long as the store is open, through Redis outages. */
  private async follow(): Promise<void> {
    let failures = 0;
    while (this.reading) {
      try {
        const answer = (await this.reader.xread(
          'BLOCK',
          1_000,
          'STREAMS',
          this.keys.events,
          this.lastReadId,
        )) as [string, [string, string[]][]][] | null;
        failures = 0;
        for (const [, entries] of answer ?? []) {
          for (const [id, fields] of entries) {
            this.lastReadId = id;
            this.apply(id, parseEntry(fields, this.now()));
          }
        }
      } catch (error) {
        if (!this.reading) break;
        failures++;
        if (failures === 1)
          this.options.log.warn(
            { err: (error as Error).message },
            'lost the shared event log; serving what this relay has',
          );
        await new Promise((resolve) => setTimeout(resolve, backoffMs(failures, FOLLOW_BACKOFF)));
      }
    }
  }

  private apply(id: string, entry: Entry | undefined): void {
    if (!entry) return;
    if (entry.type === 'quotes') this.mirror.ingest({ id, t: entry.t, quotes: entry.quotes });
    else if (entry.type === 'status') this.mirror.applyStatus(entry.status);
    else if (entry.type === 'forget') this.mirror.forget(entry.symbols);
    else void this.mirror.backfill(entry.symbol, entry.points);
  }
}
