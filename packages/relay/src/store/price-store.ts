import type { PricePoint, Quote, QuotesData, SourceStatus, StatusData } from '@tickwire/protocol';
import type { SourceQuote } from '../sources/price-source.js';

/** One poll's news as the event log keeps it: the `quotes` event and its id (opaque, strictly increasing). */
export interface QuotesEvent extends QuotesData {
  id: string;
}

/**
 * A status as a reader would notice it, as a string to compare: the sources' states and
 * errors and the stale set. `lastOkTs` moves on every good poll and `retryAt` on every
 * failed try; neither alone is news.
 */
export function noticeableStatus({ sources, stale }: StatusData): string {
  return JSON.stringify([sources.map(({ lastOkTs: _, retryAt: __, ...rest }) => rest), stale]);
}

/** What the store tells its listeners: a new `quotes` event or a changed status. */
export type StoreEvent =
  | { type: 'quotes'; event: QuotesEvent }
  | { type: 'status'; status: StatusData };

/** Everything a new client needs at once, read consistently. */
export interface Snapshot {
  /** Id of the last event the snapshot includes; later events follow it. Absent before the first. */
  lastEventId?: string;
  quotes: Record<string, Quote>;
  history: Record<string, PricePoint[]>;
  status: StatusData;
}

/**
 * The relay's memory: latest quote per symbol, a capped history per symbol, a log of recent
 * `quotes` events for resuming clients, and the current status. In memory for one relay,
 * in Redis when several share the work.
 */
export interface PriceStore {
  /**
   * Records one poll's quotes: latest, history and the event log. Quotes the store already
   * has (same time, price and source) are left out; returns the new event, or `undefined` if nothing
   * was new.
   */
  appendQuotes(quotes: readonly SourceQuote[], t: number): Promise<QuotesEvent | undefined>;
  /** Prepends older points to a symbol's history (backfill), keeping it ordered and capped. */
  backfill(symbol: string, points: readonly PricePoint[]): Promise<void>;
  /**
   * Records the sources' health and works out which symbols are stale; listeners hear of it
   * only when a state, an error or the stale set changed.
   */
  setSourceStatus(sources: readonly SourceStatus[]): Promise<void>;
  /** True once the store holds any quote. */
  hasQuotes(): Promise<boolean>;
  /** The current status: source health and stale symbols. */
  status(): Promise<StatusData>;
  /** Latest quotes of the symbols the store has, each marked stale past the TTL. */
  latest(symbols: readonly string[]): Promise<Record<string, Quote>>;
  /** The last `limit` points of each symbol's history, oldest first. */
  history(symbols: readonly string[], limit: number): Promise<Record<string, PricePoint[]>>;
  snapshot(symbols: readonly string[], historyLimit: number): Promise<Snapshot>;
  /**
   * The `quotes` events after `id`, oldest first; `undefined` when `id` is not one of this
   * store's or is older than the log holds (the client then needs a fresh snapshot).
   */
  eventsAfter(id: string): Promise<QuotesEvent[] | undefined>;
  /** True when event `a` comes after event `b`. */
  isAfter(a: string, b: string): boolean;
  /**
   * Shares the symbols this relay's clients watch, so the relay that polls (perhaps another
   * one) polls them too; returns every symbol watched by any relay. A lone relay answers with
   * its own.
   */
  shareWatched(symbols: readonly string[], forMs: number): Promise<string[]>;
  /**
   * Forgets every symbol but `watched`: its latest quote, its history, its place in the stale
   * list — for every relay sharing the store. What nobody watches costs nothing.
   */
  forgetExcept(watched: readonly string[]): Promise<void>;
  /** Calls `listener` for every new event, in order; returns the unsubscribe function. */
  subscribe(listener: (event: StoreEvent) => void): () => void;
  close(): Promise<void>;
}
