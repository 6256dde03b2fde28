import {
  type PricePoint,
  type Quote,
  type SourceStatus,
  type StatusData,
  TICK_WINDOW_MS,
} from '@tickwire/protocol';
import type { SourceQuote } from '../sources/price-source.js';
import { compareEventIds, isEventId } from './event-id.js';
import {
  noticeableStatus,
  type PriceStore,
  type QuotesEvent,
  type Snapshot,
  type StoreEvent,
} from './price-store.js';
import { RingBuffer } from './ring-buffer.js';

/** How often staleness is checked against the clock, ms. */
const STALE_CHECK_MS = 1_000;

/**
 * Quotes the event log holds in all, whatever its count of events: an event holds every quote
 * that changed in its poll, so a thousand polls of five thousand symbols would be five million
 * quotes (gigabytes; a logged quote costs ~600 B of heap, docs/benchmarks.md "forget").
 * 25,000 is ~15 MiB: 50 polls of a relay watching 500 symbols, 500 of one watching 50. A
 * client resumes from anything newer, and gets a snapshot from anything older.
 */
const MAX_LOGGED_QUOTES = 25_000;

/** Settings shared by every `PriceStore`. */
export interface StoreOptions {
  /** A quote older than this is stale. */
  ttlMs: number;
  /** History points kept per symbol, however old. */
  maxHistory: number;
  /**
   * Beyond `maxHistory`, every point of the tick chart's window (`TICK_WINDOW_MS`) up to this
   * many per symbol (`tickHistoryPoints`): a streamed symbol's updates, so that a reader who
   * reconnects is drawn the last 5 minutes again. None by default.
   */
  tickHistoryPoints?: number;
  /** `quotes` events kept for resuming clients. */
  eventLogSize: number;
  /** The clock, ms; `Date.now` when absent (tests pass a fake one). */
  now?: () => number;
}

/** Points a symbol's history holds at the most: the bound on its memory. */
export const historyCapacity = (options: StoreOptions): number =>
  Math.max(options.maxHistory, options.tickHistoryPoints ?? 0);

/**
 * A `PriceStore` in this process's memory: the whole store of a single relay, and the local
 * mirror each relay keeps of a shared Redis store.
 */
export class MemoryStore implements PriceStore {
  private readonly latestQuotes = new Map<string, SourceQuote>();
  private readonly histories = new Map<string, RingBuffer<PricePoint>>();
  private readonly log: RingBuffer<QuotesEvent>;
  private loggedQuotes = 0;
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  private readonly now: () => number;
  /**
   * The first part of every event id: the real time this store started, not `now()`, so ids
   * of a restarted relay (or of a test's fake clock) never repeat an earlier store's.
   */
  private readonly startedMs = Date.now();
  private sequence = 0;
  private currentStatus: StatusData = { sources: [], stale: [] };
  private statusKey = '';
  private readonly staleTimer: NodeJS.Timeout;

  constructor(private readonly options: StoreOptions) {
    this.now = options.now ?? Date.now;
    this.log = new RingBuffer(options.eventLogSize);
    // The TTL is a promise about the clock, not about polls: a stuck or paused poller must
    // not keep a price "live". Readers hear of it within a second.
    this.staleTimer = setInterval(() => this.refreshStale(), STALE_CHECK_MS);
    this.staleTimer.unref();
  }

  async appendQuotes(quotes: readonly SourceQuote[], t: number): Promise<QuotesEvent | undefined> {
    const changed = this.changedQuotes(quotes);
    if (Object.keys(changed).length === 0) return undefined;
    const event: QuotesEvent = { id: `${this.startedMs}-${++this.sequence}`, t, quotes: changed };
    this.ingest(event);
    return event;
  }

  /** The quotes that are news (a new time, price or source), marked stale or not. */
  changedQuotes(quotes: readonly SourceQuote[]): Record<string, Quote> {
    const changed: Record<string, Quote> = {};
    for (const quote of quotes) {
      const previous = this.latestQuotes.get(quote.symbol);
      if (
        previous &&
        previous.ts === quote.ts &&
        previous.price === quote.price &&
        previous.source === quote.source
      )
        continue;
      changed[quote.symbol] = { ...quote, stale: this.isStale(quote) };
    }
    return changed;
  }

  /** Loads state read from a shared store at start: latest quotes, histories, status, recent events. */
  restore(state: {
    quotes: readonly SourceQuote[];
    histories: Record<string, PricePoint[]>;
    status: StatusData | undefined;
    events: readonly QuotesEvent[];
  }): void {
    for (const quote of state.quotes) this.latestQuotes.set(quote.symbol, quote);
    for (const [symbol, points] of Object.entries(state.histories)) {
      for (const point of points) this.pushHistory(symbol, point);
    }
    for (const event of state.events) this.logEvent(event);
    if (state.status) this.currentStatus = state.status;
  }

  /** Records an event whose id was given elsewhere (a shared log) and tells the listeners. */
  ingest(event: QuotesEvent): void {
    const last = this.log.peekLast();
    if (last && compareEventIds(event.id, last.id) <= 0) return;
    for (const quote of Object.values(event.quotes)) {
      const { stale: _, ...sourceQuote } = quote;
      this.latestQuotes.set(quote.symbol, sourceQuote);
      this.pushHistory(quote.symbol, [quote.ts, quote.price]);
    }
    this.logEvent(event);
    this.emit({ type: 'quotes', event });
  }

