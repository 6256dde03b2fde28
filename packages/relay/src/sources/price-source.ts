import type { AssetFacts, Candle, CandleRange, PricePoint, Quote } from '@tickwire/protocol';
import type { QuoteStream } from './quote-stream.js';

/** An upstream call's deadline, headers and body together, where a source's options name none, ms. */
export const SOURCE_TIMEOUT_MS = 10_000;

/** A quote from a source, its time checked by the poller; the store decides staleness. */
export type SourceQuote = Omit<Quote, 'stale'>;

/**
 * A quote as a source answers it, keyed by its pair (`BTC/USD`): `ts` is the upstream's own
 * time of the price, left out when the upstream gives none (never the time of receipt: the
 * poller times such a quote by whether its values move, so a halted feed goes stale). The
 * poller names the currency, from the route that asked for the pair.
 */
export type FetchedQuote = Omit<SourceQuote, 'ts' | 'currency'> & { ts?: number };

/** A fetched quote the poller has timed and checked, not yet named for a symbol and currency. */
export type CheckedQuote = Omit<SourceQuote, 'currency'>;

/**
 * An asset's facts as a source answers them: the figures it has (those it lacks absent), and
 * the address of its image upstream, which the relay fetches, checks and serves itself
 * (`assets/logo-service.ts`). Source, label and logo path are the relay's to add.
 */
export type FetchedFacts = Omit<AssetFacts, 'logo' | 'source' | 'simulated'> & {
  /** The upstream image, only from a host the adapter trusts to serve its logos. */
  imageUrl?: string;
};

/** What facts are asked for: named assets, or the first `top` by market cap. */
export type FactsQuery = { assets: readonly string[] } | { top: number };

/**
 * An upstream of prices. Adapters turn their API's data into `SourceQuote`s; nothing
 * outside `sources/` knows which API is behind one.
 */
export interface PriceSource {
  /** Names the source in `SOURCES`, in quotes and in status: `demo`, `binance`, ... */
  readonly id: string;
  /** True for the simulated market; its prices are labelled as such wherever they show. */
  readonly simulated: boolean;
  /** The source's name for readers, in messages: `Binance`, `CoinGecko`; the id when absent. */
  readonly name?: string;
  /**
   * The pairs this source lists in the relay's currencies, as `<base>/<currency>`:
   * `BTC/USD`, `BTC/EUR`, `ETH/BTC` — each only where the source really has that price.
   */
  listPairs(): Promise<ReadonlySet<string>>;
  /**
   * One batched upstream call for all `pairs`; each quote's `symbol` is its pair. Pairs the
   * source lacks are left out of the answer; a failed call throws.
   */
  fetchQuotes(pairs: readonly string[]): Promise<FetchedQuote[]>;
  /** Recent prices of one pair, oldest first, for charts that should not start empty. */
  fetchHistory?(pair: string, limit: number): Promise<PricePoint[]>;
  /**
   * One pair's candles over `range` at the range's resolution, oldest first, from one
   * upstream call; `undefined` when the source has none at that resolution (the relay asks
   * the next source). The relay puts them on the grid (`candles/grid.ts`).
   */
  fetchCandles?(pair: string, range: CandleRange): Promise<Candle[] | undefined>;
  /**
   * The ranges `fetchCandles` can answer, where the source knows them in advance: a reader
   * asking for another is told at once which ranges there are, instead of being asked to
   * wait for candles that will never come. Absent: any range may be asked.
   */
  readonly candleRanges?: readonly CandleRange[];
  /**
   * Facts of assets in `currency` (upper case) from one upstream call: for `assets`, those it
   * knows (an asset left out is one the source does not know); for `top`, the first by market
   * cap, in rank order. `undefined` when the source has no facts in `currency` at all.
   */
  fetchFacts?(query: FactsQuery, currency: string): Promise<FetchedFacts[] | undefined>;
  /**
   * The source's prices pushed as they change (an exchange's WebSocket), where it streams
   * (`SOURCES=binance:stream`); its REST side then stands in while the stream is down.
   */
  readonly stream?: QuoteStream;
  /** Releases sockets and timers. */
  close?(): Promise<void>;
}

/** True if `source` may give candles over `range`: it has candles, and says it has that range or says nothing. */
export const mayHaveCandles = (source: PriceSource, range: CandleRange): boolean =>
  source.fetchCandles !== undefined && (source.candleRanges?.includes(range) ?? true);
