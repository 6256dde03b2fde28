import { parseInstrument, type Refusal } from '@tickwire/protocol';

/** Where the relay takes one symbol's price from (docs/operating.md, "Currencies and sources"). */
export interface Route {
  /** The instrument every source is asked for: `BTC/USD`, `ETH/BTC`, always with its currency. */
  pair: string;
  /** The currency of its price. */
  currency: string;
  /** The one source it is pinned to (an id in `SOURCES`); absent = the first source that lists it. */
  sourceId?: string;
}

/** True when `route` says why a symbol is refused (`Markets.route`), not where it comes from. */
export const isRefused = (route: Route | Refusal): route is Refusal => 'code' in route;

/**
 * The relay's markets: the quote currencies it serves (`CURRENCIES`, the first the default)
 * and the sources a reader may pin a symbol to (`SOURCES`). Turns a reader's symbol into a
 * route, or into the reason it cannot be served.
 */
export class Markets {
  constructor(
    readonly currencies: readonly string[],
    readonly sourceIds: readonly string[],
  ) {}

  /** The currency of symbols that name none. */
  get defaultCurrency(): string {
    return this.currencies[0]!;
  }

  /**
   * The route of a well-formed symbol, or why this relay cannot serve it: a currency it does
   * not serve, a source it does not use. (A pair no source lists is not refused here: it is
   * reported unknown, like an unknown asset.)
   */
  route(symbol: string): Route | Refusal {
    const { base, currency = this.defaultCurrency, source } = parseInstrument(symbol);
    if (!this.currencies.includes(currency)) {
      const currencies = [...this.currencies];
      const message = `${currency} is not a currency this relay serves; it serves ${currencies.join(', ')}.`;
      return { code: 'currency_not_served', currency, currencies, message };
    }
    const sourceId = source === undefined ? undefined : this.sourceIdOf(source);
    if (source !== undefined && sourceId === null) {
      const sources = [...this.sourceIds];
      const message = `'${source}' is not a source of this relay; its sources are ${sources.join(', ')}.`;
      return { code: 'unknown_source', source, sources, message };
    }
    return { pair: `${base}/${currency}`, currency, ...(sourceId && { sourceId }) };
  }

  /** A source as a reader names it: its id (`ccxt:kraken`), or a ccxt exchange's bare name (`kraken`). */
  private sourceIdOf(written: string): string | null {
    if (this.sourceIds.includes(written)) return written;
    const ccxtId = `ccxt:${written}`;
    return this.sourceIds.includes(ccxtId) ? ccxtId : null;
  }
}
