import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import {
  type Candle,
  type CandleRange,
  isAsset,
  type PricePoint,
  parseRetryAfter,
  windowStart,
} from '@tickwire/protocol';
import type { Exchange, Market, OHLCV, Ticker } from 'ccxt';
import { isTimeout, withDeadline } from '../deadline.js';
import { CcxtTickerStream, type TickerStreamMarkets } from './ccxt-ticker-stream.js';
import { type FetchedQuote, type PriceSource, SOURCE_TIMEOUT_MS } from './price-source.js';
import type { QuoteStream } from './quote-stream.js';
import { SourceError } from './source-error.js';
import { ccxtFetchImplementation, MAX_ANSWER_BYTES, MAX_LISTING_BYTES } from './upstream-fetch.js';

export interface CcxtSourceOptions {
  /** ccxt's exchange id: `binance`, `kraken`, `bitso`, ... */
  exchangeId: string;
  /** The id in `SOURCES` and in quotes: `binance`, `ccxt:kraken`. */
  sourceId: string;
  /** The relay's quote currencies (`CURRENCIES`). */
  currencies: readonly string[];
  /** Replaces scheme, host and port of every API URL (`SOURCE_URL_<ID>`). */
  baseUrl?: string;
  /** Deadline of each HTTP call, headers and body together, ms. */
  timeoutMs?: number;
  /** Bytes an answer to a price or history call may have (listings may have more). */
  maxAnswerBytes?: number;
  /** Extra ccxt constructor options (Binance: spot only). */
  exchangeOptions?: Record<string, unknown>;
  /** Streams tickers over the exchange's WebSocket too (`SOURCES=binance:stream`). */
  stream?: {
    /** Replaces scheme, host and port of every WebSocket URL (`SOURCE_WS_URL_<ID>`). */
    wsUrl?: string;
  };
}

/**
 * ccxt pro options per exchange, for streaming. Binance: every subscription on one socket
 * (ccxt opens a socket per symbol set otherwise, up to 50), and the full `24hrTicker` for
 * both watching and unwatching (ccxt's defaults differ between the two, so an unwatch would
 * name a stream never subscribed).
 */
const STREAM_OPTIONS: Record<string, Record<string, unknown>> = {
  binance: { streamLimits: { spot: 1 }, watchTickers: { name: 'ticker' } },
};

/**
 * The exchange's quote currencies that give a price in `currency`, in order of preference:
 * the currency itself, then, for USD, the dollar stablecoins that exchanges without USD
 * pairs quote in (`BTC/USD` → `BTC/USDT` on Binance; the quote's `market` says so).
 */
function quoteCandidates(currency: string): string[] {
  return currency === 'USD' ? ['USD', 'USDT', 'USDC'] : [currency];
}

/**
 * ccxt, imported on first use. It is an optional dependency (60 MB of the relay's install, and
 * ~0.4 s and ~140 MB to load), needed only by `binance` and `ccxt:<exchange>` sources, polled or
 * streamed: an install without it (`npm install --omit=optional`) runs every other source, and
 * a source that needs it is refused with the command that adds it.
 */
async function importCcxt(): Promise<typeof import('ccxt')['default']> {
  try {
    return (await import('ccxt')).default;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    // ccxt itself absent; a module missing inside an installed ccxt is another fault.
    if (code !== 'ERR_MODULE_NOT_FOUND' || !message.includes("'ccxt'")) throw error;
    const manifest = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    );
    const range = manifest.optionalDependencies?.ccxt as string | undefined;
    throw new Error(
      `ccxt is not installed (an optional dependency of @tickwire/relay, needed by binance and ccxt:<exchange> sources); add it with: npm install ccxt${range ? `@${range}` : ''}`,
      { cause: error },
    );
  }
}

