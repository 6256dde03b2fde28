/**
 * Which live prices convert one asset into another, and at what rate: the pair the relay
 * lists, either way round, or — only when the reader allows it — two pairs through a third
 * asset they share (`BTC/USDT` and `EUR/USDT`: "via USDT"). A rate is never invented: it is
 * made of the quotes the relay sends, or there is none.
 */
import { parseInstrument, type Quote, symbolOf } from '@tickwire/protocol';
import type { Listing } from '../../feed/relay-listing.js';

/** One quote of a conversion, and whether its price is used upside down (EUR→BTC from BTC/EUR). */
export interface Leg {
  symbol: string;
  invert: boolean;
}

/** The quotes a conversion multiplies, and the asset it passes through when it is a cross. */
export interface Route {
  legs: Leg[];
  via?: string;
}

/**
 * The relay's symbol for `base` priced in `currency`, as it keys it: without the currency
 * when that is its default (`BTC`, not `BTC/USD`), pinned to `source` when there is one.
 */
export function pairSymbol(
  base: string,
  currency: string,
  defaultCurrency: string,
  source?: string,
): string {
  return symbolOf({
    base,
    ...(currency !== defaultCurrency && { currency }),
    ...(source && { source }),
  });
}

/**
 * How `from` converts to `to` from what the relay lists: the direct pair either way round,
 * else, with `cross`, two hops through one of its currencies (its default first). Undefined
 * when there is no way the reader allowed.
 */
export function routeFromListing(
  from: string,
  to: string,
  listing: Listing,
  cross: boolean,
  source?: string,
): Route | undefined {
  const listed = new Set(listing.symbols);
  const hop = (a: string, b: string): Leg | undefined => {
    if (listed.has(pairSymbol(a, b, listing.currency)))
      return { symbol: pairSymbol(a, b, listing.currency, source), invert: false };
    if (listed.has(pairSymbol(b, a, listing.currency)))
      return { symbol: pairSymbol(b, a, listing.currency, source), invert: true };
    return undefined;
  };
  const direct = hop(from, to);
  if (direct) return { legs: [direct] };
  if (!cross) return undefined;
  for (const via of new Set([listing.currency, ...listing.currencies])) {
    if (via === from || via === to) continue;
    const first = hop(from, via);
    const second = first && hop(via, to);
    if (first && second) return { legs: [first, second], via };
  }
  return undefined;
}

/** The rate of `route` from `quotes`: undefined until every leg has a price. */
export function rateOf(route: Route, quotes: ReadonlyMap<string, Quote>): number | undefined {
  let rate = 1;
  for (const leg of route.legs) {
    const price = quotes.get(leg.symbol)?.price;
    if (price === undefined || !(price > 0)) return undefined;
    rate *= leg.invert ? 1 / price : price;
  }
  return rate;
}

/** A leg as a reader names it: the pair without its source (`BTC/USDT`, `EUR`). */
export const legLabel = (leg: Leg, defaultCurrency: string): string => {
  const { base, currency = defaultCurrency } = parseInstrument(leg.symbol);
  return `${base}/${currency}`;
};

/** The assets and currencies a listing names, sorted: what the pickers offer. */
export function listedAssets(listing: Listing): string[] {
  const assets = new Set(listing.currencies);
  if (listing.currency) assets.add(listing.currency);
  for (const symbol of listing.symbols) {
    const { base, currency } = parseInstrument(symbol);
    assets.add(base);
    if (currency) assets.add(currency);
  }
  return [...assets].sort();
}
