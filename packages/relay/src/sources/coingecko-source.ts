import {
  CANDLE_RANGES,
  type Candle,
  type CandleRange,
  DAY_MS,
  isAsset,
  MINUTE_MS,
  type PricePoint,
  parseRetryAfter,
  stepMsOf,
  windowStart,
} from '@tickwire/protocol';
import { candlesFromPoints } from '../candles/grid.js';
import { CallBudget } from './call-budget.js';
import { COINGECKO_IDS } from './coingecko-ids.js';
import { factsOfRow, MARKETS_PAGE_SIZE, type MarketsRow } from './coingecko-markets.js';
import {
  type FactsQuery,
  type FetchedFacts,
  type FetchedQuote,
  type PriceSource,
  SOURCE_TIMEOUT_MS,
} from './price-source.js';
import { SourceError } from './source-error.js';
import { MAX_ANSWER_BYTES, MAX_LISTING_BYTES, parseJson, upstreamFetch } from './upstream-fetch.js';

/** CoinGecko's plans as this source treats them: where to call, how to sign, how often. */
const PLANS = {
  /** No key: about 10 calls a minute in practice; prices refresh every 60 s. */
  keyless: {
    origin: 'https://api.coingecko.com',
    header: undefined,
    callsPerMinute: 10,
    refreshMs: 60_000,
  },
  /** Demo plan key: 30 calls a minute; prices refresh every 60 s. */
  demo: {
    origin: 'https://api.coingecko.com',
    header: 'x-cg-demo-api-key',
    callsPerMinute: 30,
    refreshMs: 60_000,
  },
  /** Paid plan key: 500 calls a minute; prices refresh every 20 s. */
  pro: {
    origin: 'https://pro-api.coingecko.com',
    header: 'x-cg-pro-api-key',
    callsPerMinute: 500,
    refreshMs: 20_000,
  },
} as const;

/** Calls of each minute's budget that history, candles and facts leave to prices. */
const CALLS_KEPT_FOR_PRICES = 3;

export interface CoinGeckoSourceOptions {
  /** `COINGECKO_API_KEY`: a demo-plan key, or `pro:<key>` for a paid plan; absent = keyless. */
  apiKey?: string;
  /** The relay's quote currencies (`CURRENCIES`); those CoinGecko has are listed. */
  currencies: readonly string[];
  /** Replaces scheme, host and port (`SOURCE_URL_COINGECKO`). */
  baseUrl?: string;
  /** Deadline of each call, headers and body together, ms. */
  timeoutMs?: number;
  /** Bytes an answer to a price or history call may have (the coin list may have more). */
  maxAnswerBytes?: number;
  now?: () => number;
}

type OhlcRow = [closeTime: number, open: number, high: number, low: number, close: number];

interface SimplePrice {
  [currencyField: string]: number | undefined;
  last_updated_at?: number;
}

/** `BTC/EUR` → `["BTC", "eur"]`: the asset, and the currency as CoinGecko spells it. */
const splitPair = (pair: string) => {
  const [base = '', currency = ''] = pair.split('/');
  return [base, currency.toLowerCase()] as const;
};

/**
 * CoinGecko's REST API v3: `/simple/price` for every watched pair in one call (all
 * currencies together in `vs_currencies`), `/coins/list` to map symbols to ids,
 * `/coins/{id}/market_chart` for history, `/coins/markets` for asset facts. It never
 * calls more often than the plan allows, whatever the relay's interval: within a refresh
 * period it answers from the last call (CoinGecko's own data would not have changed).
 */
export class CoinGeckoSource implements PriceSource {
  readonly id = 'coingecko';
  readonly simulated = false;
  readonly name = 'CoinGecko';
  /**
   * No 1-minute buckets (1h): see `fetchCandles`. `all` only on a paid plan: CoinGecko's
   * keyless and demo plans answer history of the past 365 days only.
   */
  readonly candleRanges: readonly CandleRange[];
  private readonly plan: (typeof PLANS)[keyof typeof PLANS];
  private readonly key: string | undefined;
  private readonly budget: CallBudget;
  private readonly now: () => number;
  /** Symbol (upper case) → every CoinGecko id that uses it. */
  private candidates = new Map<string, string[]>();
  private readonly resolved = new Map<string, string>();
  /** The currencies CoinGecko prices in, upper case, once listed (`/simple/supported_vs_currencies`). */
  private vsCurrencies: ReadonlySet<string> = new Set();
  private lastPriceCall = Number.NEGATIVE_INFINITY;
  private lastQuotes = new Map<string, FetchedQuote>();
  /** Aborted on close: every call under way is abandoned. */
  private readonly closing = new AbortController();

