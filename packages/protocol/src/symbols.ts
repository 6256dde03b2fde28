/** Symbols are base assets, upper case, 1–15 letters or digits: `BTC`, `SHIB`, `1INCH`. */
export const SYMBOL_PATTERN = /^[A-Z0-9]{1,15}$/;

/** True for a well-formed symbol (upper case already). */
export const isSymbol = (value: unknown): value is string =>
  typeof value === 'string' && SYMBOL_PATTERN.test(value);

/**
 * Reads a comma-separated list of symbols as people write them: trimmed, case-insensitive,
 * duplicates dropped, in order; split into well-formed symbols and what is not one.
 */
export function splitSymbols(text: string): { symbols: string[]; malformed: string[] } {
  const all = [
    ...new Set(
      text
        .split(',')
        .map((symbol) => symbol.trim().toUpperCase())
        .filter((symbol) => symbol !== ''),
    ),
  ];
  return { symbols: all.filter(isSymbol), malformed: all.filter((symbol) => !isSymbol(symbol)) };
}
