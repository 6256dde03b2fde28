import {
  type AssetFacts,
  type AssetsAnswer,
  type BackoffPolicy,
  backoffMs,
  isAsset,
  parseSparkline,
} from '@tickwire/protocol';
import { type Clock, pageClock } from './clock.js';
import type { Feed } from './feed.js';

/** What an element asks a relay's `/v1/assets` for: some assets, or the top `top` by market cap. */
export interface FactsQuery {
  /** Assets (`BTC`, never `BTC/EUR`): facts are an asset's, whatever it is priced in. */
  assets?: readonly string[];
  top?: number;
  /** The currency of the answer's market cap and volume: the one the element prices in. */
  currency: string;
}

/** A relay's facts for a query; `null` = this relay has none (it answers 404, or not as facts). */
export type Facts = AssetsAnswer | null;

/** A feed that answers facts itself (a scripted market) instead of its relay's `/v1/assets`. */
interface FactsFeed extends Feed {
  assets(query: FactsQuery): Promise<Facts>;
}

const answersItself = (feed: Feed): feed is FactsFeed =>
  typeof (feed as Partial<FactsFeed>).assets === 'function';

/**
 * Facts move slowly (a source refreshes them every few minutes, and the live price moves
 * market cap in between), so a page asks again this often while an element reads them.
 */
export const FACTS_REFRESH_MS = 5 * 60_000;
/** Asked again while the relay says some assets are `pending`, or when it cannot be reached. */
const RETRY: BackoffPolicy = { firstMs: 2_000, maxMs: 60_000, jitter: 0.5 };
/** Queries remembered per relay: a page rarely has more, and a page's script cannot grow it. */
const MAX_QUERIES = 16;

/** One query's answer and the elements reading it. */
interface Entry {
  facts: Facts | undefined;
  readers: Set<(facts: Facts) => void>;
  cancel: (() => void) | undefined;
  /** Failed or pending asks in a row, for the backoff. */
  attempt: number;
  /** When the answer shown came, ms: a reader who comes back within a refresh is not news. */
  answeredAt: number;
}

/** Per relay (one feed per relay per page), per query: asked once for the page, whoever reads. */
const entries = new WeakMap<Feed, Map<string, Entry>>();

/**
 * Reads the facts of `query` from the feed's relay (`GET /v1/assets`) for `read`: at once if
 * the page has them, then on every refresh. The page asks once per relay and query however
 * many elements read it, again every few minutes while one does, and sooner while the relay
 * says some are pending. Returns what stops reading; the last answer is kept for the next
 * reader (at most `MAX_QUERIES` per relay).
 */
export function readFacts(
  feed: Feed,
  query: FactsQuery,
  read: (facts: Facts) => void,
  clock: Clock = pageClock,
): () => void {
  let queries = entries.get(feed);
  if (!queries) {
    queries = new Map();
    entries.set(feed, queries);
  }
  const key = queryKey(query);
  let entry = queries.get(key);
  if (!entry) {
    entry = { facts: undefined, readers: new Set(), cancel: undefined, attempt: 0, answeredAt: 0 };
    queries.set(key, entry);
    forgetIdle(queries);
  }
  const found = entry;
  found.readers.add(read);
  if (found.facts !== undefined) read(found.facts);
  if (!found.cancel) {
    // Read again on the refresh due, not at once: elements that come and go ask nothing new.
    const dueMs = found.facts === undefined ? 0 : found.answeredAt + FACTS_REFRESH_MS - clock.now();
    if (dueMs > 0) wait(feed, query, found, clock, dueMs);
    else ask(feed, query, found, clock);
  }
  return () => {
    found.readers.delete(read);
    if (found.readers.size > 0) return;
    found.cancel?.();
    found.cancel = undefined;
  };
}

function queryKey({ assets, top, currency }: FactsQuery): string {
  return assets ? `${currency}|${[...assets].sort().join(',')}` : `${currency}|top=${top}`;
}

/** Drops the oldest queries nobody reads, past the bound. */
function forgetIdle(queries: Map<string, Entry>): void {
  for (const [key, entry] of queries) {
    if (queries.size <= MAX_QUERIES) return;
    if (entry.readers.size === 0) queries.delete(key);
  }
}