  constructor(private readonly options: CoinGeckoSourceOptions) {
    const [, proKey] = options.apiKey?.match(/^pro:(.+)$/) ?? [];
    this.plan = proKey ? PLANS.pro : options.apiKey ? PLANS.demo : PLANS.keyless;
    this.key = proKey ?? options.apiKey;
    this.candleRanges = [
      '24h',
      '7d',
      '30d',
      '90d',
      '1y',
      'ytd',
      ...(proKey ? ['all' as const] : []),
    ];
    this.now = options.now ?? Date.now;
    this.budget = new CallBudget(this.plan.callsPerMinute, MINUTE_MS, this.now);
  }

  async listPairs(): Promise<ReadonlySet<string>> {
    const coins = await this.get<{ id?: unknown; symbol?: unknown }[]>(
      '/api/v3/coins/list',
      {},
      MAX_LISTING_BYTES,
    );
    const supported = await this.get<unknown>('/api/v3/simple/supported_vs_currencies');
    if (!Array.isArray(coins) || !Array.isArray(supported))
      throw new SourceError('malformed answer');
    this.vsCurrencies = new Set(
      supported.flatMap((code) => (typeof code === 'string' ? [code.toUpperCase()] : [])),
    );
    const currencies = this.options.currencies.filter((currency) =>
      supported.includes(currency.toLowerCase()),
    );
    const candidates = new Map<string, string[]>();
    for (const { id, symbol } of coins) {
      if (typeof id !== 'string' || typeof symbol !== 'string') continue;
      const upper = symbol.toUpperCase();
      if (!isAsset(upper)) continue;
      candidates.set(upper, [...(candidates.get(upper) ?? []), id]);
    }
    this.candidates = candidates;
    const pairs = new Set<string>();
    for (const base of candidates.keys())
      for (const currency of currencies) if (base !== currency) pairs.add(`${base}/${currency}`);
    return pairs;
  }

  async fetchQuotes(pairs: readonly string[]): Promise<FetchedQuote[]> {
    const fresh = this.now() - this.lastPriceCall < this.plan.refreshMs;
    const cached = pairs.filter((pair) => this.lastQuotes.has(pair));
    if (fresh && cached.length === pairs.length)
      return cached.map((pair) => this.lastQuotes.get(pair)!);

    const ids = await this.resolveIds(pairs.map((pair) => splitPair(pair)[0]));
    if (ids.size === 0) return [];
    const currencies = [...new Set(pairs.map((pair) => splitPair(pair)[1]))];
    const answer = await this.get<Record<string, SimplePrice>>('/api/v3/simple/price', {
      ids: [...new Set(ids.values())].join(','),
      vs_currencies: currencies.join(','),
      include_24hr_change: 'true',
      include_24hr_vol: 'true',
      include_last_updated_at: 'true',
      precision: 'full',
    });
    if (!answer || typeof answer !== 'object') throw new SourceError('malformed answer');
    this.lastPriceCall = this.now();
    const quotes: FetchedQuote[] = [];
    for (const pair of pairs) {
      const [base, currency] = splitPair(pair);
      const id = ids.get(base);
      const entry = id === undefined ? undefined : answer[id];
      if (entry?.[currency] === undefined) continue;
      const quote = this.toQuote(pair, entry, currency);
      this.lastQuotes.set(pair, quote);
      quotes.push(quote);
    }
    return quotes;
  }

  async fetchHistory(pair: string, limit: number): Promise<PricePoint[]> {
    const points = await this.marketChart(pair, '1');
    return points?.slice(-limit) ?? [];
  }

  /**
   * CoinGecko picks its own granularity by the days asked (docs, "Coin Historical Chart
   * Data" and "Coin OHLC Chart"): market_chart gives 5-minute prices for 1 day, hourly up to
   * 90 days, daily beyond; ohlc gives 4-hour candles for 3–30 days. Each range takes the
   * call whose granularity is its resolution; 1-minute buckets (1h) it has none of.
   */
  async fetchCandles(pair: string, range: CandleRange): Promise<Candle[] | undefined> {
    const now = this.now();
    switch (range) {
      case '1h':
        return undefined;
      case '30d': {
        const rows = await this.ohlc(pair, 30);
        // Each row's time is its candle's close: the bucket starts one resolution earlier.
        return rows?.map(([t, open, high, low, close]) => [
          t - stepMsOf(range),
          open,
          high,
          low,
          close,
          null,
        ]);
      }
      default: {
        const points = await this.marketChart(pair, daysOf(range, now));
        return points && candlesFromPoints(points, range, now);
      }
    }
  }

