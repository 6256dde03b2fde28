import type { Row } from '../../feed/asset-rows.js';

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
