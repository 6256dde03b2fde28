/**
 * The relay's stream as the widgets read it (README, "The protocol in brief"). The relay is
 * another program: everything here arrives over the network and is treated as text.
 */

export interface Quote {
  symbol: string;
  price: number;
  /** The 24 h figures are `null` when the source does not report them. */
  open24h: number | null;
  change24h: number | null;
  changePct24h: number | null;
  volume24h: number | null;
  /** The source's own timestamp, ms. */
  ts: number;
  source: string;
  stale: boolean;
}

/** `[ms, price]`, oldest first in every list. */
export type PricePoint = [ms: number, price: number];

export interface SourceStatus {
  id: string;
  state: 'ok' | 'degraded' | 'down';
  lastOkTs?: number;
  error?: string;
  simulated?: boolean;
}

export interface SnapshotData {
  interval: number;
  /** The price TTL, ms; absent from relays before it was added. */
  ttl?: number;
  /** Quote currency of every price; USD when the relay does not say. */
  quote?: string;
  quotes: Record<string, Quote>;
  history: Record<string, PricePoint[]>;
  unknown: string[];
  sources: SourceStatus[];
}

export interface QuotesData {
  t: number;
  quotes: Record<string, Quote>;
}

export interface StatusData {
  sources: SourceStatus[];
  stale: string[];
}

/** One message of the stream, parsed. */
export type StreamMessage =
  | { type: 'snapshot'; data: SnapshotData }
  | { type: 'quotes'; data: QuotesData }
  | { type: 'status'; data: StatusData };

/** Symbols are base assets, upper case, 1–15 letters or digits. */
export const SYMBOL_PATTERN = /^[A-Z0-9]{1,15}$/;