  /**
   * `/coins/markets`: the facts of up to `MARKETS_PAGE_SIZE` assets (by their ids) or of the
   * top by market cap, in one call, with 1 h and 7 d changes and the 7-day line. Like history, facts never spend
   * the calls the plan's minute keeps for prices. A currency CoinGecko does not price in has no
   * facts (`undefined`); an asset it has no id for is left out.
   */
  async fetchFacts(query: FactsQuery, currency: string): Promise<FetchedFacts[] | undefined> {
    if (this.vsCurrencies.size > 0 && !this.vsCurrencies.has(currency)) return undefined;
    const asked = 'top' in query ? undefined : query.assets;
    const ids = asked && (await this.resolveIds(asked));
    // An asset left out means CoinGecko does not know it: that is said only once the coin
    // list is read (the catalog loads it); before, the facts wait.
    if (asked && ids && ids.size < asked.length && this.candidates.size === 0)
      throw new SourceError('coin list not loaded yet');
    if (ids?.size === 0) return [];
    this.keepCallsForPrices();
    const rows = await this.get<unknown>('/api/v3/coins/markets', {
      vs_currency: currency.toLowerCase(),
      ...(ids
        ? { ids: [...new Set(ids.values())].join(','), per_page: String(MARKETS_PAGE_SIZE) }
        : {
            order: 'market_cap_desc',
            per_page: String(Math.min((query as { top: number }).top, MARKETS_PAGE_SIZE)),
          }),
      page: '1',
      price_change_percentage: '1h,7d',
      // The 7-day line of a table comes in the same call: 168 hourly prices an asset.
      sparkline: 'true',
    });
    if (!Array.isArray(rows)) throw new SourceError('malformed answer');
    const now = this.now();
    const origin = this.options.baseUrl && new URL(this.options.baseUrl).origin;
    const factsOf = (row: MarketsRow, asset: string) =>
      factsOfRow(row, asset, currency, now, origin || undefined);
    if (ids) {
      const byId = new Map((rows as MarketsRow[]).map((row) => [row?.id, row]));
      return [...ids].flatMap(([asset, id]) => {
        const row = byId.get(id);
        const facts = row && factsOf(row, asset);
        return facts ? [facts] : [];
      });
    }
    // The top by rank: two coins sharing a ticker are one asset here, the larger one.
    const seen = new Set<string>();
    return (rows as MarketsRow[]).flatMap((row) => {
      const asset = typeof row?.symbol === 'string' ? row.symbol.toUpperCase() : '';
      if (seen.has(asset)) return [];
      const facts = factsOf(row, asset);
      if (!facts) return [];
      seen.add(asset);
      return [facts];
    });
  }

  /** `/coins/{id}/market_chart` prices over `days`; `undefined` for a pair it does not list. */
  private async marketChart(pair: string, days: string): Promise<PricePoint[] | undefined> {
    const [base, currency] = splitPair(pair);
    const id = await this.historyId(base);
    if (!id) return undefined;
    const chart = await this.get<{ prices?: unknown }>(
      `/api/v3/coins/${encodeURIComponent(id)}/market_chart`,
      { vs_currency: currency, days },
    );
    if (!Array.isArray(chart?.prices)) throw new SourceError('malformed answer');
    return (chart.prices as unknown[]).filter(
      (point): point is PricePoint =>
        Array.isArray(point) &&
        Number.isFinite(point[0]) &&
        Number.isFinite(point[1]) &&
        point[1] > 0,
    );
  }

  /** `/coins/{id}/ohlc` rows `[closeTime, open, high, low, close]` over `days`. */
  private async ohlc(pair: string, days: number): Promise<OhlcRow[] | undefined> {
    const [base, currency] = splitPair(pair);
    const id = await this.historyId(base);
    if (!id) return undefined;
    const rows = await this.get<unknown>(`/api/v3/coins/${encodeURIComponent(id)}/ohlc`, {
      vs_currency: currency,
      days: String(days),
    });
    if (!Array.isArray(rows)) throw new SourceError('malformed answer');
    return rows.filter(
      (row): row is OhlcRow =>
        Array.isArray(row) && row.length >= 5 && row.slice(0, 5).every(Number.isFinite),
    );
  }

  /**
   * The id to ask history of. History and candles are niceties: they never spend the last
   * calls of the plan's minute, which keep prices current.
   */
  private async historyId(base: string): Promise<string | undefined> {
    const id = (await this.resolveIds([base])).get(base);
    if (!id) return undefined;
    this.keepCallsForPrices();
    return id;
  }