/** Makes a ccxt source; ccxt itself is imported here, lazily (`importCcxt`). */
export async function createCcxtSource(options: CcxtSourceOptions): Promise<CcxtSource> {
  const ccxt = await importCcxt();
  const ExchangeClass = (ccxt as unknown as Record<string, new (config: object) => Exchange>)[
    options.exchangeId
  ];
  if (!ccxt.exchanges.includes(options.exchangeId) || !ExchangeClass) {
    throw new Error(`ccxt has no exchange '${options.exchangeId}'`);
  }
  const timeoutMs = options.timeoutMs ?? SOURCE_TIMEOUT_MS;
  const exchange = new ExchangeClass({
    enableRateLimit: true,
    timeout: timeoutMs,
    ...options.exchangeOptions,
  });
  if (options.baseUrl)
    rebaseUrls(exchange.urls.api as unknown as Record<string, unknown>, options.baseUrl);
  const closing = new AbortController();
  const bodyLimit = new AsyncLocalStorage<number>();
  // ccxt's timeout stops applying once headers arrive, and it parses any body it gets; this
  // fetch keeps the deadline over the body and refuses what is not JSON or too large for
  // the call it answers (one fetch serves every call of the exchange: the call's limit
  // travels with it).
  exchange.fetchImplementation = ccxtFetchImplementation({
    deadlineMs: timeoutMs,
    maxBodyBytes: () => bodyLimit.getStore() ?? MAX_ANSWER_BYTES,
    signal: closing.signal,
  });
  const source = new CcxtSource(exchange, options, { closing, bodyLimit });
  if (options.stream) source.stream = createTickerStream(ccxt.pro, options, source);
  return source;
}

