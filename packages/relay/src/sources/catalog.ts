import type { Logger } from 'pino';
import { withDeadline } from '../deadline.js';
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
          const listing = await withDeadline(() => source.listSymbols(), { timeoutMs });
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
   * True if some source lists `symbol`, or might: while a source's listing is not loaded
   * (it was down at start) no symbol is called unknown.
   */
  lists(symbol: string): boolean {
    if (!this.complete) return true;
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
