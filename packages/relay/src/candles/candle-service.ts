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
import { isRefused, type Route } from '../sources/markets.js';
import { mayHaveCandles, type PriceSource } from '../sources/price-source.js';
import { SourceError } from '../sources/source-error.js';
import type { CachedCandles, CandleCache } from '../store/candle-cache.js';
import { onGrid } from './grid.js';
import { missingRangeAdvice, nameOf, rangesOf, unavailableNowAdvice } from './range-advice.js';

/** A range no source of a symbol has: the sentence, and its parts for a client's own words. */
export interface RangeRefusal {
  message: string;
  sources: string[];
  ranges: CandleRange[];
}

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
  missingRange(symbol: string, range: CandleRange): RangeRefusal | undefined {
    const sources = this.sourcesOf(symbol);
    const message = missingRangeAdvice(sources, range);
    return message
      ? { message, sources: sources.map(nameOf), ranges: rangesOf(sources) }
      : undefined;
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

  /**
   * The answer for `symbol` over `range`; `undefined` when no source can give it now. Each
   * source's candles are cached and fetched per source market (`BTC/USD@binance:24h`), not
   * per spelling: `BTC`, `BTC/USD`, `BTC@binance` and `BTC/USD@binance` on a relay whose first
   * source with candles is Binance share one entry and one upstream call, each reader's answer
   * naming the symbol it asked for.
   */
  async get(symbol: string, range: CandleRange): Promise<CachedCandles | undefined> {
    const route = this.options.catalog.route(symbol);
    if (isRefused(route)) return undefined;
    for (const source of this.sourcesOf(symbol)) {
      if (!mayHaveCandles(source, range)) continue;
      const market = `${route.pair}@${source.id}`;
      const key = `${market}:${range}`;
      let answer = await this.options.cache.get(key);
      if (!answer) {
        if (!this.backoffOf(source.id).available(this.now())) continue;
        let pending = this.inFlight.get(key);
        if (!pending) {
          pending = this.load(key, source, route, range).finally(() => this.inFlight.delete(key));
          this.inFlight.set(key, pending);
        }
        answer = await pending;
      }
      if (answer) return answerFor(answer, market, symbol);
    }
    return undefined;
  }

  private async load(key: string, source: PriceSource, route: Route, range: CandleRange) {
    const { cache, callTimeoutMs } = this.options;
    if (!(await cache.claim(key, callTimeoutMs))) {
      // Another relay is fetching: its answer lands in the shared cache.
      for (const until = this.now() + callTimeoutMs; this.now() < until; ) {
        await sleep(PEER_POLL_MS);
        const answer = await cache.get(key);
        if (answer) return answer;
      }
    }
    return this.fetch(key, source, route, range);
  }

  /** One source's candles for the market, cached under `key`; `undefined` when it has none or fails. */
  private async fetch(key: string, source: PriceSource, route: Route, range: CandleRange) {
    const { cache, metrics, log, callTimeoutMs } = this.options;
    const backoff = this.backoffOf(source.id);
    try {
      const raw = await withDeadline(() => source.fetchCandles!(route.pair, range), {
        timeoutMs: callTimeoutMs,
      });
      backoff.succeeded();
      if (!raw) return undefined;
      metrics.candleRequests.inc({ source: source.id, outcome: 'ok' });
      const candles = onGrid(raw, range, this.now());
      if (candles.length === 0) return undefined;
      const answer: CandlesAnswer = {
        // The market; each reader's copy names the symbol it asked for (`answerFor`).
        symbol: `${route.pair}@${source.id}`,
        range,
        resolution: CANDLE_RANGES[range].resolution,
        currency: route.currency,
        source: source.id,
        simulated: source.simulated,
        candles,
      };
      const cached = cachedAnswer(JSON.stringify(answer), this.now() + cacheMsOf(range));
      await cache.put(key, cached);
      return cached;
    } catch (error) {
      metrics.candleRequests.inc({ source: source.id, outcome: 'error' });
      backoff.failed(this.now(), error instanceof SourceError ? error.retryAfterMs : undefined);
      log.warn(
        { source: source.id, pair: route.pair, range, err: error },
        'candles failed; next source',
      );
      return undefined;
    }
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

function cachedAnswer(body: string, expiresAt: number): CachedCandles {
  return {
    body,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
    expiresAt,
  };
}

/**
 * Each cached answer's copies per asked symbol, made once while the answer is held (a held
 * answer is one object until it expires). The spellings of one market are few — base alone
 * or with its currency, with or without the source — so a handful per answer.
 */
const copies = new WeakMap<CachedCandles, Map<string, CachedCandles>>();
const MAX_COPIES = 16;

/** `answer` (of `market`) as the reader who asked for `symbol` gets it: naming `symbol`. */
function answerFor(answer: CachedCandles, market: string, symbol: string): CachedCandles {
  let held = copies.get(answer);
  const copy = held?.get(symbol);
  if (copy) return copy;
  // The answer's JSON begins with its symbol (it is written first): replaced without a parse.
  const prefix = `{"symbol":${JSON.stringify(market)}`;
  if (!answer.body.startsWith(prefix)) return answer;
  const made = cachedAnswer(
    `{"symbol":${JSON.stringify(symbol)}${answer.body.slice(prefix.length)}`,
    answer.expiresAt,
  );
  if (!held) {
    held = new Map();
    copies.set(answer, held);
  }
  if (held.size < MAX_COPIES) held.set(symbol, made);
  return made;
}
