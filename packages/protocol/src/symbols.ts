/** Assets and currencies are upper case, 1–15 letters or digits: `BTC`, `SHIB`, `1INCH`, `EUR`. */
export const ASSET_PATTERN = /^[A-Z0-9]{1,15}$/;

/**
 * A symbol names what a reader wants priced (README, "Symbols"): a base asset, optionally
 * the quote currency it is priced in and the one source to take it from —
 * `BTC`, `BTC/EUR`, `ETH/BTC`, `BTC/EUR@kraken`. A symbol without a currency is priced in
 * the relay's default one; without a source, by the relay's first source that lists it.
 */
export const SYMBOL_PATTERN =
  /^[A-Z0-9]{1,15}(?:\/[A-Z0-9]{1,15})?(?:@[a-z0-9_]{1,30}(?::[a-z0-9_]{1,30})?)?$/;

/** A symbol taken apart. */
export interface Instrument {
  base: string;
  /** The quote currency, when the symbol names one. */
  currency?: string;
  /** The source it is pinned to, as written: `kraken`, `ccxt:kraken`, `binance`. */
  source?: string;
}

/** True for a well-formed asset or currency code (upper case already). */
export const isAsset = (value: unknown): value is string =>
  typeof value === 'string' && ASSET_PATTERN.test(value);

/** True for a well-formed symbol (normalised already: see `normaliseSymbol`). */
export const isSymbol = (value: unknown): value is string =>
  typeof value === 'string' && SYMBOL_PATTERN.test(value);

/** A symbol as people write it, in its one spelling: asset and currency upper case, source lower case. */
export function normaliseSymbol(text: string): string {
  const [pair = '', source] = text.trim().split('@', 2);
  const upper = pair.trim().toUpperCase();
  return source === undefined ? upper : `${upper}@${source.trim().toLowerCase()}`;
}

/** Takes a well-formed symbol apart. */
export function parseInstrument(symbol: string): Instrument {
  const [, base = '', currency, source] = /^([^/@]*)(?:\/([^@]*))?(?:@(.*))?$/.exec(symbol) ?? [];
  return { base, ...(currency && { currency }), ...(source && { source }) };
}

/** Writes an instrument as its symbol: `{base: "BTC", currency: "EUR"}` → `BTC/EUR`. */
export const symbolOf = ({ base, currency, source }: Instrument): string =>
  `${base}${currency ? `/${currency}` : ''}${source ? `@${source}` : ''}`;

/**
 * Reads a comma-separated list of symbols as people write them: trimmed, case-insensitive,
 * duplicates dropped, in order; split into well-formed symbols and what is not one.
 */
export function splitSymbols(text: string): { symbols: string[]; malformed: string[] } {
  const all = [
    ...new Set(
      text
        .split(',')
        .map(normaliseSymbol)
        .filter((symbol) => symbol !== ''),
    ),
  ];
  return { symbols: all.filter(isSymbol), malformed: all.filter((symbol) => !isSymbol(symbol)) };
}
