import { type AssetFacts, parseInstrument, type Sparkline } from '@tickwire/protocol';
import type { Facts } from '../../feed/asset-facts.js';
import type { FeedView } from '../../feed/feed-view.js';

/** The table's columns, in reading order. */
export const COLUMNS = [
  'rank',
  'asset',
  'price',
  'change1h',
  'change24h',
  'change7d',
  'marketCap',
  'volume',
  'chart',
] as const;
export type ColumnId = (typeof COLUMNS)[number];

/** Columns a reader can sort by: every one but the line. */
export type SortKey = Exclude<ColumnId, 'chart'>;
export type SortDirection = 'ascending' | 'descending';

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
 * The columns some row has a figure for; the asset, price and 24 h change always (a row
 * waiting for its price shows a dash there, not a missing column).
 */
export function columnsWithData(rows: readonly Row[]): Set<ColumnId> {
  const shown = new Set<ColumnId>(['asset', 'price', 'change24h']);
  const has = (pick: (row: Row) => unknown) => rows.some((row) => pick(row) !== undefined);
  if (has((row) => row.rank)) shown.add('rank');
  if (has((row) => row.change1h)) shown.add('change1h');
  if (has((row) => row.change7d)) shown.add('change7d');
  if (has((row) => row.marketCap)) shown.add('marketCap');
  if (has((row) => row.volume)) shown.add('volume');
  if (has((row) => row.line ?? row.line7d)) shown.add('chart');
  return shown;
}

/**
 * The span of the table's line column: 7 days where the facts have a 7-day line for some row,
 * else the stream's 24 h. One span for the column: a row without a line of it shows none.
 */
export const lineSpan = (rows: readonly Row[]): '7d' | '24h' =>
  rows.some((row) => row.line7d) ? '7d' : '24h';

/** The direction a first click sorts in: names A to Z and rank 1 first, figures largest first. */
export const firstDirection = (key: SortKey): SortDirection =>
  key === 'asset' || key === 'rank' ? 'ascending' : 'descending';

/**
 * `rows` in the order of `key`; rows without the figure last either way, and ties in their
 * given order (the attribute's, or the rank).
 */
export function sortRows(rows: readonly Row[], key: SortKey, dir: SortDirection): Row[] {
  const value = (row: Row) => sortValue(row, key);
  const sign = dir === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: value(row) }))
    .sort((a, b) => {
      if (a.value === undefined || b.value === undefined)
        return a.value === b.value ? a.index - b.index : a.value === undefined ? 1 : -1;
      const order =
        typeof a.value === 'string'
          ? a.value.localeCompare(b.value as string)
          : a.value - (b.value as number);
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map(({ row }) => row);
}

/** What a row sorts by under `key`; undefined when it has no such figure. */
export const sortValue = (row: Row, key: SortKey): number | string | undefined =>
  key === 'asset' ? (row.name ?? row.asset).toLocaleLowerCase() : row[key];

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
