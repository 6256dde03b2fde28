import type { Logger } from 'pino';
import type { PriceStore } from './price-store.js';

/** Why the store takes no writes, and since when. */
export interface WriteFailure {
  /** The store's own words (Redis: `OOM command not allowed when used memory > 'maxmemory'.`). */
  error: string;
  /** ms since the epoch of the first failure in the run under way */
  sinceMs: number;
}

/** What a write's outcome is told to: the relay's metrics. */
export interface WriteMetrics {
  failed(): void;
  writable(yes: boolean): void;
}

/**
 * Whether the shared store takes this relay's writes. A Redis that refuses them (full under
 * `maxmemory-policy noeviction`, a replica, read-only) leaves every poll unpublished while
 * readers see prices turn stale; this makes it visible (`/readyz`, a metric, one log line a
 * change) and clears when a write succeeds again.
 */
export class StoreWrites {
  private failure: WriteFailure | undefined;

  constructor(
    private readonly log: Logger,
    private readonly metrics?: WriteMetrics,
    private readonly now: () => number = Date.now,
  ) {
    metrics?.writable(true);
  }

  /** The failure under way, if writes fail now. */
  current(): WriteFailure | undefined {
    return this.failure;
  }

  /**
   * Waits for `write` and records how it went; its result or error passes through unchanged.
   * `reached(result)` says whether a write that resolved reached the store: a store skips
   * writes with nothing new (no quote changed, the same status), and such a skip proves
   * nothing about a store that refuses writes, so it must not clear a failure.
   */
  async record<T>(write: Promise<T>, reached: (result: T) => boolean = () => true): Promise<T> {
    try {
      const result = await write;
      if (this.failure && reached(result)) {
        this.log.info(
          { failedForMs: this.now() - this.failure.sinceMs },
          'the store takes writes again',
        );
        this.failure = undefined;
        this.metrics?.writable(true);
      }
      return result;
    } catch (error) {
      this.metrics?.failed();
      const message = reason(error);
      if (!this.failure) {
        this.log.error({ err: message }, 'the store refuses writes: prices are not published');
        this.failure = { error: message, sinceMs: this.now() };
        this.metrics?.writable(false);
      } else this.failure.error = message;
      throw error;
    }
  }
}

/**
 * `store` with its writes watched by `writes`: the poll's quotes, status, backfills and
 * forgetting. Reads pass straight through (a mirror answers them, whatever Redis does).
 * Only a write known to have reached the store clears a failure: quotes that made an event
 * and a backfill. A status or a forgetting resolves also when the store skipped it as
 * nothing new, so those only ever report failures (else a relay polling an unchanged market
 * on a full Redis would flap between ready and not).
 */
export function watchWrites(store: PriceStore, writes: StoreWrites): PriceStore {
  const never = () => false;
  return {
    appendQuotes: (quotes, t) =>
      writes.record(store.appendQuotes(quotes, t), (event) => event !== undefined),
    backfill: (symbol, points) => writes.record(store.backfill(symbol, points)),
    setSourceStatus: (sources) => writes.record(store.setSourceStatus(sources), never),
    forgetExcept: (watched) => writes.record(store.forgetExcept(watched), never),
    shareWatched: (symbols, forMs) => store.shareWatched(symbols, forMs),
    hasQuotes: () => store.hasQuotes(),
    status: () => store.status(),
    latest: (symbols) => store.latest(symbols),
    history: (symbols, limit) => store.history(symbols, limit),
    snapshot: (symbols, historyLimit) => store.snapshot(symbols, historyLimit),
    eventsAfter: (id) => store.eventsAfter(id),
    isAfter: (a, b) => store.isAfter(a, b),
    subscribe: (listener) => store.subscribe(listener),
    close: () => store.close(),
  };
}

/**
 * What went wrong, in the store's words. A Redis transaction that had a command refused fails
 * as `EXECABORT`; ioredis keeps the refusal itself (`OOM command not allowed …`) beside it.
 */
function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const previous = (error as { previousErrors?: unknown }).previousErrors;
  const first = Array.isArray(previous) ? previous[0] : undefined;
  return first instanceof Error ? first.message : error.message;
}
