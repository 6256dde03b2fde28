/**
 * The one shape every source's data is turned into, and the shapes of what the relay
 * streams. The contract is the README's "The protocol in brief".
 */

/** A price of one base asset in the relay's quote currency. */
export interface Quote {
  /** Base asset, upper case: `BTC`. */
  symbol: string;
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

/** One point of price history: `[ms, price]`. */
export type PricePoint = [ms: number, price: number];

/** Health of one upstream source, as the `status` event and `/v1/sources` report it. */
export interface SourceStatus {
  id: string;
  state: 'ok' | 'degraded' | 'down';
  /** Last time the source answered well, ms; absent if it never has. */
  lastOkTs?: number;
  /** The last failure, one line, safe to show to a reader. */
  error?: string;
  /** True for the simulated demo market. */
  simulated: boolean;
}

/** What one poll produced: the `quotes` stream event. `id` is opaque and strictly increasing. */
export interface QuotesEvent {
  id: string;
  t: number;
  quotes: Record<string, Quote>;
}

/** Symbols are base assets, upper case, 1–15 letters or digits. */
export const SYMBOL_PATTERN = /^[A-Z0-9]{1,15}$/;
