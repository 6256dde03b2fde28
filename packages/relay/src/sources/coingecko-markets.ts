import { isAsset } from '@tickwire/protocol';
import type { FetchedFacts } from './price-source.js';
import { weekLine } from './week-line.js';

/** Rows one `/coins/markets` call answers at most (CoinGecko's `per_page` maximum): also its batch size. */
export const MARKETS_PAGE_SIZE = 250;

/** Hosts CoinGecko serves its coin images from (`image` in `/coins/markets`). */
const IMAGE_HOST = /(^|\.)coingecko\.com$/;

/** Longest name kept: CoinGecko's are a few words; a longer one is not a name. */
const MAX_NAME_LENGTH = 80;

/**
 * One row of `/coins/markets` as CoinGecko documents it (fields used here); every figure may
 * be `null` where CoinGecko has none.
 */
export interface MarketsRow {
  id?: unknown;
  symbol?: unknown;
  name?: unknown;
  image?: unknown;
  market_cap?: unknown;
  market_cap_rank?: unknown;
  fully_diluted_valuation?: unknown;
  circulating_supply?: unknown;
  total_volume?: unknown;
  price_change_percentage_1h_in_currency?: unknown;
  price_change_percentage_7d_in_currency?: unknown;
  /** With `sparkline=true`: the last 7 days' hourly prices, oldest first. */
  sparkline_in_7d?: unknown;
  last_updated?: unknown;
}

/**
 * A row as facts of `asset` in `currency`, or `undefined` when it is no row at all. Figures
 * that are not finite numbers (CoinGecko's `null`, or anything odd) are left absent, never
 * zero; a size below zero is no size. The image is kept only from CoinGecko's image hosts or
 * `trustedOrigin` (a mirror set by `SOURCE_URL_COINGECKO`): the relay fetches it itself, so
 * an answer must not send it elsewhere.
 */
export function factsOfRow(
  row: MarketsRow,
  asset: string,
  currency: string,
  now: number,
  trustedOrigin?: string,
): FetchedFacts | undefined {
  if (!row || typeof row !== 'object' || !isAsset(asset)) return undefined;
  const size = (value: unknown) =>
    typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
  const percent = (value: unknown) =>
    typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  const rank = size(row.market_cap_rank);
  const updated = typeof row.last_updated === 'string' ? Date.parse(row.last_updated) : Number.NaN;
  const name =
    typeof row.name === 'string' && row.name.trim() !== ''
      ? row.name.trim().slice(0, MAX_NAME_LENGTH)
      : asset;
  const imageUrl = trustedImage(row.image, trustedOrigin);
  // A time ahead of ours is not believed: the facts are as of now.
  const t = Number.isFinite(updated) && updated <= now ? updated : now;
  const week = (row.sparkline_in_7d as { price?: unknown } | null | undefined)?.price;
  const line7d = Array.isArray(week) ? weekLine(week, t) : undefined;
  const figures = {
    rank: rank !== undefined && Number.isInteger(rank) && rank > 0 ? rank : undefined,
    marketCap: size(row.market_cap),
    fullyDilutedValue: size(row.fully_diluted_valuation),
    circulatingSupply: size(row.circulating_supply),
    volume24h: size(row.total_volume),
    changePct1h: percent(row.price_change_percentage_1h_in_currency),
    changePct7d: percent(row.price_change_percentage_7d_in_currency),
  };
  return {
    asset,
    name,
    ...Object.fromEntries(Object.entries(figures).filter(([, value]) => value !== undefined)),
    ...(line7d && { line7d }),
    currency,
    t,
    ...(imageUrl && { imageUrl }),
  };
}

function trustedImage(raw: unknown, trustedOrigin: string | undefined): string | undefined {
  if (typeof raw !== 'string' || !URL.canParse(raw)) return undefined;
  const url = new URL(raw);
  if (trustedOrigin !== undefined && url.origin === trustedOrigin) return url.href;
  return url.protocol === 'https:' && IMAGE_HOST.test(url.hostname) ? url.href : undefined;
}