  /** Keeps `event` for resuming clients, within the log's count of events and of quotes. */
  private logEvent(event: QuotesEvent): void {
    const quotesIn = (logged: QuotesEvent) => Object.keys(logged.quotes).length;
    const dropped = this.log.push(event);
    this.loggedQuotes += quotesIn(event) - (dropped ? quotesIn(dropped) : 0);
    while (this.loggedQuotes > MAX_LOGGED_QUOTES && this.log.size > 1)
      this.loggedQuotes -= quotesIn(this.log.shift()!);
  }

  async backfill(symbol: string, points: readonly PricePoint[]): Promise<void> {
    const existing = this.histories.get(symbol)?.last() ?? [];
    const firstKept = existing[0]?.[0] ?? Number.POSITIVE_INFINITY;
    const older = points.filter(([ms]) => ms < firstKept);
    const buffer = new RingBuffer<PricePoint>(historyCapacity(this.options));
    for (const point of [...older, ...existing]) buffer.push(point);
    this.keepWindow(buffer);
    this.histories.set(symbol, buffer);
  }

  async setSourceStatus(sources: readonly SourceStatus[]): Promise<void> {
    this.applyStatus({ sources: [...sources], stale: this.staleSymbols() });
  }

  /** Takes a status as it is (from a shared log) and tells the listeners if a reader would notice. */
  applyStatus(status: StatusData): void {
    this.currentStatus = status;
    const key = noticeableStatus(status);
    if (key === this.statusKey) return;
    this.statusKey = key;
    this.emit({ type: 'status', status });
  }

  /** Re-checks which prices have passed the TTL; tells the listeners when that set changed. */
  private refreshStale(): void {
    this.applyStatus({ sources: this.currentStatus.sources, stale: this.staleSymbols() });
  }

  /** Symbols whose latest price is older than the TTL, sorted. */
  staleSymbols(): string[] {
    return [...this.latestQuotes.values()]
      .filter((quote) => this.isStale(quote))
      .map((quote) => quote.symbol)
      .sort();
  }

  async status(): Promise<StatusData> {
    return this.currentStatus;
  }

  async hasQuotes(): Promise<boolean> {
    return this.latestQuotes.size > 0;
  }

  async latest(symbols: readonly string[]): Promise<Record<string, Quote>> {
    const quotes: Record<string, Quote> = {};
    for (const symbol of symbols) {
      const quote = this.latestQuotes.get(symbol);
      if (quote) quotes[symbol] = { ...quote, stale: this.isStale(quote) };
    }
    return quotes;
  }

  async history(symbols: readonly string[], limit: number): Promise<Record<string, PricePoint[]>> {
    const history: Record<string, PricePoint[]> = {};
    for (const symbol of symbols) {
      const buffer = this.histories.get(symbol);
      if (buffer) history[symbol] = buffer.last(limit);
    }
    return history;
  }

  async snapshot(symbols: readonly string[], historyLimit: number): Promise<Snapshot> {
    return {
      lastEventId: this.log.peekLast()?.id,
      quotes: await this.latest(symbols),
      history: await this.history(symbols, historyLimit),
      status: this.currentStatus,
    };
  }

  async eventsAfter(id: string): Promise<QuotesEvent[] | undefined> {
    if (!isEventId(id)) return undefined;
    const events = this.log.last();
    // Only an id the log still holds proves that nothing between it and now is missing.
    if (!events.some((event) => event.id === id)) return undefined;
    return events.filter((event) => compareEventIds(event.id, id) > 0);
  }

  isAfter(a: string, b: string): boolean {
    return compareEventIds(a, b) > 0;
  }

  async forgetExcept(watched: readonly string[]): Promise<void> {
    this.forget(this.symbolsExcept(watched));
  }

  /** The symbols held that are not in `watched`. */
  symbolsExcept(watched: readonly string[]): string[] {
    const kept = new Set(watched);
    return [...new Set([...this.latestQuotes.keys(), ...this.histories.keys()])].filter(
      (symbol) => !kept.has(symbol),
    );
  }

  /** Drops `symbols`' quotes and histories; listeners hear of the shorter stale list. */
  forget(symbols: readonly string[]): void {
    if (symbols.length === 0) return;
    for (const symbol of symbols) {
      this.latestQuotes.delete(symbol);
      this.histories.delete(symbol);
    }
    this.refreshStale();
  }

  async shareWatched(symbols: readonly string[]): Promise<string[]> {
    return [...symbols];
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    clearInterval(this.staleTimer);
    this.listeners.clear();
  }

  private pushHistory(symbol: string, point: PricePoint): void {
    let buffer = this.histories.get(symbol);
    if (!buffer) {
      buffer = new RingBuffer(historyCapacity(this.options));
      this.histories.set(symbol, buffer);
    }
    // Charts need strictly increasing times; a source repeating its timestamp adds nothing.
    const last = buffer.peekLast();
    if (last && point[0] <= last[0]) return;
    buffer.push(point);
    this.keepWindow(buffer);
  }

  /**
   * Past `maxHistory` points, a history keeps only the tick window before its newest: a
   * polled symbol keeps its `maxHistory`, a streamed one its last 5 minutes of updates.
   */
  private keepWindow(buffer: RingBuffer<PricePoint>): void {
    const since = (buffer.peekLast()?.[0] ?? 0) - TICK_WINDOW_MS;
    while (buffer.size > this.options.maxHistory && buffer.peekFirst()![0] < since) buffer.shift();
  }

  private isStale(quote: SourceQuote): boolean {
    return this.now() - quote.ts > this.options.ttlMs;
  }

  private emit(event: StoreEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
