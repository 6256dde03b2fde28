import type { Logger } from 'pino';
import type { PriceSource } from './price-source.js';

/**
 * Which source lists which symbols. A symbol no source lists is unknown: the relay says so
 * (`snapshot.unknown`) instead of inventing a price.
 */
export class SourceCatalog {
  private readonly listings = new Map<string, ReadonlySet<string>>();

  constructor(
    readonly sources: readonly PriceSource[],
    private readonly log: Logger,
  ) {}

  /**
   * Loads every source's listing. A source that cannot answer now keeps its previous
   * listing (none at first) and is asked again on the next refresh.
   */
  async refresh(): Promise<void> {
    await Promise.all(
      this.sources.map(async (source) => {
        try {
          this.listings.set(source.id, await source.listSymbols());
        } catch (error) {
          this.log.warn({ source: source.id, err: error }, 'could not load the listing');
        }
      }),
    );
  }

  /** True once every source has answered with its listing. */
  get complete(): boolean {
    return this.sources.every((source) => this.listings.has(source.id));
  }

  /** True if some source lists `symbol`. */
  lists(symbol: string): boolean {
    for (const listing of this.listings.values()) if (listing.has(symbol)) return true;
    return false;
  }

  /** True if `source` lists `symbol`; a source whose listing is not loaded is asked anyway. */
  sourceLists(source: PriceSource, symbol: string): boolean {
    return this.listings.get(source.id)?.has(symbol) ?? true;
  }

  /** Every listed symbol, sorted. */
  all(): string[] {
    const symbols = new Set<string>();
    for (const listing of this.listings.values()) for (const symbol of listing) symbols.add(symbol);
    return [...symbols].sort();
  }
}
