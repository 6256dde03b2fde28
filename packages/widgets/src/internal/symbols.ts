import { SYMBOL_PATTERN } from '../feed/protocol.js';

/** An attribute's symbols: trimmed, upper-cased, de-duplicated, split into well-formed and not. */
export function parseSymbols(attribute: string | null | undefined): {
  symbols: string[];
  malformed: string[];
} {
  const all = [
    ...new Set(
      (attribute ?? '')
        .split(',')
        .map((symbol) => symbol.trim().toUpperCase())
        .filter((symbol) => symbol !== ''),
    ),
  ];
  return {
    symbols: all.filter((symbol) => SYMBOL_PATTERN.test(symbol)),
    malformed: all.filter((symbol) => !SYMBOL_PATTERN.test(symbol)),
  };
}
