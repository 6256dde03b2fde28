import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CANDLE_RANGES,
  type CandleRange,
  type CandlesAnswer,
  HOUR_MS,
  MINUTE_MS,
  stepMsOf,
} from '@tickwire/protocol';
import type { Logger } from 'pino';
import { withDeadline } from '../deadline.js';
import type { RelayMetrics } from '../metrics.js';
import { Backoff } from '../poller/source-health.js';
import type { SourceCatalog } from '../sources/catalog.js';
import { mayHaveCandles, type PriceSource } from '../sources/price-source.js';
import { SourceError } from '../sources/source-error.js';
import type { CachedCandles, CandleCache } from '../store/candle-cache.js';
import { onGrid } from './grid.js';
import { missingRangeAdvice, unavailableNowAdvice } from './range-advice.js';

export interface CandleServiceOptions {
  catalog: SourceCatalog;
  cache: CandleCache;
  /** A source's candle call not answered within this is abandoned; also how long a relay waits for another's fetch. */
  callTimeoutMs: number;
  metrics: RelayMetrics;
  log: Logger;
  now?: () => number;
}

/**
 * How long an answer is served before it is fetched again: one resolution, but at least a
 * minute and at most an hour (a year's chart still sees its current day move hourly).
 * Readers keep the last bucket moving from the stream in between.
 */
const cacheMsOf = (range: CandleRange): number =>
  Math.min(HOUR_MS, Math.max(MINUTE_MS, stepMsOf(range)));

/** How often a relay looks whether another relay's fetch has landed in the shared cache. */
const PEER_POLL_MS = 50;

/**
 * `/v1/candles`, one upstream call per (symbol, range) per expiry for everybody: answers
 * come from the cache; the first reader after expiry fetches while the others wait for the
 * same fetch, on this relay (one promise per key) and across relays (a claim in the shared
 * cache). Fetched from the first source that has the range, with the poller's rules: a
 * source that fails is passed over during its backoff (Retry-After honoured), the next is
 * asked.
 */
export class CandleService {
  private readonly inFlight = new Map<string, Promise<CachedCandles | undefined>>();
  private readonly backoffs = new Map<string, Backoff>();
  private readonly now: () => number;

  constructor(private readonly options: CandleServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Why no source of `symbol` can ever give `range`, naming the ranges they can, for a
   * reader; undefined when one may (then `get` tries).
   */
  missingRange(symbol: string, range: CandleRange): string | undefined {
    return missingRangeAdvice(this.sourcesOf(symbol), range);
  }

  /** Why `get` gave nothing, for a reader: the sources that have `range` all failed just now. */
  unavailableNow(symbol: string, range: CandleRange): string {
    const sources = this.sourcesOf(symbol).filter((source) => mayHaveCandles(source, range));
    return unavailableNowAdvice(sources, symbol, range);
  }

  /** The sources `symbol` may come from, in the relay's order. */
  private sourcesOf(symbol: string): PriceSource[] {
    const { catalog } = this.options;
    return catalog.sources.filter((source) => catalog.sourceLists(source, symbol));
  }

  /** The answer for `symbol` over `range`; `undefined` when no source can give it now. */
  async get(symbol: string, range: CandleRange): Promise<CachedCandles | undefined> {
    const key = `${symbol}:${range}`;
    const cached = await this.options.cache.get(key);
    if (cached) return cached;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.load(key, symbol, range).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async load(key: string, symbol: string, range: CandleRange) {
    const { cache, callTimeoutMs } = this.options;
    if (!(await cache.claim(key, callTimeoutMs))) {
      // Another relay is fetching: its answer lands in the shared cache.
      for (const until = this.now() + callTimeoutMs; this.now() < until; ) {
        await sleep(PEER_POLL_MS);
        const answer = await cache.get(key);
        if (answer) return answer;
      }
    }
    return this.fetch(key, symbol, range);
  }

  private async fetch(key: string, symbol: string, range: CandleRange) {
    const { catalog, cache, metrics, log, callTimeoutMs } = this.options;
    const route = catalog.route(symbol);
    if (typeof route === 'string') return undefined;
    for (const source of this.sourcesOf(symbol)) {
      if (!mayHaveCandles(source, range)) continue;
      const backoff = this.backoffOf(source.id);
      if (!backoff.available(this.now())) continue;
      try {
        const raw = await withDeadline(() => source.fetchCandles!(route.pair, range), {
          timeoutMs: callTimeoutMs,
        });
        backoff.succeeded();
        if (!raw) continue;
        metrics.candleRequests.inc({ source: source.id, outcome: 'ok' });
        const candles = onGrid(raw, range, this.now());
        if (candles.length === 0) continue;
        const answer: CandlesAnswer = {
          symbol,
          range,
          resolution: CANDLE_RANGES[range].resolution,
          quote: route.currency,
          source: source.id,
          simulated: source.simulated,
          candles,
        };
        const body = JSON.stringify(answer);
        const cached: CachedCandles = {
          body,
          etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
          expiresAt: this.now() + cacheMsOf(range),
        };
        await cache.put(key, cached);
        return cached;
      } catch (error) {
        metrics.candleRequests.inc({ source: source.id, outcome: 'error' });
        backoff.failed(this.now(), error instanceof SourceError ? error.retryAfterMs : undefined);
        log.warn({ source: source.id, symbol, range, err: error }, 'candles failed; next source');
      }
    }
    return undefined;
  }

  private backoffOf(sourceId: string): Backoff {
    let backoff = this.backoffs.get(sourceId);
    if (!backoff) {
      backoff = new Backoff();
      this.backoffs.set(sourceId, backoff);
    }
    return backoff;
  }
}
