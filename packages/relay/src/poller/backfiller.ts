import type { Logger } from 'pino';
import { withDeadline } from '../deadline.js';
import type { SourceCatalog } from '../sources/catalog.js';
import { isRefused } from '../sources/markets.js';
import type { PriceStore } from '../store/price-store.js';
import { usablePoints } from './quote-guard.js';
import { Backoff } from './source-health.js';

export interface BackfillerOptions {
  catalog: SourceCatalog;
  store: PriceStore;
  /** History points to fetch per symbol. */
  limit: number;
  /** A backfill not done within this is abandoned and retried later, ms. */
  deadlineMs: number;
  /** Backfills under way at once. */
  concurrency: number;
  log: Logger;
  now?: () => number;
}

/**
 * Fills the history of newly watched symbols so charts never start empty — beside polling,
 * never inside it: a slow or failing history endpoint cannot delay a price. Each backfill
 * has a deadline; a failed one is retried with backoff, a few at a time.
 */
export class Backfiller {
  private readonly done = new Set<string>();
  private readonly running = new Set<string>();
  private readonly retries = new Map<string, Backoff>();
  private readonly queue: string[] = [];
  private readonly now: () => number;
  private stopping = new AbortController();

  constructor(private readonly options: BackfillerOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Backfills those of `symbols` (every symbol watched now) not done yet and not waiting out a
   * backoff. Returns at once. A symbol no longer watched is forgotten, as the store forgets its
   * history: watched again, it is backfilled again.
   */
  request(symbols: readonly string[]): void {
    const watched = new Set(symbols);
    for (const symbol of this.done) if (!watched.has(symbol)) this.done.delete(symbol);
    for (const symbol of this.retries.keys()) if (!watched.has(symbol)) this.retries.delete(symbol);
    const now = this.now();
    for (const symbol of symbols) {
      if (this.done.has(symbol) || this.running.has(symbol) || this.queue.includes(symbol))
        continue;
      if (!(this.retries.get(symbol)?.available(now) ?? true)) continue;
      this.queue.push(symbol);
    }
    this.pump();
  }

  /** Abandons every backfill under way and forgets the queue. */
  stop(): void {
    this.stopping.abort(new Error('backfill stopped'));
    this.stopping = new AbortController();
    this.queue.length = 0;
  }

  private pump(): void {
    while (this.running.size < this.options.concurrency && this.queue.length > 0) {
      const symbol = this.queue.shift()!;
      this.running.add(symbol);
      void this.backfill(symbol).finally(() => {
        this.running.delete(symbol);
        this.pump();
      });
    }
  }

  private async backfill(symbol: string): Promise<void> {
    const { catalog, store, limit, deadlineMs, log } = this.options;
    const route = catalog.route(symbol);
    const source = catalog.sources.find(
      (candidate) => candidate.fetchHistory && catalog.sourceLists(candidate, symbol),
    );
    if (!source?.fetchHistory || isRefused(route) || !catalog.lists(symbol)) {
      this.done.add(symbol);
      return;
    }
    const stopped = this.stopping.signal;
    try {
      const points = await withDeadline(() => source.fetchHistory!(route.pair, limit), {
        timeoutMs: deadlineMs,
        signals: [stopped],
      });
      await store.backfill(symbol, usablePoints(points, this.now()));
      this.done.add(symbol);
      this.retries.delete(symbol);
    } catch (error) {
      if (stopped.aborted) return;
      let backoff = this.retries.get(symbol);
      if (!backoff) {
        backoff = new Backoff();
        this.retries.set(symbol, backoff);
      }
      backoff.failed(this.now());
      log.warn({ source: source.id, symbol, err: error }, 'backfill failed; retried later');
    }
  }
}
