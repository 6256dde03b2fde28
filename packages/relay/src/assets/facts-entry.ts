import type { FetchedFacts } from '../sources/price-source.js';
import type { CachedCandles } from '../store/candle-cache.js';

/**
 * What one fetch learnt of one item in one currency, as kept in the shared cache: an asset's
 * facts (absent: the source does not know the asset, or has no facts in the currency), or the
 * top by market cap (absent: the source ranks nothing in the currency).
 */
export interface FactsEntry {
  /** When this relay, or another on the same Redis, fetched it, ms. */
  fetchedAt: number;
  facts?: FetchedFacts;
  top?: FetchedFacts[];
}

/**
 * The entry as the shared answer cache (the candle cache: a body, an expiry, a claim) holds it.
 * It expires when it is due for a refresh, so every relay on a Redis sees the one fetch.
 */
export const cachedEntry = (entry: FactsEntry, expiresAt: number): CachedCandles => ({
  body: JSON.stringify(entry),
  // Facts are never served as they are cached: no validator is needed.
  etag: '',
  expiresAt,
});

/** An entry read back from the cache, like any shared value: a damaged one is no entry. */
export function readEntry(cached: CachedCandles): FactsEntry | undefined {
  try {
    const entry = JSON.parse(cached.body) as Partial<FactsEntry> | null;
    if (typeof entry?.fetchedAt !== 'number') return undefined;
    const facts = isFacts(entry.facts) ? entry.facts : undefined;
    const top = Array.isArray(entry.top) ? entry.top.filter(isFacts) : undefined;
    return { fetchedAt: entry.fetchedAt, ...(facts && { facts }), ...(top && { top }) };
  } catch {
    return undefined;
  }
}

const isFacts = (value: unknown): value is FetchedFacts => {
  const facts = value as Partial<FetchedFacts> | undefined;
  return (
    typeof facts?.asset === 'string' &&
    typeof facts.name === 'string' &&
    typeof facts.currency === 'string' &&
    typeof facts.t === 'number'
  );
};