/** Asks now, tells the readers, and sets when to ask again. */
function ask(feed: Feed, query: FactsQuery, entry: Entry, clock: Clock): void {
  let cancelled = false;
  entry.cancel = () => {
    cancelled = true;
  };
  void fetchFacts(feed, query).then(
    (facts) => {
      if (cancelled) return;
      entry.facts = facts;
      entry.answeredAt = clock.now();
      const pending = (facts?.pending?.length ?? 0) > 0;
      entry.attempt = pending ? entry.attempt + 1 : 0;
      for (const read of entry.readers) read(facts);
      wait(feed, query, entry, clock, pending ? backoffMs(entry.attempt, RETRY) : FACTS_REFRESH_MS);
    },
    () => {
      // Unreachable or failing: what the page had stays shown; asked again with backoff.
      if (cancelled) return;
      entry.attempt += 1;
      if (entry.facts === undefined) {
        entry.facts = null;
        for (const read of entry.readers) read(null);
      }
      wait(feed, query, entry, clock, backoffMs(entry.attempt, RETRY));
    },
  );
}

/** Asks again in `ms`, unless every reader has gone by then. */
function wait(feed: Feed, query: FactsQuery, entry: Entry, clock: Clock, ms: number): void {
  entry.cancel = clock.after(ms, () => ask(feed, query, entry, clock));
}

/** The relay's answer, checked: `null` when it has no facts route; throws when it fails. */
async function fetchFacts(feed: Feed, query: FactsQuery): Promise<Facts> {
  if (answersItself(feed)) return checked(await feed.assets(query), feed.relayUrl);
  const url = new URL('v1/assets', feed.relayUrl);
  if (query.assets) url.searchParams.set('symbols', query.assets.join(','));
  else url.searchParams.set('top', String(query.top));
  url.searchParams.set('currency', query.currency);
  const response = await fetch(url);
  // A relay from before /v1/assets, or one without a facts source: no facts, no error.
  if (response.status === 404 || response.status === 501) return null;
  if (!response.ok) throw new Error(`/v1/assets answered ${response.status}`);
  return checked(await response.json(), feed.relayUrl);
}

const figure = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/**
 * The answer as elements may use it: every figure a finite number or absent, never text
 * where a number belongs, and a logo only as a path on the relay that sent it (never
 * another site's address: no third party learns who reads the page).
 */
function checked(answer: unknown, relayUrl: string): Facts {
  if (!answer || typeof answer !== 'object') return null;
  const raw = answer as Partial<Record<keyof AssetsAnswer, unknown>>;
  if (!raw.assets || typeof raw.assets !== 'object' || typeof raw.currency !== 'string')
    return null;
  const assets: Record<string, AssetFacts> = {};
  for (const [asset, value] of Object.entries(raw.assets as Record<string, unknown>)) {
    if (!isAsset(asset) || !value || typeof value !== 'object') continue;
    const facts = value as Record<string, unknown>;
    assets[asset] = {
      asset,
      name: typeof facts.name === 'string' ? facts.name : '',
      logo: relayLogo(facts.logo, relayUrl),
      rank: figure(facts.rank),
      marketCap: figure(facts.marketCap),
      fullyDilutedValue: figure(facts.fullyDilutedValue),
      circulatingSupply: figure(facts.circulatingSupply),
      volume24h: figure(facts.volume24h),
      changePct1h: figure(facts.changePct1h),
      changePct7d: figure(facts.changePct7d),
      line7d: parseSparkline(facts.line7d, '7d'),
      currency: typeof facts.currency === 'string' ? facts.currency : raw.currency,
      source: typeof facts.source === 'string' ? facts.source : '',
      t: figure(facts.t) ?? 0,
      simulated: facts.simulated === true,
    };
  }
  const list = (value: unknown) =>
    Array.isArray(value) ? value.filter((item): item is string => isAsset(item)) : [];
  return {
    t: figure(raw.t) ?? 0,
    currency: raw.currency,
    assets,
    unknown: list(raw.unknown),
    ...(Array.isArray(raw.pending) ? { pending: list(raw.pending) } : {}),
  };
}

/** The logo's full address on the relay, or `''` when the path would lead anywhere else. */
function relayLogo(path: unknown, relayUrl: string): string {
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//')) return '';
  try {
    const url = new URL(path.slice(1), relayUrl);
    return url.origin === new URL(relayUrl).origin ? url.href : '';
  } catch {
    return '';
  }
}
