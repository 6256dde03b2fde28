import type { PricePoint, Quote, QuotesEvent, SourceStatus } from '../quote.js';
import type { SourceQuote } from '../sources/price-source.js';
import type { PriceStore, RelayStatus, Snapshot, StoreEvent } from './price-store.js';
import { RingBuffer } from './ring-buffer.js';

/** Settings shared by every `PriceStore`. */
export interface StoreOptions {
  /** A quote older than this is stale. */
  ttlMs: number;
  /** History points kept per symbol. */
  maxHistory: number;
  /** `quotes` events kept for resuming clients. */
  eventLogSize: number;
  now?: () => number;
}

/** A `PriceStore` in this process's memory: for a single relay. */
export class MemoryStore implements PriceStore {
  private readonly latestQuotes = new Map<string, Omit<Quote, 'stale'>>();
  private readonly histories = new Map<string, RingBuffer<PricePoint>>();
  private readonly log: RingBuffer<QuotesEvent>;
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  private readonly now: () => number;
  /** Distinguishes this process's event ids from a previous run's. */
  private readonly epoch = Date.now().toString(36);
  private sequence = 0;
  private currentStatus: RelayStatus = { sources: [], stale: [] };
  private statusKey = '';

  constructor(private readonly options: StoreOptions) {
    this.now = options.now ?? Date.now;
    this.log = new RingBuffer(options.eventLogSize);
  }

  async appendQuotes(quotes: readonly SourceQuote[], t: number): Promise<QuotesEvent | undefined> {
    const changed: Record<string, Quote> = {};
    let count = 0;
    for (const quote of quotes) {
      const previous = this.latestQuotes.get(quote.symbol);
      if (previous && previous.ts === quote.ts && previous.price === quote.price) continue;
      this.latestQuotes.set(quote.symbol, quote);
      this.pushHistory(quote.symbol, [quote.ts, quote.price]);
      changed[quote.symbol] = { ...quote, stale: this.isStale(quote) };
      count++;
    }
    if (count === 0) return undefined;
    const event: QuotesEvent = { id: `${this.epoch}-${++this.sequence}`, t, quotes: changed };
    this.log.push(event);
    this.emit({ type: 'quotes', event });
    return event;
  }

  async backfill(symbol: string, points: readonly PricePoint[]): Promise<void> {
    const existing = this.histories.get(symbol)?.last() ?? [];
    const firstKept = existing[0]?.[0] ?? Number.POSITIVE_INFINITY;
    const older = points.filter(([ms]) => ms < firstKept);
    const buffer = new RingBuffer<PricePoint>(this.options.maxHistory);
    for (const point of [...older, ...existing]) buffer.push(point);
    this.histories.set(symbol, buffer);
  }

  async setSourceStatus(sources: readonly SourceStatus[]): Promise<void> {
    const stale = [...this.latestQuotes.values()]
      .filter((quote) => this.isStale(quote))
      .map((quote) => quote.symbol)
      .sort();
    this.currentStatus = { sources: [...sources], stale };
    // lastOkTs moves on every good poll; only a change a reader would notice is news.
    const key = JSON.stringify([sources.map(({ lastOkTs: _, ...rest }) => rest), stale]);
    if (key === this.statusKey) return;
    this.statusKey = key;
    this.emit({ type: 'status', status: this.currentStatus });
  }

  async status(): Promise<RelayStatus> {
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
    const sequence = this.sequenceOf(id);
    if (sequence === undefined || sequence > this.sequence) return undefined;
    const oldest = this.log.peekFirst();
    // The event right after `id` must still be held, or the client would miss it.
    if (oldest && this.sequenceOf(oldest.id)! > sequence + 1) return undefined;
    return this.log.last().filter((event) => this.sequenceOf(event.id)! > sequence);
  }

  isAfter(a: string, b: string): boolean {
    return (this.sequenceOf(a) ?? 0) > (this.sequenceOf(b) ?? 0);
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }

  private sequenceOf(id: string): number | undefined {
    const [epoch, sequence, ...rest] = id.split('-');
    if (epoch !== this.epoch || rest.length > 0 || !sequence || !/^\d{1,15}$/.test(sequence)) {
      return undefined;
    }
    return Number(sequence);
  }

  private pushHistory(symbol: string, point: PricePoint): void {
    let buffer = this.histories.get(symbol);
    if (!buffer) {
      buffer = new RingBuffer(this.options.maxHistory);
      this.histories.set(symbol, buffer);
    }
    // Charts need strictly increasing times; a source repeating its timestamp adds nothing.
    const last = buffer.peekLast();
    if (last && point[0] <= last[0]) return;
    buffer.push(point);
  }

  private isStale(quote: Omit<Quote, 'stale'>): boolean {
    return this.now() - quote.ts > this.options.ttlMs;
  }

  private emit(event: StoreEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
