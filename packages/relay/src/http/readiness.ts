import type { SourceStatus } from '@tickwire/protocol';
import type { PriceStore } from '../store/price-store.js';
import type { StoreWrites } from '../store/store-writes.js';
import type { WatchList } from '../watch-list.js';

/** What `/readyz` answers: ready, or why not and, when it is the sources, which. */
export type Readiness =
  | { ready: true }
  | {
      ready: false;
      error: { code: 'no_quotes' | 'sources_unavailable' | 'store_unwritable'; message: string };
      sources?: SourceStatus[];
    };

/**
 * Whether the relay can serve prices: it has quotes, and either one of them is fresh or a
 * source may be asked for more. A relay whose every source waits out a backoff or a
 * Retry-After with nothing fresh to serve is not ready, and says which sources and why.
 */
export async function readiness(
  {
    store,
    watchList,
    storeWrites,
  }: { store: PriceStore; watchList: WatchList; storeWrites?: Pick<StoreWrites, 'current'> },
  now = Date.now(),
): Promise<Readiness> {
  // Polls that cannot be published leave every reader's prices to go stale: not ready.
  const failure = storeWrites?.current();
  if (failure) {
    const since = new Date(failure.sinceMs).toISOString();
    return {
      ready: false,
      error: {
        code: 'store_unwritable',
        message: `The store refuses writes since ${since}, so prices are not published: ${failure.error}`,
      },
    };
  }
  const { sources } = await store.status();
  if (!(await store.hasQuotes())) {
    // A source that cannot be reached (no route out of a container) is the usual reason: say it.
    const failing = sources.filter((source) => source.error);
    if (failing.length === 0) {
      return { ready: false, error: { code: 'no_quotes', message: 'No quotes yet.' } };
    }
    const named = failing.map(({ id, error }) => `${id} (${error})`).join(', ');
    return {
      ready: false,
      error: { code: 'no_quotes', message: `No quotes yet; failing: ${named}.` },
      sources: failing,
    };
  }
  const waiting = sources.filter((source) => source.retryAt !== undefined && source.retryAt > now);
  if (sources.length === 0 || waiting.length < sources.length) return { ready: true };
  const quotes = Object.values(await store.latest(watchList.symbols()));
  if (quotes.some((quote) => !quote.stale)) return { ready: true };
  const named = waiting.map(({ id, error }) => (error ? `${id} (${error})` : id)).join(', ');
  return {
    ready: false,
    error: {
      code: 'sources_unavailable',
      message: `No source can be asked now and no price is fresh: ${named}.`,
    },
    sources: waiting,
  };
}
