import {
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
 * An attribute's symbols as the relay keys them: the protocol's `splitSymbols` (trimmed,
 * upper-cased, de-duplicated, split into well-formed and not) and what an element adds to
 * it — each symbol given the element's currency and source where it names none (`BTC` with
 * `currency="EUR"` is `BTC/EUR`; `ETH/BTC` stays in bitcoin).
 */
export function elementSymbols(
  attribute: string | null | undefined,
  { currency, source }: SymbolDefaults = {},
) {
  const { symbols, malformed } = splitSymbols(attribute ?? '');
  const unit = currency?.trim().toUpperCase();
  // Spelt as a symbol's own `@source`.
  const pin = source ? normaliseSymbol(`@${source}`).slice(1) : undefined;
  const all = symbols.map((symbol) => {
    const instrument = parseInstrument(symbol);
    instrument.currency ??= unit;
    instrument.source ??= pin;
    return symbolOf(instrument);
  });
  // A currency or source attribute no relay could name makes the symbols it touches
  // malformed, shown as written with it ("BTC/EURO DOLLARS"), and the element shows none.
  const bad = all.filter((symbol) => !isSymbol(symbol));
  if (bad.length > 0) return { symbols: [], malformed: bad };
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

/**
 * A name or a reader's text set into a sentence, isolated from it (FSI … PDI, as
 * `Intl.MessageFormat` does): in an Arabic or Hebrew sentence a list of Latin symbols would
 * otherwise read in the wrong order ("XRP، ADA") and a stop or dash beside one land on the
 * wrong side of it. Its slashes are joined (U+2060), as the converter's pair: Firefox ends a
 * line after one ("BTC/" … "JPY"). Invisible, and no change in a sentence of the names' own
 * direction.
 */
export const isolated = (text: string): string =>
  `\u2068${text.replaceAll('/', '\u2060/\u2060')}\u2069`;
