/** A price of one base asset in a quote currency (README, "Quote"). */
export interface Quote {
  /** The symbol as the reader asked for it: `BTC`, `BTC/EUR`, `BTC/EUR@kraken`. */
  symbol: string;
  /** The currency `price` is in: `USD`, `EUR`, `BTC`. Absent from relays before 0.3 (then the snapshot's `quote`). */
  currency?: string;
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

/**
 * The price "24h" is measured from: the source's `open24h`, else the one its `changePct24h`
 * implies; `null` when it reports neither. The one definition of the 24 h change, for every
 * figure a page shows (a card's percent, a 24 h chart's legend and percent axis alike).
 */
export function open24hOf(quote: Quote): number | null {
  if (quote.open24h !== null && quote.open24h > 0) return quote.open24h;
  if (quote.changePct24h === null || quote.changePct24h <= -100) return null;
  return quote.price / (1 + quote.changePct24h / 100);
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
  /** True for the simulated demo market. */
  simulated: boolean;
}

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
