import type { Logger } from 'pino';
import { isTimeout, withDeadline } from '../deadline.js';
import type { RelayMetrics } from '../metrics.js';
import type { SourceCatalog } from '../sources/catalog.js';
import type { Route } from '../sources/markets.js';
import type { CheckedQuote, FetchedQuote, SourceQuote } from '../sources/price-source.js';
import { SourceError } from '../sources/source-error.js';
import { type PollLease, SOLE_POLLER } from '../store/poll-lease.js';
import type { PriceStore } from '../store/price-store.js';
import type { WatchList } from '../watch-list.js';
import { Backfiller } from './backfiller.js';
import { QuoteGuard } from './quote-guard.js';
import { SourceHealth } from './source-health.js';
import { StreamFeed } from './stream-feed.js';

export interface PollerOptions {
  catalog: SourceCatalog;
  store: PriceStore;
  watchList: WatchList;
  intervalMs: number;
  /** History points to backfill for a newly watched symbol. */
  backfillLimit: number;
  /**
   * An upstream call not answered within this is abandoned and its source counted failed, ms.
   * Sources have deadlines of their own; this one holds whatever a source does.
   */
  callTimeoutMs: number;
  log: Logger;
  metrics: RelayMetrics;
  /** With several relays, only the holder of the lease polls. */
  lease?: PollLease;
  /** Publishes of a streaming source per second at most (`MAX_EVENTS_PER_SECOND`); default 4. */
  maxEventsPerSecond?: number;
  /** A stream silent this long is broken and its pairs polled by REST, ms; default 10 s. */
  streamStallMs?: number;
  now?: () => number;
}

/** How long a stream may say nothing before it is taken for broken, ms. */
export const STREAM_STALL_MS = 10_000;

/** Backfills under way at once: history is a nicety, never a flood of upstream calls. */
const BACKFILL_CONCURRENCY = 2;

/**
 * Owns the clock of upstream traffic: one batched call per source per interval for all
 * watched symbols together, whatever the number of clients. Sources are asked in order;
 * a failing one is skipped with backoff and a symbol one source lacks is taken from the
 * next. Polls never overlap: the next is scheduled when the last has finished, and every
 * call in a poll has a deadline, so no upstream can stall polling.
 */
export class Poller {
  private readonly health: Map<string, SourceHealth>;
  private readonly backfiller: Backfiller;
  private readonly guard = new QuoteGuard();
  private readonly now: () => number;
  private readonly callTimeoutMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  /** Aborted by `stop()`: calls under way are abandoned. */
  private stopping = new AbortController();
  private unwatch: (() => void) | undefined;
  /** True while this relay holds the poll lease. */
  private leading = false;
  private pausedByOperator = false;
  /** The interval now: `intervalMs` at start, then whatever an operator set. */
  private currentIntervalMs: number;
  /** The watched symbols the catalog listed at the last poll. */
  private lastWatched: string[] = [];
  /** The streaming sources' feeds, by source id. */
  private readonly feeds = new Map<string, StreamFeed>();
  /** Per streaming source, the watched symbols each followed pair prices. */
  private readonly streamRoutes = new Map<string, Map<string, SymbolRoute[]>>();

  constructor(private readonly options: PollerOptions) {
    this.now = options.now ?? Date.now;
    this.currentIntervalMs = options.intervalMs;
    this.callTimeoutMs = options.callTimeoutMs;
    this.backfiller = new Backfiller({
      catalog: options.catalog,
      store: options.store,
      limit: options.backfillLimit,
      deadlineMs: this.callTimeoutMs,
      concurrency: BACKFILL_CONCURRENCY,
      log: options.log,
      now: this.now,
    });
    this.health = new Map(
      options.catalog.sources.map((source) => [
        source.id,
        new SourceHealth(source.id, source.simulated),
      ]),
    );
    for (const source of options.catalog.sources) {
      const { stream } = source;
      if (!stream) continue;
      const feed = new StreamFeed({
        sourceId: source.id,
        stream,
        publish: (quotes) => this.publishStreamed(source.id, quotes),
        changed: () => void this.reportStatus(),
        maxEventsPerSecond: options.maxEventsPerSecond ?? 4,
        stallMs: options.streamStallMs ?? STREAM_STALL_MS,
        metrics: options.metrics,
        log: options.log,
        now: this.now,
      });
      this.feeds.set(source.id, feed);
      options.metrics.openSockets.set(source.id, () => stream.openSockets());
    }
  }

