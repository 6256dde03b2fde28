import type { Logger } from 'pino';
import type { RelayMetrics } from '../metrics.js';
import type { SourceCatalog } from '../sources/catalog.js';
import type { SourceQuote } from '../sources/price-source.js';
import type { PriceStore } from '../store/price-store.js';
import type { WatchList } from '../watch-list.js';
import { SourceHealth } from './source-health.js';

export interface PollerOptions {
  catalog: SourceCatalog;
  store: PriceStore;
  watchList: WatchList;
  intervalMs: number;
  /** History points to backfill for a newly watched symbol. */
  backfillLimit: number;
  log: Logger;
  metrics: RelayMetrics;
  now?: () => number;
}

/**
 * Owns the clock of upstream traffic: one batched call per source per interval for all
 * watched symbols together, whatever the number of clients. Sources are asked in order;
 * a failing one is skipped with backoff and a symbol one source lacks is taken from the
 * next. Polls never overlap: the next is scheduled when the last has finished.
 */
export class Poller {
  private readonly health: Map<string, SourceHealth>;
  private readonly backfilled = new Set<string>();
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private unwatch: (() => void) | undefined;

  constructor(private readonly options: PollerOptions) {
    this.now = options.now ?? Date.now;
    this.health = new Map(
      options.catalog.sources.map((source) => [
        source.id,
        new SourceHealth(source.id, source.simulated),
      ]),
    );
  }

  get intervalMs(): number {
    return this.options.intervalMs;
  }

  /** Starts polling now, then every interval. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unwatch = this.options.watchList.onAdded((symbols) => {
      void this.backfill(symbols);
    });
    this.schedule(0);
  }

  /** Stops the timer and waits for a poll under way to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.unwatch?.();
    await this.running;
  }

  /** One poll of every watched symbol; also what the timer runs. */
  async pollOnce(): Promise<void> {
    const { catalog, store, watchList, metrics } = this.options;
    const endTimer = metrics.pollDuration.startTimer();
    if (!catalog.complete) await catalog.refresh();
    const symbols = watchList.symbols().filter((symbol) => catalog.lists(symbol));
    await this.backfill(symbols);
    const quotes = await this.fetchWithFailover(symbols);
    const event = await store.appendQuotes(quotes, this.now());
    if (event) metrics.quotesServed.inc({ from: 'upstream' }, Object.keys(event.quotes).length);
    await store.setSourceStatus([...this.health.values()].map((health) => health.status()));
    endTimer();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pollOnce()
        .catch((error: unknown) => this.options.log.error({ err: error }, 'poll failed'))
        .finally(() => this.schedule(this.options.intervalMs));
    }, delayMs);
  }

  /** Asks each source in turn for the symbols still missing. */
  private async fetchWithFailover(symbols: string[]): Promise<SourceQuote[]> {
    const { catalog, log, metrics } = this.options;
    const quotes: SourceQuote[] = [];
    let missing = symbols;
    for (const source of catalog.sources) {
      if (missing.length === 0) break;
      const health = this.health.get(source.id)!;
      if (!health.available(this.now())) continue;
      const asked = missing.filter((symbol) => catalog.sourceLists(source, symbol));
      if (asked.length === 0) continue;
      try {
        const answer = await source.fetchQuotes(asked);
        metrics.upstreamRequests.inc({ source: source.id, outcome: 'ok' });
        health.succeeded(this.now());
        quotes.push(...answer);
        const answered = new Set(answer.map((quote) => quote.symbol));
        missing = missing.filter((symbol) => !answered.has(symbol));
      } catch (error) {
        metrics.upstreamRequests.inc({ source: source.id, outcome: 'error' });
        health.failed(this.now(), describe(error));
        log.warn({ source: source.id, err: error }, 'source failed; trying the next');
      }
    }
    return quotes;
  }

  /** Fills the history of symbols seen for the first time, so charts never start empty. */
  private async backfill(symbols: readonly string[]): Promise<void> {
    const { catalog, store, backfillLimit, log } = this.options;
    for (const symbol of symbols) {
      if (this.backfilled.has(symbol) || !catalog.lists(symbol)) continue;
      this.backfilled.add(symbol);
      const source = catalog.sources.find(
        (candidate) => candidate.fetchHistory && catalog.sourceLists(candidate, symbol),
      );
      if (!source?.fetchHistory) continue;
      try {
        await store.backfill(symbol, await source.fetchHistory(symbol, backfillLimit));
      } catch (error) {
        this.backfilled.delete(symbol);
        log.warn({ source: source.id, symbol, err: error }, 'backfill failed');
      }
    }
  }
}

/** One line about a failure, safe to show to readers: no stack, no URL credentials. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 200);
}
