/**
 * The rows of a list of assets — one per symbol, each figure from one place: the stream's
 * quote and line, the relay's facts — as `<market-table>` and `<price-heatmap>` both show them
 * (`AssetListElement`).
 */
import { type AssetFacts, parseInstrument, type Sparkline } from '@tickwire/protocol';
import type { Facts } from './asset-facts.js';
import type { FeedView } from './feed-view.js';

/** One asset's row: every figure from one place, absent when that place has none. */
export interface Row {
  symbol: string;
  asset: string;
  /** The currency of `price` and of `marketCap` and `volume` when shown. */
  currency: string;
  name?: string;
  /** The logo's address on the relay. */
  logo?: string;
  rank?: number;
  price?: number;
  change1h?: number;
  /** From the stream's quote: the one 24 h figure of every element. */
  change24h?: number;
  change7d?: number;
  /** Circulating supply × the live price; the source's own figure before a price arrives. */
  marketCap?: number;
  volume?: number;
  /** The stream's 24 h line. */
  line?: Sparkline;
  /** The facts' 7-day line, in the price's currency. */
  line7d?: Sparkline;
  stale: boolean;
  source?: string;
  /** The facts are the demo market's made-up figures. */
  simulatedFacts: boolean;
}

/**
 * The rows of `symbols` from what the stream and the relay's facts say. Nothing is made up:
 * a figure the facts lack, or one in another currency than the row's price, is absent.
 * A row whose figures are those of its row in `previous` is that same object: a table then
 * draws again only the rows that changed.
 */
export function buildRows(
  symbols: readonly string[],
  view: FeedView,
  facts: Facts | undefined,
  previous?: ReadonlyMap<string, Row>,
): Row[] {
  return symbols.map((symbol) => {
    const row = rowOf(symbol, view, facts);
    const before = previous?.get(symbol);
    return before && sameRow(before, row) ? before : row;
  });
}

function rowOf(symbol: string, view: FeedView, facts: Facts | undefined): Row {
  const quote = view.quotes.get(symbol);
  const asset = parseInstrument(symbol).base;
  const currency = quote?.currency ?? parseInstrument(symbol).currency ?? view.currency;
  const known: AssetFacts | undefined = facts?.assets[asset];
  // Figures in money are only comparable with the price in the same currency.
  const sameCurrency = known?.currency === currency;
  const supply = known?.circulatingSupply;
  const price = quote?.price;
  return {
    symbol,
    asset,
    currency,
    name: known?.name || undefined,
    logo: known?.logo || undefined,
    rank: known?.rank,
    price,
    change1h: known?.changePct1h,
    change24h: quote?.changePct24h ?? undefined,
    change7d: known?.changePct7d,
    marketCap:
      supply !== undefined && price !== undefined
        ? supply * price
        : sameCurrency
          ? known?.marketCap
          : undefined,
    volume: sameCurrency ? known?.volume24h : undefined,
    line: view.sparklines.get(symbol),
    line7d: sameCurrency ? known?.line7d : undefined,
    stale: view.stale.has(symbol),
    source: quote?.source,
    simulatedFacts: known?.simulated ?? false,
  };
}

/** Two rows show the same: every field the same value (lines the same object: a new line is news). */
function sameRow(a: Row, b: Row): boolean {
  const keys = Object.keys(b) as (keyof Row)[];
  return keys.length === Object.keys(a).length && keys.every((key) => Object.is(a[key], b[key]));
}

/**
 * The answer's assets by rank, those without one last in the answer's order: an object's keys
 * keep the order they came in only while none looks like a number.
 */
export function rankedAssets(facts: NonNullable<Facts>): string[] {
  return Object.values(facts.assets)
    .map((known, index) => ({ asset: known.asset, rank: known.rank ?? Infinity, index }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ asset }) => asset);
}
