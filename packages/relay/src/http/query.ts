import {
  ASSET_PATTERN,
  CANDLE_RANGES,
  type CandleRange,
  isCandleRange,
  splitSymbols,
} from '@tickwire/protocol';
import { isRefused, type Markets } from '../sources/markets.js';
import { HttpError } from './errors.js';

/** The longest query value the relay reads; anything longer is refused, not parsed. */
const MAX_QUERY_VALUE_LENGTH = 2_048;

/** One query parameter as a string: repeated parameters are joined with commas. */
function queryValue(raw: unknown, name: string): string | undefined {
  if (raw === undefined) return undefined;
  const values = Array.isArray(raw) ? raw : [raw];
  if (!values.every((value) => typeof value === 'string')) {
    throw new HttpError(400, 'bad_query', `'${name}' must be plain text.`);
  }
  const value = values.join(',');
  if (value.length > MAX_QUERY_VALUE_LENGTH) {
    throw new HttpError(
      400,
      'bad_query',
      `'${name}' is longer than ${MAX_QUERY_VALUE_LENGTH} characters.`,
    );
  }
  return value;
}

/**
 * The symbols a request asks for in `symbols`: the protocol's `splitSymbols` (trimmed,
 * case-insensitive, duplicates dropped) and what a request adds to it — missing or empty
 * means `defaults`; a malformed symbol, more than `max`, or, when `markets` is given, one in a
 * currency or from a source the relay does not have, is a 400 saying which.
 */
export function requestedSymbols(
  raw: unknown,
  defaults: readonly string[],
  max: number,
  markets?: Markets,
): string[] {
  const { symbols, malformed } = splitSymbols(queryValue(raw, 'symbols') ?? '');
  if (symbols.length === 0 && malformed.length === 0) return [...defaults];
  if (malformed.length > 0) {
    const shown = malformed[0]!.slice(0, 20);
    throw new HttpError(
      400,
      'bad_symbol',
      `'${shown}' is not a symbol: symbols are assets such as BTC, or pairs such as BTC/EUR.`,
    );
  }
  for (const symbol of symbols) {
    const route = markets?.route(symbol);
    if (route && isRefused(route)) throw new HttpError(400, 'unsupported_symbol', route.message);
  }
  if (symbols.length > max) {
    throw new HttpError(
      400,
      'too_many_symbols',
      `At most ${max} symbols per request; ${symbols.length} were asked.`,
    );
  }
  return symbols;
}

/** The one symbol a request asks for in `symbol` (`requestedSymbols` with a limit of one). */
export function requestedSymbol(raw: unknown, markets: Markets): string {
  const symbols = requestedSymbols(raw, [], 1, markets);
  if (symbols.length === 0) {
    throw new HttpError(400, 'bad_symbol', "Name one symbol, such as '?symbol=BTC'.");
  }
  return symbols[0]!;
}

/**
 * The assets a request names in `symbols` (`/v1/assets`): symbols by the same rule, each a
 * bare asset — `BTC`, not `BTC/EUR` (the currency has its own parameter); missing or empty
 * means `defaults`.
 */
export function requestedAssets(raw: unknown, defaults: readonly string[], max: number): string[] {
  const assets = requestedSymbols(raw, defaults, max);
  const pair = assets.find((asset) => !ASSET_PATTERN.test(asset));
  if (pair !== undefined) {
    throw new HttpError(
      400,
      'bad_symbol',
      `'${pair.slice(0, 20)}' is not an asset: name assets such as BTC, and the currency in 'currency'.`,
    );
  }
  return assets;
}

/** Reads `currency`: one the relay serves (`markets`), case-insensitive; its default when absent. */
export function parseCurrency(raw: unknown, markets: Markets): string {
  const value = queryValue(raw, 'currency')?.trim().toUpperCase();
  if (value === undefined || value === '') return markets.defaultCurrency;
  if (!ASSET_PATTERN.test(value) || !markets.currencies.includes(value)) {
    throw new HttpError(
      400,
      'unsupported_currency',
      `'${value.slice(0, 20)}' is not a currency this relay serves; it serves ${markets.currencies.join(', ')}.`,
    );
  }
  return value;
}

/** Reads a chart's `range`: one of `CANDLE_RANGES`, `24h` when absent. */
export function parseRange(raw: unknown): CandleRange {
  const value = queryValue(raw, 'range');
  if (value === undefined || value === '') return '24h';
  if (!isCandleRange(value)) {
    throw new HttpError(
      400,
      'bad_range',
      `'range' must be one of ${Object.keys(CANDLE_RANGES).join(', ')}.`,
    );
  }
  return value;
}

/** Reads a whole number in `[min, max]`, or `fallback` when absent. */
export function parseInteger(
  raw: unknown,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  const value = queryValue(raw, name);
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,9}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new HttpError(
      400,
      'bad_query',
      `'${name}' must be a whole number from ${min} to ${max}.`,
    );
  }
  return Number(value);
}

/** Event ids are short and printable; anything else is ignored (the client gets a snapshot). */
export function parseLastEventId(header: unknown, query: unknown): string | undefined {
  // Never an error: a client with an id the relay cannot use simply gets a fresh snapshot.
  const value =
    typeof header === 'string' && header !== ''
      ? header
      : typeof query === 'string'
        ? query
        : undefined;
  if (!value || value.length > 64 || !/^[\w.:-]+$/.test(value)) return undefined;
  return value;
}
