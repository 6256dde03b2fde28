import {
  isAsset,
  isSymbol,
  normaliseSymbol,
  parseInstrument,
  splitSymbols,
  symbolOf,
} from '@tickwire/protocol';

/** What an element's `currency` and `source` attributes (or the page's choice) add to each symbol. */
export interface SymbolDefaults {
  currency?: string | null;
  source?: string | null;
}

/**
 * An attribute's symbols as the relay keys them: trimmed, upper-cased, de-duplicated, each
 * given the element's currency and source where it names none (`BTC` with `currency="EUR"`
 * is `BTC/EUR`; `ETH/BTC` stays in bitcoin). Split into well-formed and not.
 */
export function parseSymbols(
  attribute: string | null | undefined,
  { currency, source }: SymbolDefaults = {},
) {
  const { symbols, malformed } = splitSymbols(attribute ?? '');
  const defaults = {
    currency: currency ? currency.trim().toUpperCase() : undefined,
    // The same spelling a symbol's own `@source` gets.
    source: source ? normaliseSymbol(`@${source}`).slice(1) : undefined,
  };
  if (defaults.currency && !isAsset(defaults.currency))
    return { symbols: [], malformed: [`currency="${currency}"`] };
  const all = symbols.map((symbol) => {
    const instrument = parseInstrument(symbol);
    return symbolOf({
      base: instrument.base,
      currency: instrument.currency ?? defaults.currency,
      source: instrument.source ?? defaults.source,
    });
  });
  // A source attribute no relay could name makes every symbol it pins malformed.
  if (all.some((symbol) => !isSymbol(symbol)))
    return { symbols: [], malformed: [`source="${source}"`] };
  return { symbols: [...new Set(all)], malformed };
}

/**
 * A symbol as a reader sees it: without the source it is pinned to (the element shows the
 * source beside the price), and without a currency the price's own sign already says:
 * `BTC/EUR@kraken` on a euro card is `BTC`; `ETH/BTC` stays `ETH/BTC`.
 */
export function symbolLabel(symbol: string, impliedCurrency: string | undefined): string {
  const { base, currency } = parseInstrument(symbol);
  return currency && currency !== impliedCurrency ? `${base}/${currency}` : base;
}

/** What a reader should know about the symbols an element cannot show; undefined when none. */
export function symbolProblems(
  symbols: readonly string[],
  malformed: readonly string[],
  unknown: ReadonlySet<string>,
  refused: ReadonlyMap<string, string> = new Map(),
): string | undefined {
  const notes: string[] = [];
  if (malformed.length > 0) notes.push(`Not symbols: ${malformed.join(', ')}.`);
  const reasons = new Set(symbols.flatMap((symbol) => refused.get(symbol) ?? []));
  notes.push(...reasons);
  const unlisted = symbols.filter((symbol) => unknown.has(symbol) && !refused.has(symbol));
  if (unlisted.length > 0) notes.push(`The relay does not list ${unlisted.join(', ')}.`);
  if (symbols.length === 0 && malformed.length === 0)
    notes.push('No symbols: set symbols="BTC,ETH", for example.');
  return notes.length > 0 ? notes.join(' ') : undefined;
}