/** The exchange's ccxt pro class on the source's own markets; a `ConfigError`'s message when ccxt pro lacks it. */
function createTickerStream(
  pro: unknown,
  options: CcxtSourceOptions,
  markets: TickerStreamMarkets,
): CcxtTickerStream {
  const ProClass = (pro as Record<string, new (config: object) => Exchange>)[options.exchangeId];
  const exchange = ProClass
    ? new ProClass({
        ...options.exchangeOptions,
        options: {
          ...(options.exchangeOptions?.options as object | undefined),
          ...STREAM_OPTIONS[options.exchangeId],
        },
      })
    : undefined;
  if (!exchange?.has.watchTicker) {
    throw new Error(
      `ccxt pro cannot stream '${options.exchangeId}' (no watchTicker); name it without :stream to poll it`,
    );
  }
  const wsUrl = options.stream?.wsUrl;
  if (wsUrl)
    rebaseUrls(exchange.urls.api as unknown as Record<string, unknown>, wsUrl, /^wss?:\/\//);
  return new CcxtTickerStream(exchange, markets, wsUrl?.startsWith('ws://') ?? false);
}

/**
 * ccxt's timeframes for each range, best first: the range's resolution, then finer ones the
 * relay merges into its buckets (Kraken has no 12-hour candles, so its 3M chart is 4-hour ones).
 */
const CCXT_TIMEFRAMES: Record<CandleRange, readonly string[]> = {
  '1h': ['1m'],
  '24h': ['5m'],
  '7d': ['1h'],
  '30d': ['4h'],
  '90d': ['12h', '4h'],
  '1y': ['1d'],
  ytd: ['1d'],
  all: ['1d'],
};

/** The most candles asked for in one call (Binance's cap); a longer range is read in pages. */
const CANDLES_PER_CALL = 1_000;

/**
 * Points every API URL of `scheme` at `baseUrl`, keeping its path:
 * `https://api.binance.com/api/v3` → `http://127.0.0.1:9000/api/v3`.
 */
function rebaseUrls(
  urls: Record<string, unknown>,
  baseUrl: string,
  scheme: RegExp = /^https?:\/\//,
): void {
  for (const [key, value] of Object.entries(urls)) {
    if (typeof value === 'string' && scheme.test(value)) {
      const url = new URL(value);
      urls[key] = `${baseUrl}${url.pathname.replace(/\/$/, '')}${url.search}`;
    } else if (value && typeof value === 'object')
      rebaseUrls(value as Record<string, unknown>, baseUrl, scheme);
  }
}

/**
 * Any spot exchange ccxt supports. One `fetchTickers` per poll where the exchange has it;
 * otherwise one `fetchTicker` per symbol, paced by ccxt's own rate limiter.
 */
export class CcxtSource implements PriceSource, TickerStreamMarkets {
  readonly id: string;
  /** The exchange's tickers over its WebSocket, when the source streams. */
  stream?: QuoteStream;
  readonly simulated = false;
  readonly name: string;
  /** The ranges the exchange has a timeframe of its OHLCV for. */
  readonly candleRanges: readonly CandleRange[];
  /** Pair → the exchange's market symbol (`BTC/USD` → `BTC/USDT`, `BTC/EUR` → `BTC/EUR`). */
  private readonly markets = new Map<string, string>();

  /** Aborted on close: every call under way is abandoned. */
  private readonly closing: AbortController;
  /** The body limit of the call under way, read by the exchange's fetch. */
  private readonly bodyLimit: AsyncLocalStorage<number>;

  constructor(
    private readonly exchange: Exchange,
    private readonly options: CcxtSourceOptions,
    calls = { closing: new AbortController(), bodyLimit: new AsyncLocalStorage<number>() },
  ) {
    this.id = options.sourceId;
    this.name = exchange.name ?? options.exchangeId;
    this.candleRanges = exchange.has.fetchOHLCV
      ? (Object.keys(CCXT_TIMEFRAMES) as CandleRange[]).filter(
          (range) => this.timeframeOf(range) !== undefined,
        )
      : [];
    this.closing = calls.closing;
    this.bodyLimit = calls.bodyLimit;
  }

  async listPairs(): Promise<ReadonlySet<string>> {
    // Always a reload: ccxt keeps a failed load's rejected promise and would hand it back forever.
    const markets = await this.call(() => this.exchange.loadMarkets(true), MAX_LISTING_BYTES);
    this.markets.clear();
    for (const currency of this.options.currencies) {
      // Least preferred first, so that the preferred market is the one kept.
      for (const quote of quoteCandidates(currency).reverse()) {
        for (const market of Object.values(markets)) {
          if (!market?.spot || market.active === false || market.quote !== quote) continue;
          if (isAsset(market.base)) this.markets.set(`${market.base}/${currency}`, market.symbol);
        }
      }
    }
    return new Set(this.markets.keys());
  }

  async fetchQuotes(pairs: readonly string[]): Promise<FetchedQuote[]> {
    const wanted = pairs.filter((pair) => this.markets.has(pair));
    if (wanted.length === 0) return [];
    const marketSymbols = [...new Set(wanted.map((pair) => this.markets.get(pair)!))];
    const tickers = new Map<string, Ticker>();
    if (this.exchange.has.fetchTickers) {
      const answer = await this.call(() => this.exchange.fetchTickers(marketSymbols));
      for (const marketSymbol of marketSymbols) {
        const ticker = answer[marketSymbol];
        if (ticker) tickers.set(marketSymbol, ticker);
      }
    } else {
      for (const marketSymbol of marketSymbols)
        tickers.set(marketSymbol, await this.call(() => this.exchange.fetchTicker(marketSymbol)));
    }
    return wanted.flatMap((pair) => {
      const market = this.markets.get(pair)!;
      const ticker = tickers.get(market);
      return ticker && ticker.symbol === market ? [this.toQuote(pair, ticker)] : [];
    });
  }

  async fetchHistory(pair: string, limit: number): Promise<PricePoint[]> {
    const market = this.markets.get(pair);
    if (!market || !this.exchange.has.fetchOHLCV) return [];
    const candles = await this.call(() => this.exchange.fetchOHLCV(market, '1m', undefined, limit));
    return candles.flatMap(([ms, , , , close]) =>
      typeof ms === 'number' && typeof close === 'number' ? [[ms, close] as PricePoint] : [],
    );
  }

  async fetchCandles(pair: string, range: CandleRange): Promise<Candle[] | undefined> {
    const market = this.markets.get(pair);
    if (!market || !this.candleRanges.includes(range)) return undefined;
    const timeframe = this.timeframeOf(range)!;
    const stepMs = this.exchange.parseTimeframe(timeframe) * 1_000;
    const now = Date.now();
    const wanted = Math.ceil((now - windowStart(range, now)) / stepMs) + 1;
    const candles: OHLCV[] = [];
    // Page by page from the window's start; an exchange that has fewer (a coin listed later,
    // or one that ignores `since`) ends the reading early.
    for (let since = windowStart(range, now); since <= now && candles.length < wanted; ) {
      const limit = Math.min(CANDLES_PER_CALL, wanted - candles.length);
      const page = await this.call(() => this.exchange.fetchOHLCV(market, timeframe, since, limit));
      candles.push(...page);
      const last = page.at(-1)?.[0];
      if (page.length < limit || typeof last !== 'number' || last < since) break;
      since = last + stepMs;
    }
    return candles.map(([t, open, high, low, close, volume]) => [
      t as number,
      open as number,
      high as number,
      low as number,
      close as number,
      typeof volume === 'number' ? volume : null,
    ]);
  }

  /** The first of the range's timeframes the exchange has, if any. */
  private timeframeOf(range: CandleRange): string | undefined {
    return CCXT_TIMEFRAMES[range].find(
      (timeframe) => timeframe in (this.exchange.timeframes ?? {}),
    );
  }

  async close(): Promise<void> {
    this.closing.abort(new SourceError('source closed'));
    await Promise.all([this.exchange.close(), this.stream?.stop()]);
  }

  marketOf(pair: string): string | undefined {
    return this.markets.get(pair);
  }

  loadedMarkets(): Record<string, Market> | undefined {
    return this.exchange.markets as Record<string, Market> | undefined;
  }

  /** A ticker, polled or streamed, as the quote of `pair`. */
  toQuote(pair: string, ticker: Ticker): FetchedQuote {
    const price = ticker.last ?? ticker.close;
    const open = ticker.open ?? null;
    const change = ticker.change ?? (open !== null && price != null ? price - open : null);
    const percentage =
      ticker.percentage ?? (open && change !== null ? (change / open) * 100 : null);
    return {
      symbol: pair,
      ...(ticker.symbol !== pair && { market: ticker.symbol }),
      price: price ?? Number.NaN,
      open24h: open,
      change24h: change,
      changePct24h: percentage,
      volume24h: ticker.baseVolume ?? null,
      // The exchange's own time of the ticker, if it gives one; the poller checks it and
      // times a ticker without one (Kraken's) by whether it moves.
      ...(typeof ticker.timestamp === 'number' && { ts: ticker.timestamp }),
      source: this.id,
    };
  }

  /**
   * Runs one ccxt call, turning its errors into one line and the upstream's Retry-After.
   * Each HTTP request has its own deadline; this one bounds the whole call, time queued in
   * ccxt's rate limiter included.
   */
  private async call<T>(
    request: () => Promise<T>,
    maxBodyBytes = this.options.maxAnswerBytes ?? MAX_ANSWER_BYTES,
  ): Promise<T> {
    try {
      return await withDeadline(() => this.bodyLimit.run(maxBodyBytes, request), {
        timeoutMs: 2 * (this.options.timeoutMs ?? SOURCE_TIMEOUT_MS),
        signals: [this.closing.signal],
      });
    } catch (error) {
      if (error instanceof SourceError) throw error;
      if (isTimeout(error)) throw new SourceError('timeout');
      const headers = (this.exchange.last_response_headers ?? {}) as Record<
        string,
        string | undefined
      >;
      throw new SourceError(
        describeCcxtError(error),
        parseRetryAfter(headers['Retry-After'] ?? headers['retry-after']),
      );
    }
  }
}

/** A ccxt error as a reader may see it: its kind and HTTP status, without URLs or bodies. */
function describeCcxtError(error: unknown): string {
  const name = error instanceof Error ? error.constructor.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  // ccxt's messages read "binance GET <url> 503 Service Unavailable <body>": the status
  // follows the URL, which is dropped first so its digits are not mistaken for one.
  const status = message.replace(/https?:\/\/\S+/g, '').match(/(?:^|\s)([1-5]\d\d)(?=\s|$)/)?.[1];
  switch (name) {
    case 'RequestTimeout':
      return 'timeout';
    case 'DDoSProtection':
    case 'RateLimitExceeded':
      return status ? `rate limited (HTTP ${status})` : 'rate limited';
    case 'ExchangeNotAvailable':
    case 'OnMaintenance':
      return status ? `unavailable (HTTP ${status})` : 'unavailable';
    case 'NetworkError':
      return 'network error';
    case 'BadResponse':
    case 'NullResponse':
      return 'malformed answer';
    default:
      return status ? `${name} (HTTP ${status})` : name;
  }
}
