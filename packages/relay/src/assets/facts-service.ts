import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AssetFacts, AssetsAnswer, Sparkline } from '@tickwire/protocol';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { withDeadline } from '../deadline.js';
import type { RelayMetrics } from '../metrics.js';
import { Backoff } from '../poller/source-health.js';
import { assetName } from '../sources/asset-names.js';
import type { SourceCatalog } from '../sources/catalog.js';
import type { FetchedFacts, PriceSource } from '../sources/price-source.js';
import { SourceError } from '../sources/source-error.js';
import type { SparklineService } from '../sparklines/sparkline-service.js';
import type { CandleCache } from '../store/candle-cache.js';
import type { WatchList } from '../watch-list.js';
import { cachedEntry, type FactsEntry, readEntry } from './facts-entry.js';

/** The most a `top` may ask for: one upstream page (CoinGecko's `per_page` maximum). */
export const MAX_TOP_ASSETS = 250;

/** Assets one upstream call is asked for at most: one page of CoinGecko's `/coins/markets`. */
const BATCH_SIZE = 250;

/** The item that stands for the top by market cap beside assets (never an asset: not `ASSET_PATTERN`). */
const TOP = '*top';

/** (currency, item) pairs the relay keeps fresh at most: past it the least recently asked is dropped. */
const MAX_WANTED = 2_000;

/** Facts a relay holds at most for answers while a refresh fails, and identities for logos. */
const MAX_HELD = 5_000;

/** How often a relay looks whether another relay's fetch has landed in the shared cache. */
const PEER_POLL_MS = 50;

/**
 * Facts are served this many refresh periods after they were fetched while refreshes fail,
 * then dropped (the assets read as pending): an old market cap is worse than none.
 */
const KEPT_PERIODS = 3;

export interface AssetFactsServiceOptions {
  catalog: SourceCatalog;
  /** The shared answer cache (the candle cache): with Redis, one fetch serves every relay. */
  cache: CandleCache;
  /** Asked assets that a stream or a read still watches stay refreshed. */
  watchList: Pick<WatchList, 'has'>;
  /** How often facts are fetched again, ms (`ASSET_FACTS_INTERVAL`). */
  intervalMs: number;
  /** A facts call not answered within this is abandoned; also how long a read waits for facts it lacks. */
  callTimeoutMs: number;
  metrics: Pick<RelayMetrics, 'assetFactsRequests'>;
  /**
   * Where no source has facts, an asset's 7-day line is drawn from its shared candle history
   * (`weekLine`), as the stream's 24 h lines are.
   */
  lines?: Pick<SparklineService, 'weekLine'>;
  log: Logger;
  now?: () => number;
}

/** What the relay knows of an asset for its logo: its name and, where a source gave one, its image. */
export interface AssetIdentity {
  name: string;
  imageUrl?: string;
}

/**
 * Asset facts for `/v1/assets` (protocol README, "Assets"), from the relay's first source that
 * has them (`fetchFacts`: CoinGecko, the demo market). Only assets someone asked for are
 * fetched, in batched calls, and refreshed every `intervalMs` while they are still asked or
 * watched; each fetch goes through the shared cache with a claim per currency, so relays on
 * one Redis make one call between them. A source that fails is left alone for its backoff
 * (Retry-After honoured), as the poller does.
 */