  /** Refuses a nicety's call (history, candles, facts) that would spend the minute's last calls, kept for prices. */
  private keepCallsForPrices(): void {
    if (this.budget.remaining() <= CALLS_KEPT_FOR_PRICES) {
      throw new SourceError('call budget kept for prices');
    }
  }

  /** CoinGecko ids for assets: the explicit map, the only coin with that symbol, or the largest by market cap. */
  private async resolveIds(symbols: readonly string[]): Promise<Map<string, string>> {
    const ambiguous: string[] = [];
    for (const symbol of symbols) {
      if (this.resolved.has(symbol)) continue;
      const listed = this.candidates.get(symbol) ?? [];
      const explicit = COINGECKO_IDS[symbol];
      if (explicit && (listed.length === 0 || listed.includes(explicit)))
        this.resolved.set(symbol, explicit);
      else if (listed.length === 1) this.resolved.set(symbol, listed[0]!);
      else if (listed.length > 1) ambiguous.push(symbol);
    }
    if (ambiguous.length > 0) await this.resolveByMarketCap(ambiguous);
    return new Map(
      symbols.flatMap((symbol) =>
        this.resolved.has(symbol) ? [[symbol, this.resolved.get(symbol)!]] : [],
      ),
    );
  }

  private async resolveByMarketCap(symbols: string[]): Promise<void> {
    const ids = symbols.flatMap((symbol) => this.candidates.get(symbol) ?? []);
    // Market caps rank coins alike in any currency: the default one is asked.
    const currency = this.options.currencies[0]!.toLowerCase();
    const caps = await this.get<Record<string, SimplePrice>>('/api/v3/simple/price', {
      ids: ids.join(','),
      vs_currencies: currency,
      include_market_cap: 'true',
    });
    for (const symbol of symbols) {
      const ranked = (this.candidates.get(symbol) ?? [])
        .map((id) => ({ id, cap: caps?.[id]?.[`${currency}_market_cap`] ?? 0 }))
        .sort((a, b) => b.cap - a.cap);
      if (ranked[0]) this.resolved.set(symbol, ranked[0].id);
    }
  }

  private toQuote(pair: string, entry: SimplePrice, currency: string): FetchedQuote {
    const price = entry[currency] ?? Number.NaN;
    const changePct = entry[`${currency}_24h_change`];
    const volumeValue = entry[`${currency}_24h_vol`];
    const open = typeof changePct === 'number' ? price / (1 + changePct / 100) : null;
    return {
      symbol: pair,
      price,
      open24h: open,
      change24h: open === null ? null : price - open,
      changePct24h: typeof changePct === 'number' ? changePct : null,
      // CoinGecko reports volume in the quote currency; quotes carry it in the base asset.
      volume24h: typeof volumeValue === 'number' && price > 0 ? volumeValue / price : null,
      // Without its own time the poller times the quote by whether it moves.
      ...(typeof entry.last_updated_at === 'number' && { ts: entry.last_updated_at * 1000 }),
      source: this.id,
    };
  }

  private async get<T>(
    path: string,
    query: Record<string, string> = {},
    maxBodyBytes = this.options.maxAnswerBytes ?? MAX_ANSWER_BYTES,
  ): Promise<T> {
    if (!this.budget.take()) throw new SourceError('call budget used up for this minute');
    const url = new URL(path, this.options.baseUrl ?? this.plan.origin);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const answer = await upstreamFetch(
      url,
      {
        headers: {
          Accept: 'application/json',
          ...(this.plan.header && this.key ? { [this.plan.header]: this.key } : {}),
        },
      },
      {
        deadlineMs: this.options.timeoutMs ?? SOURCE_TIMEOUT_MS,
        maxBodyBytes,
        signal: this.closing.signal,
      },
    );
    if (answer.status < 200 || answer.status >= 300) {
      const what =
        answer.status === 429 ? 'rate limited' : answer.status >= 500 ? 'unavailable' : 'refused';
      throw new SourceError(
        `${what} (HTTP ${answer.status})`,
        parseRetryAfter(answer.headers.get('retry-after')),
      );
    }
    return parseJson<T>(answer);
  }

  async close(): Promise<void> {
    this.closing.abort(new SourceError('source closed'));
  }
}

/**
 * The `days` of `market_chart` that cover `range`, from which CoinGecko picks the granularity
 * (5-minutely for 1, hourly up to 90, daily beyond): year to date is the days since 1 January,
 * at most the 365 its free plans answer.
 */
function daysOf(range: CandleRange, now: number): string {
  if (range === 'all') return 'max';
  if (range === 'ytd')
    return String(Math.min(365, Math.ceil((now - windowStart(range, now)) / DAY_MS)));
  return String(CANDLE_RANGES[range].span / 86_400);
}
