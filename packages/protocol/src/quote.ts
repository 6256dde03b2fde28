/** A price of one base asset in a quote currency (README, "Quote"). */
export interface Quote {
  /** The symbol as the reader asked for it: `BTC`, `BTC/EUR`, `BTC/EUR@kraken`. */
  symbol: string;
  /** The currency `price` is in: `USD`, `EUR`, `BTC`. */
  currency: string;
  /**
   * The source's own pair, when it is not `<base>/<currency>`: `BTC/USDT` for a dollar
   * price from an exchange that quotes in the Tether dollar.
   */
  market?: string;
  price: number;
  /**
   * Price 24 hours before `ts`, as the source reports it. `null` (like the change and
   * volume) when the source does not report it: never a made-up zero.
   */
  open24h: number | null;
  change24h: number | null;
  changePct24h: number | null;
  /** Traded volume over 24 hours, in the base asset. */
  volume24h: number | null;
  /** The source's own timestamp of the price, ms since the epoch. */
  ts: number;
  /** Where the number came from: `demo`, `binance`, `coingecko`, `ccxt:kraken`. */
  source: string;
  /** True once `ts` is older than the price TTL. */
  stale: boolean;
}

/** One point of price history: `[ms, price]`, oldest first in every list. */
export type PricePoint = [ms: number, price: number];

/** Health of one upstream source, as `status` events and `/v1/sources` report it. */
export interface SourceStatus {
  /** The source's id in `SOURCES`: `binance`, `coingecko`, `ccxt:kraken`, `demo`. */
  id: string;
  state: 'ok' | 'degraded' | 'down';
  /** Last time the source answered well, ms; absent if it never has. */
  lastOkTs?: number;
  /** The last failure, one line, safe to show to a reader. */
  error?: string;
  /**
   * After a failure: when the relay will ask the source again, ms (its backoff, or the wait
   * the upstream named, capped). Until then the source gives no prices.
   */
  retryAt?: number;
  /** True for the simulated demo market. */
  simulated: boolean;
  /**
   * Set for a source configured to stream (`SOURCES=binance:stream`): how its prices come
   * now — `stream`, pushed over the exchange's WebSocket, or `poll`, by REST every interval
   * while the stream is down and reconnecting. Absent for a source that only polls.
   */
  transport?: SourceTransport;
  /** With `transport: 'poll'`: why the stream is down, one line, safe to show to a reader. */
  streamError?: string;
}

/** How a streaming source's prices come now (`SourceStatus.transport`). */
export type SourceTransport = 'stream' | 'poll';

/** The transports a streaming source can be on. */
export const SOURCE_TRANSPORTS: readonly SourceTransport[] = ['stream', 'poll'];

/** The states a source can be in. */
export const SOURCE_STATES: readonly SourceStatus['state'][] = ['ok', 'degraded', 'down'];

/**
 * Prices outside `MIN_PRICE`…`MAX_PRICE` are no price in any currency a relay serves: the
 * relay refuses them from sources, and clients refuse them from a relay.
 */
export const MIN_PRICE = 1e-12;
export const MAX_PRICE = 1e13;

/** True for a number that can be a price: within `MIN_PRICE`…`MAX_PRICE`. */
export const isPrice = (value: unknown): value is number =>
  typeof value === 'number' && value >= MIN_PRICE && value <= MAX_PRICE;