export class AssetFactsService {
  private readonly source: PriceSource | undefined;
  /**
   * `currency:item` asked for lately, with when it was last asked or seen watched: what the
   * refresh keeps fresh. Aged by the refresh itself, not by a timer of the cache, so a watched
   * item stays wanted however late a refresh runs.
   */
  private readonly wanted: LRUCache<string, number>;
  /** The last entry seen per `currency:item`, kept while refreshes fail. */
  private readonly held: LRUCache<string, FactsEntry>;
  private readonly identities: LRUCache<string, AssetIdentity>;
  /** The fetch under way per currency: a second reader waits for it instead of calling again. */
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly backoff = new Backoff();
  private readonly now: () => number;
  /** How long an item is wanted, and its facts held, after it was last asked or seen watched, ms. */
  private readonly keptMs: number;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: AssetFactsServiceOptions) {
    this.now = options.now ?? Date.now;
    this.source = options.catalog.sources.find((source) => source.fetchFacts !== undefined);
    this.keptMs = KEPT_PERIODS * options.intervalMs;
    this.wanted = new LRUCache({ max: MAX_WANTED });
    this.held = new LRUCache({ max: MAX_HELD, ttl: this.keptMs });
    this.identities = new LRUCache({ max: MAX_HELD });
  }

  /** Refreshes what is wanted every interval, until `stop`. */
  start(): void {
    const tick = async () => {
      await this.refresh();
      if (!this.stopped) this.timer = setTimeout(tick, this.options.intervalMs).unref();
    };
    this.timer = setTimeout(tick, this.options.intervalMs).unref();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** The facts of `assets` in `currency`: each known asset's, the others named unknown or pending. */
  async assets(assets: readonly string[], currency: string): Promise<AssetsAnswer> {
    const t = this.now();
    const answer: AssetsAnswer = { t, currency, assets: {}, unknown: [] };
    const pending: string[] = [];
    if (this.source) {
      for (const asset of assets) this.wanted.set(keyOf(currency, asset), t);
      await this.ready(currency, assets);
    }
    for (const asset of assets) {
      const entry = this.source ? this.held.get(keyOf(currency, asset)) : undefined;
      if (entry?.facts) answer.assets[asset] = this.published(entry.facts);
      else if (this.source && !entry) pending.push(asset);
      else if (this.listed(asset, currency)) answer.assets[asset] = bareFacts(asset, currency, t);
      else answer.unknown.push(asset);
    }
    if (pending.length > 0) answer.pending = pending;
    if (!this.source) await this.drawWeeks(Object.values(answer.assets), currency);
    return answer;
  }

  /**
   * Gives bare facts the 7-day lines their candles draw, those read within the call timeout:
   * the others are still read (and cached) behind the answer, for the reader's next refresh.
   */
  private async drawWeeks(facts: AssetFacts[], currency: string): Promise<void> {
    const { lines, callTimeoutMs } = this.options;
    if (!lines || facts.length === 0) return;
    const drawn = new Map<string, Sparkline>();
    const reads = Promise.all(
      facts.map(async ({ asset }) => {
        const line = await lines.weekLine(`${asset}/${currency}`);
        if (line) drawn.set(asset, line);
      }),
    );
    await atMost(reads, callTimeoutMs);
    for (const each of facts) {
      const line = drawn.get(each.asset);
      if (line) each.line7d = line;
    }
  }

  /**
   * The first `count` assets by market cap in `currency`, in rank order; `pending` while the
   * ranking is being fetched; `none` when no source ranks assets in `currency`.
   */
  async top(count: number, currency: string): Promise<AssetsAnswer | 'pending' | 'none'> {
    if (!this.source) return 'none';
    this.wanted.set(keyOf(currency, TOP), this.now());
    await this.ready(currency, [TOP]);
    const entry = this.held.get(keyOf(currency, TOP));
    if (!entry) return 'pending';
    if (!entry.top) return 'none';
    const answer: AssetsAnswer = { t: this.now(), currency, assets: {}, unknown: [] };
    for (const facts of entry.top.slice(0, count))
      answer.assets[facts.asset] = this.published(facts);
    return answer;
  }

  /** The asset's name and upstream image, as far as any facts fetched lately say. */
  identity(asset: string): AssetIdentity | undefined {
    return this.identities.get(asset);
  }

  /**
   * Fetches every wanted item due for it. An asked asset that is still watched stays wanted;
   * one neither asked nor watched for `KEPT_PERIODS` refresh periods is let go.
   */
  async refresh(): Promise<void> {
    const now = this.now();
    const byCurrency = new Map<string, string[]>();
    for (const [key, askedAt] of [...this.wanted.entries()]) {
      const [currency = '', item = ''] = key.split(':');
      if (item !== TOP && this.watched(item, currency)) this.wanted.set(key, now);
      else if (now - askedAt >= this.keptMs) {
        this.wanted.delete(key);
        continue;
      }
      byCurrency.set(currency, [...(byCurrency.get(currency) ?? []), item]);
    }
    for (const [currency, items] of byCurrency) await this.ensure(currency, items);
  }

  /** Waits, up to the call timeout, for items with nothing to show; stale ones refresh behind the answer. */
  private async ready(currency: string, items: readonly string[]): Promise<void> {
    const work = this.ensure(currency, items);
    if (items.every((item) => this.held.has(keyOf(currency, item)))) return;
    await atMost(work, this.options.callTimeoutMs);
  }

  /** Fetches those of `items` whose shared entry is missing or due, one fetch per currency at a time. */
  private async ensure(currency: string, items: readonly string[]): Promise<void> {
    for (let round = 0; round < 3 && !this.stopped; round++) {
      const running = this.inFlight.get(currency);
      if (running) {
        await running;
        continue;
      }
      const due = await this.due(currency, items);
      if (due.length === 0 || !this.backoff.available(this.now())) return;
      // Another reader may have started while this one read the cache.
      if (this.inFlight.has(currency)) continue;
      const run = this.load(currency, due).finally(() => this.inFlight.delete(currency));
      this.inFlight.set(currency, run);
      await run;
      return;
    }
  }

  /** Items without a fresh shared entry; those with one are held for answers. */
  private async due(currency: string, items: readonly string[]): Promise<string[]> {
    const due: string[] = [];
    for (const item of items) {
      const cached = await this.options.cache.get(cacheKey(this.source!, currency, item));
      const entry = cached && readEntry(cached);
      if (entry) this.hold(keyOf(currency, item), entry);
      else due.push(item);
    }
    return due;
  }

  private async load(currency: string, items: string[]): Promise<void> {
    const { cache, callTimeoutMs, log } = this.options;
    const source = this.source!;
    // Claimed per set of items: relays whose readers ask for the same (a page open on both,
    // a refresh of the same watched assets) fetch once between them; different sets do not
    // wait for each other. A claim lapses by itself, so a relay that dies holds nothing.
    const set = createHash('sha256').update(items.toSorted().join(',')).digest('base64url');
    if (
      !(await cache.claim(
        `facts-fetch:${source.id}:${currency}:${set.slice(0, 16)}`,
        callTimeoutMs,
      ))
    ) {
      // Another relay is fetching: its entries land in the shared cache.
      for (const until = this.now() + callTimeoutMs; this.now() < until; ) {
        await sleep(PEER_POLL_MS);
        items = await this.due(currency, items);
        if (items.length === 0) return;
      }
    }
    try {
      if (items.includes(TOP)) {
        const top = await this.fetch({ top: MAX_TOP_ASSETS }, currency);
        await this.put(currency, TOP, { fetchedAt: this.now(), ...(top && { top }) });
      }
      const assets = items.filter((item) => item !== TOP);
      for (let start = 0; start < assets.length; start += BATCH_SIZE) {
        const batch = assets.slice(start, start + BATCH_SIZE);
        const facts = await this.fetch({ assets: batch }, currency);
        const byAsset = new Map(facts?.map((each) => [each.asset, each]));
        const fetchedAt = this.now();
        for (const asset of batch) {
          const found = byAsset.get(asset);
          await this.put(currency, asset, { fetchedAt, ...(found && { facts: found }) });
        }
      }
      this.backoff.succeeded();
    } catch (error) {
      this.backoff.failed(
        this.now(),
        error instanceof SourceError ? error.retryAfterMs : undefined,
      );
      log.warn({ source: source.id, currency, err: error }, 'asset facts failed');
    }
  }

  private async fetch(
    query: Parameters<NonNullable<PriceSource['fetchFacts']>>[0],
    currency: string,
  ) {
    const source = this.source!;
    const { callTimeoutMs, metrics } = this.options;
    try {
      const facts = await withDeadline(() => source.fetchFacts!(query, currency), {
        timeoutMs: callTimeoutMs,
      });
      metrics.assetFactsRequests.inc({ source: source.id, outcome: 'ok' });
      return facts;
    } catch (error) {
      metrics.assetFactsRequests.inc({ source: source.id, outcome: 'error' });
      throw error;
    }
  }

  private async put(currency: string, item: string, entry: FactsEntry): Promise<void> {
    this.hold(keyOf(currency, item), entry);
    const cached = cachedEntry(entry, entry.fetchedAt + this.options.intervalMs);
    await this.options.cache.put(cacheKey(this.source!, currency, item), cached);
  }

  private hold(key: string, entry: FactsEntry): void {
    this.held.set(key, entry);
    for (const facts of entry.top ?? (entry.facts ? [entry.facts] : [])) {
      this.identities.set(facts.asset, {
        name: facts.name,
        ...(facts.imageUrl && { imageUrl: facts.imageUrl }),
      });
    }
  }

  /** Facts as readers get them: the logo on this relay, the source named, simulated said. */
  private published({ imageUrl: _, asset, name, ...figures }: FetchedFacts): AssetFacts {
    const source = this.source!;
    return {
      asset,
      name,
      logo: logoPath(asset),
      ...figures,
      source: source.id,
      simulated: source.simulated,
    };
  }

  /** True when some source lists the asset in the currency or the default one: it has a price, if no facts. */
  private listed(asset: string, currency: string): boolean {
    const { catalog } = this.options;
    return catalog.lists(asset) || catalog.lists(`${asset}/${currency}`);
  }

  private watched(asset: string, currency: string): boolean {
    const { watchList } = this.options;
    return watchList.has(`${asset}/${currency}`) || watchList.has(asset);
  }
}

/** Waits for `work`, `ms` at most: the work goes on behind. */
async function atMost(work: Promise<unknown>, ms: number): Promise<void> {
  const waited = new AbortController();
  await Promise.race([work, sleep(ms, undefined, { signal: waited.signal }).catch(() => {})]);
  waited.abort();
}

/** Where the relay serves an asset's logo, relative to the relay's own URL. */
export const logoPath = (asset: string) => `/v1/logos/${asset}`;

const keyOf = (currency: string, item: string) => `${currency}:${item}`;

const cacheKey = (source: PriceSource, currency: string, item: string) =>
  `facts:${source.id}:${currency}:${item}`;

/**
 * An asset's facts where no source has any: its name (known, or its code) and its logo (a
 * monogram), no figure. `source` says so: `relay`.
 */
function bareFacts(asset: string, currency: string, t: number): AssetFacts {
  return {
    asset,
    name: assetName(asset),
    logo: logoPath(asset),
    currency,
    source: 'relay',
    t,
    simulated: false,
  };
}
