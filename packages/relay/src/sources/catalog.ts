import { parseInstrument, type Refusal } from '@tickwire/protocol';
import type { Logger } from 'pino';
import { withDeadline } from '../deadline.js';
import { isRefused, type Markets, type Route } from './markets.js';
import type { PriceSource } from './price-source.js';

/**
 * Which source lists which pairs, and so where each symbol's price comes from. A symbol no
 * source lists (or not the source it is pinned to) is unknown: the relay says so
 * (`snapshot.unknown`) instead of inventing a price.
 */
export class SourceCatalog {
  /** Per source, the pairs it lists: `BTC/USD`, `ETH/BTC`. */
  private readonly listings = new Map<string, ReadonlySet<string>>();

  constructor(
    readonly sources: readonly PriceSource[],
    readonly markets: Markets,
    private readonly log: Logger,
  ) {}

  /** Where a symbol's price comes from, or why this relay cannot serve it (`Markets.route`). */
  route(symbol: string): Route | Refusal {
    return this.markets.route(symbol);
  }

  /**
   * Loads the listings of the sources `which` selects (all by default). A source that cannot
   * answer keeps its previous listing (none at first); its error is returned so the caller
   * can back off before asking again. A listing not loaded within `timeoutMs` counts as failed.
   */
  async refresh(
    which: (source: PriceSource) => boolean = () => true,
    timeoutMs = 15_000,
  ): Promise<Map<string, unknown>> {
    const failures = new Map<string, unknown>();
    await Promise.all(
      this.sources.filter(which).map(async (source) => {
        try {
          const listing = await withDeadline(() => source.listPairs(), { timeoutMs });
          this.listings.set(source.id, listing);
        } catch (error) {
          failures.set(source.id, error);
          this.log.warn({ source: source.id, err: error }, 'could not load the listing');
        }
      }),
    );
    return failures;
  }

  /** True when `source`'s listing is loaded. */
  has(source: PriceSource): boolean {
    return this.listings.has(source.id);
  }

  /** True once every source has answered with its listing. */
  get complete(): boolean {
    return this.sources.every((source) => this.listings.has(source.id));
  }

  /**
   * True if a source `symbol` may come from lists it, or might: while a source's listing is
   * not loaded (it was down at start) it is not called unknown. A symbol the relay cannot
   * serve at all (`route` gives a reason) is not listed.
   */
  lists(symbol: string): boolean {
    return this.sources.some((source) => this.sourceLists(source, symbol));
  }

  /**
   * True if `symbol` may be asked of `source`: the source is the one it is pinned to, if
   * any, and lists its pair; a source whose listing is not loaded is asked anyway.
   */
  sourceLists(source: PriceSource, symbol: string): boolean {
    const route = this.route(symbol);
    if (isRefused(route)) return false;
    if (route.sourceId !== undefined && route.sourceId !== source.id) return false;
    return this.listings.get(source.id)?.has(route.pair) ?? true;
  }

  /** Every listed pair as readers write it (`BTC` in the default currency, `BTC/EUR`), sorted. */
  all(): string[] {
    const suffix = `/${this.markets.defaultCurrency}`;
    const symbols = new Set<string>();
    for (const listing of this.listings.values()) {
      for (const pair of listing) {
        if (!this.markets.currencies.includes(parseInstrument(pair).currency ?? '')) continue;
        symbols.add(pair.endsWith(suffix) ? pair.slice(0, -suffix.length) : pair);
      }
    }
    return [...symbols].sort();
  }
}