  get intervalMs(): number {
    return this.currentIntervalMs;
  }

  /** True while polling is paused by an operator: no upstream calls; prices turn stale at the TTL. */
  get paused(): boolean {
    return this.pausedByOperator;
  }

  /** True when this relay polled last time it tried: with Redis, one relay of the fleet does. */
  get leads(): boolean {
    return this.leading;
  }

  /** Changes the interval from the next poll on, for the whole fleet. */
  async setIntervalMs(ms: number): Promise<void> {
    this.currentIntervalMs = ms;
    await this.shareSettings();
  }

  /**
   * Pauses polling, the fleet's with it; resolves once a poll under way here, if any, has
   * finished its calls.
   */
  async pause(): Promise<void> {
    this.pausedByOperator = true;
    await this.shareSettings();
    await this.running;
  }

  async resume(): Promise<void> {
    this.pausedByOperator = false;
    await this.shareSettings();
  }

  private shareSettings(): Promise<void> {
    return (this.options.lease ?? SOLE_POLLER).share({
      paused: this.pausedByOperator,
      intervalMs: this.currentIntervalMs,
    });
  }

  /** Starts polling now, then every interval. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.stopping = new AbortController();
    this.unwatch = this.options.watchList.onAdded((symbols) => {
      if (!this.leading) return;
      this.backfiller.request(symbols);
      // A new symbol is subscribed at once, not at the next poll.
      if (!this.pausedByOperator) this.followStreams(this.watchedNow());
    });
    this.schedule(0);
  }

  /**
   * Stops the timer, abandons the calls of a poll under way, then gives up the lease so
   * another relay takes over at once. `keepLease` leaves it to expire, as a crash would (tests).
   */
  async stop({ keepLease = false } = {}): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.unwatch?.();
    this.stopping.abort(new Error('poller stopped'));
    this.backfiller.stop();
    for (const feed of this.feeds.values()) feed.close();
    await this.running;
    if (!keepLease) await (this.options.lease ?? SOLE_POLLER).release();
  }

  /**
   * One poll of every watched symbol; also what the timer runs. Its calls are abandoned
   * when `signal` aborts (the poll's deadline, or `stop()`).
   */
  async pollOnce(signal: AbortSignal = this.stopping.signal): Promise<void> {
    const { catalog, store, watchList, metrics } = this.options;
    // Every relay shares what its clients watch; only the lease holder polls for all of them.
    const watched = await store.shareWatched(watchList.symbols(), this.currentIntervalMs * 3);
    const lease = this.options.lease ?? SOLE_POLLER;
    // An operator's setting on any relay of the fleet is this one's too.
    const fleet = await lease.settings();
    if (fleet) {
      this.pausedByOperator = fleet.paused;
      this.currentIntervalMs = fleet.intervalMs;
    }
    this.leading = await lease.acquire();
    metrics.pollerLeader.set(this.leading ? 1 : 0);
    if (!this.leading || this.stopped) {
      // One socket for the fleet: only the lease holder streams.
      for (const feed of this.feeds.values()) feed.halt();
      return;
    }
    // What no reader of any relay watches any more is forgotten, here and in the shared store.
    await store.forgetExcept(watched);
    if (this.pausedByOperator) {
      for (const feed of this.feeds.values()) feed.halt();
      await store.setSourceStatus(this.sourceStatuses());
      return;
    }
    const endTimer = metrics.pollDuration.startTimer();
    if (!catalog.complete) await this.loadMissingListings();
    const symbols = watched.filter((symbol) => catalog.lists(symbol));
    this.guard.forgetExcept(
      new Set(symbols.map((symbol) => (catalog.route(symbol) as Route).pair)),
    );
    this.lastWatched = symbols;
    // Subscribes what became watched and unsubscribes what the watch list let go.
    this.followStreams(symbols);
    this.backfiller.request(symbols);
    const quotes = await this.fetchWithFailover(symbols, signal);
    const event = await store.appendQuotes(quotes, this.now());
    if (event) metrics.quotesServed.inc({ from: 'upstream' }, Object.keys(event.quotes).length);
    await store.setSourceStatus(this.sourceStatuses());
    endTimer();
  }

  private sourceStatuses() {
    return [...this.health.values()].map((health) => ({
      ...health.status(),
      ...this.feeds.get(health.id)?.status(),
    }));
  }

  /** Writes the sources' status now (a stream broke or came back), if this relay leads. */
  private async reportStatus(): Promise<void> {
    if (!this.leading || this.stopped) return;
    await this.options.store.setSourceStatus(this.sourceStatuses()).catch(() => undefined);
  }

  /**
   * What the fleet watched at the last poll and this relay's readers watch now, those the
   * catalog lists: between polls, what a stream follows only grows.
   */
  private watchedNow(): string[] {
    const { catalog, watchList } = this.options;
    this.lastWatched = [...new Set([...this.lastWatched, ...watchList.symbols()])].filter(
      (symbol) => catalog.lists(symbol),
    );
    return this.lastWatched;
  }

  /**
   * Tells each streaming source the pairs it is to follow: those of the symbols it would be
   * asked for first (it comes first in `SOURCES` among those listing them, or they are
   * pinned to it), with the symbols each pair prices.
   */
  private followStreams(symbols: readonly string[]): void {
    if (this.feeds.size === 0) return;
    const { catalog } = this.options;
    const routes = new Map(
      [...this.feeds.keys()].map((id) => [id, new Map<string, SymbolRoute[]>()]),
    );
    for (const symbol of symbols) {
      const first = catalog.sources.find((source) => catalog.sourceLists(source, symbol));
      const byPair = first && routes.get(first.id);
      if (!byPair) continue;
      const route = { ...(catalog.route(symbol) as Route), symbol };
      byPair.set(route.pair, [...(byPair.get(route.pair) ?? []), route]);
    }
    for (const [id, feed] of this.feeds) {
      const byPair = routes.get(id)!;
      this.streamRoutes.set(id, byPair);
      feed.sync(true, [...byPair.keys()]);
    }
  }

  /**
   * Publishes a streaming source's quotes by the same path as a poll's: each checked by the
   * quote guard, given to every symbol its pair prices, then the store (and the hub) as one event.
   */
  private async publishStreamed(sourceId: string, fetched: readonly FetchedQuote[]): Promise<void> {
    if (!this.leading || this.stopped) return;
    const { store, metrics, log } = this.options;
    const now = this.now();
    const routes = this.streamRoutes.get(sourceId);
    const quotes: SourceQuote[] = [];
    const problems: string[] = [];
    const held = new Set<string>();
    for (const quote of fetched) {
      const verdict = this.guard.check(quote, now);
      if (!verdict.ok) {
        problems.push(verdict.reason);
        held.add(quote.symbol);
        continue;
      }
      for (const { symbol, currency } of routes?.get(quote.symbol) ?? [])
        quotes.push({ ...verdict.quote, symbol, currency });
    }
    if (problems.length > 0) log.warn({ source: sourceId, problems }, 'streamed quotes held back');
    if (quotes.length === 0) return;
    const event = await store.appendQuotes(quotes, now);
    if (event) metrics.quotesServed.inc({ from: 'upstream' }, Object.keys(event.quotes).length);
    const published = this.now();
    for (const { symbol, ts } of fetched) {
      // The exchange's own event time of each quote served, where it gave one not ahead of ours.
      if (typeof ts === 'number' && ts <= published && routes?.has(symbol) && !held.has(symbol))
        metrics.sourceLag.observe({ source: sourceId }, (published - ts) / 1_000);
    }
    const health = this.health.get(sourceId);
    if (problems.length > 0) health?.partial(now, problems[0]!);
    else health?.succeeded(now);
  }

  /** Asks sources whose listing failed to load again, within their backoff like any other call. */
  private async loadMissingListings(): Promise<void> {
    const { catalog } = this.options;
    const failures = await catalog.refresh(
      (source) => !catalog.has(source) && this.health.get(source.id)!.available(this.now()),
      this.callTimeoutMs,
    );
    for (const [id, error] of failures) {
      this.health
        .get(id)
        ?.failed(
          this.now(),
          describe(error),
          error instanceof SourceError ? error.retryAfterMs : undefined,
        );
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      const started = this.now();
      // A poll's deadline: each source in turn may take a call's time, and one more for the store.
      const deadlineMs = this.callTimeoutMs * (this.options.catalog.sources.length + 1);
      this.running = withDeadline((signal) => this.pollOnce(signal), {
        timeoutMs: deadlineMs,
        signals: [this.stopping.signal],
      })
        .catch((error: unknown) => {
          if (!this.stopped) this.options.log.error({ err: error }, 'poll failed');
        })
        // Polls start one interval apart; a poll slower than that is followed at once, never overlapped.
        .finally(() => this.schedule(Math.max(0, this.currentIntervalMs - (this.now() - started))));
    }, delayMs);
  }

  /**
   * Asks each source in turn for the symbols still missing that it may answer — a symbol
   * pinned to a source of that source alone — in one call for their pairs: `BTC`, `BTC/USD`
   * and `BTC@binance` are one pair to Binance, asked once.
   */
  private async fetchWithFailover(symbols: string[], signal: AbortSignal): Promise<SourceQuote[]> {
    const { catalog, log, metrics } = this.options;
    const quotes: SourceQuote[] = [];
    let missing = symbols;
    for (const source of catalog.sources) {
      if (missing.length === 0) break;
      const health = this.health.get(source.id)!;
      const listed = missing.filter((symbol) => catalog.sourceLists(source, symbol));
      // What the source's stream priced within its deadline needs no REST call (0 while
      // streaming), whatever its REST side's backoff, and no other source either.
      const feed = this.feeds.get(source.id);
      const streamed = new Set(
        feed ? listed.filter((symbol) => feed.covers((catalog.route(symbol) as Route).pair)) : [],
      );
      if (streamed.size > 0) missing = missing.filter((symbol) => !streamed.has(symbol));
      if (!health.available(this.now())) continue;
      const asked = listed.filter((symbol) => !streamed.has(symbol));
      if (asked.length === 0) continue;
      if (signal.aborted) break;
      const routes = new Map(asked.map((symbol) => [symbol, catalog.route(symbol) as Route]));
      const pairs = new Set([...routes.values()].map((route) => route.pair));
      try {
        const answer = await withDeadline(() => source.fetchQuotes([...pairs]), {
          timeoutMs: this.callTimeoutMs,
          signals: [signal],
        });
        metrics.upstreamRequests.inc({ source: source.id, outcome: 'ok' });
        const problems: string[] = [];
        const notes: string[] = [];
        const byPair = new Map<string, CheckedQuote>();
        const now = this.now();
        for (const quote of answer) {
          if (!pairs.has(quote.symbol) || byPair.has(quote.symbol)) continue;
          const verdict = this.guard.check(quote, now);
          if (!verdict.ok) problems.push(verdict.reason);
          else {
            if (verdict.note) notes.push(verdict.note);
            byPair.set(quote.symbol, verdict.quote);
          }
        }
        const answered = new Set<string>();
        for (const [symbol, { pair, currency }] of routes) {
          const quote = byPair.get(pair);
          if (!quote) continue;
          quotes.push({ ...quote, symbol, currency });
          answered.add(symbol);
        }
        const lacking = asked.filter((symbol) => !answered.has(symbol));
        if (problems.length > 0) log.warn({ source: source.id, problems }, 'quotes held back');
        if (notes.length > 0) log.warn({ source: source.id, notes }, 'quote times corrected');
        // A source that answers but leaves symbols out is degraded, not down: the next
        // source fills the gaps and this one is asked again next time.
        if (lacking.length > 0)
          health.partial(this.now(), problems[0] ?? `no quote for ${lacking.join(', ')}`);
        else health.succeeded(this.now());
        missing = missing.filter((symbol) => !answered.has(symbol));
      } catch (error) {
        if (this.stopped) break;
        const retryAfterMs = error instanceof SourceError ? error.retryAfterMs : undefined;
        metrics.upstreamRequests.inc({ source: source.id, outcome: 'error' });
        health.failed(this.now(), describe(error), retryAfterMs);
        log.warn({ source: source.id, err: error, retryAfterMs }, 'source failed; trying the next');
      }
    }
    return quotes;
  }
}

/** One line about a failure, safe to show to readers: no stack, no URL credentials. */
function describe(error: unknown): string {
  // A deadline of ours, not the source's own word.
  if (isTimeout(error)) return 'timeout';
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 200);
}

/** A watched symbol and the route that prices it. */
type SymbolRoute = Route & { symbol: string };
