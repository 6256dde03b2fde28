import type { CandleRange } from './candles.js';
import type { PricePoint, Quote, SourceStatus } from './quote.js';
import type { Refusal } from './refusals.js';
import type { Sparkline } from './sparkline.js';

/** The first event of every stream: everything a client needs at once. */
export interface SnapshotData {
  /** The relay's poll interval, ms. */
  interval: number;
  /** The price TTL, ms: a price not heard of for this long (and an interval) is stale. */
  ttl: number;
  /** The default currency: of every symbol that names none (each quote names its own). */
  currency: string;
  quotes: Record<string, Quote>;
  /** Recent prices per symbol, oldest first, for charts. */
  history: Record<string, PricePoint[]>;
  /** Well-formed symbols no source lists. */
  unknown: string[];
  /**
   * Symbols the relay will not serve, with why (`Refusal`): of `unknown`, those in a currency
   * or from a source the relay does not have (the JSON routes answer them with a 400; a
   * stream serves a whole page); and listed ones past the watch list's bounds.
   */
  refused?: Record<string, Refusal>;
  sources: SourceStatus[];
  /**
   * Each symbol's 24 h line, for those whose source has 24 h of candles (a symbol without one
   * has no line). Absent when none of the symbols has one.
   */
  sparklines?: Record<string, Sparkline>;
}

/** One poll's news: the quotes that changed. Its SSE `id` is what a client resumes after. */
export interface QuotesData {
  /** When the relay recorded the poll, ms. */
  t: number;
  quotes: Record<string, Quote>;
}

/** Source health and the symbols whose price is older than the TTL. */
export interface StatusData {
  sources: SourceStatus[];
  stale: string[];
}

/** Lines that changed since the snapshot: a new one, or `null` where a symbol has none any more. */
export interface SparklinesData {
  sparklines: Record<string, Sparkline | null>;
}

/** One message of the stream, parsed. */
export type StreamMessage =
  | { type: 'snapshot'; data: SnapshotData }
  | { type: 'quotes'; data: QuotesData }
  | { type: 'status'; data: StatusData }
  | { type: 'sparklines'; data: SparklinesData };

/** The stream's event types, in the `event:` field. */
export const STREAM_EVENTS = ['snapshot', 'quotes', 'status', 'sparklines'] as const;

/**
 * What a REST read says of listed symbols it has no data for yet (`/v1/quotes`, `/v1/history`):
 * each field present only when it names some.
 */
export interface ReadNotes {
  /** Symbols nobody watched until this read, whose first price has not come: ask again shortly. */
  pending?: string[];
  /** Symbols the relay cannot watch now, with why (`watch_list_full`, `address_share_full`). */
  refused?: Record<string, Refusal>;
}

/** `GET /v1/quotes` */
export interface QuotesAnswer extends ReadNotes {
  t: number;
  quotes: Record<string, Quote>;
  unknown: string[];
}

/** `GET /v1/history` */
export interface HistoryAnswer extends ReadNotes {
  history: Record<string, PricePoint[]>;
}

/** `GET /v1/symbols` */
export interface SymbolsAnswer {
  /** The default currency: of every symbol that names none. */
  currency: string;
  /** Every quote currency the relay serves, the default first. */
  currencies: string[];
  symbols: string[];
  defaults: string[];
}

/** The shared store refusing this relay's writes (`GET /v1/sources`'s `storeUnwritable`). */
export interface StoreWriteFailure {
  /** The store's own words, e.g. Redis's `OOM command not allowed when used memory > 'maxmemory'.` */
  error: string;
  /** ms since the epoch of the first refused write in the run under way */
  sinceTs: number;
}

/**
 * `GET /v1/sources`: each source's health and the stale symbols, and `storeUnwritable` while
 * the shared store (Redis) refuses this relay's writes, so its polls are not published and
 * prices turn stale whatever the sources say. Absent while writes succeed, and on a relay
 * without Redis; only the relay that polls writes, so in a fleet it is that relay's answer.
 */
export interface SourcesAnswer extends StatusData {
  storeUnwritable?: StoreWriteFailure;
}

/** Every refusal the relay controls: a 4xx or 5xx with this body. */
export interface ErrorAnswer {
  error: {
    code: string;
    /** One sentence for a reader, in English. */
    message: string;
    /**
     * `range_unavailable` only: the sources the symbol may come from, by name, and the ranges
     * they do have, for a client to say in its reader's own language.
     */
    sources?: string[];
    ranges?: CandleRange[];
  };
}
