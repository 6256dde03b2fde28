import {
  MAX_HISTORY_POINTS,
  type PricePoint,
  type Quote,
  type Refusal,
  type SourceStatus,
  type Sparkline,
  type StreamMessage,
} from '@tickwire/protocol';

/** The state of the connection to a relay, as a reader would name it. */
export type ConnectionState = 'connecting' | 'live' | 'offline' | 'paused';

/** Everything the elements of one relay know, as an immutable value. */
export interface FeedView {
  connection: ConnectionState;
  /** The relay's default currency: of every symbol that names none. */
  currency: string;
  quotes: ReadonlyMap<string, Quote>;
  /** Per symbol, oldest first; ticks are appended to the snapshot's history. */
  history: ReadonlyMap<string, readonly PricePoint[]>;
  /** Per symbol, the relay's 24 h line, where its source has one (protocol README, "Sparklines"). */
  sparklines: ReadonlyMap<string, Sparkline>;
  /** Counts snapshots: a chart redraws from scratch when it changes. */
  snapshots: number;
  unknown: ReadonlySet<string>;
  /**
   * Symbols the relay will not serve, with why: of `unknown`, those in a currency or from a
   * source it lacks; listed ones past its watch list's bounds. Elements say why in their
   * reader's words (`symbolProblems`).
   */
  refused: ReadonlyMap<string, Refusal>;
  /**
   * Of `unknown`, those close in spelling to a listed symbol, each with the listed one a reader
   * most likely meant: `DOGEE` → `DOGE` (said in the element's words, `didYouMean`).
   */
  suggestions: ReadonlyMap<string, string>;
  stale: ReadonlySet<string>;
  /**
   * The page's choice of source for symbols that pin none (`<stream-controls>`); undefined =
   * the relay's own order.
   */
  source: string | undefined;
  sources: readonly SourceStatus[];
  intervalMs: number;
  /** The relay's price TTL, ms: a price not heard of for this long (and an interval) is stale. */
  ttlMs: number;
  /** Local time each symbol's quote last arrived, ms. */
  received: ReadonlyMap<string, number>;
  /** Local time of the last quotes the relay sent, ms. */
  lastUpdate: number | undefined;
  /**
   * Why the relay URL cannot be read at all (it answers, but not as a relay: a CDN's 404);
   * cleared by the next snapshot.
   */
  problem: RelayProblem | undefined;
}

/**
 * Why an element cannot read its relay, by the message that says it with the fix: each
 * element says it in its own language (`FeedElement.relayProblem`).
 */
export type RelayProblem =
  /** Neither the element nor the page names a relay. */
  | { message: 'noRelay' }
  /** `relay="prices.example.com"`: read as a path on the page's own site; or no URL at all. */
  | { message: 'noScheme' | 'notARelayUrl'; relay: string }
  /** The URL answers, but not as a relay (a CDN folder's 404). */
  | { message: 'notARelay'; relay: string; status: number };

export const EMPTY_VIEW: FeedView = {
  connection: 'connecting',
  currency: 'USD',
  quotes: new Map(),
  history: new Map(),
  sparklines: new Map(),
  snapshots: 0,
  unknown: new Set(),
  refused: new Map(),
  suggestions: new Map(),
  stale: new Set(),
  source: undefined,
  sources: [],
  intervalMs: 5_000,
  ttlMs: 60_000,
  received: new Map(),
  lastUpdate: undefined,
  problem: undefined,
};

/** Folds one stream message into the view. Pure: the same message on the same view gives the same view. */
export function applyMessage(view: FeedView, message: StreamMessage, now: number): FeedView {
  switch (message.type) {
    case 'snapshot': {
      const { data } = message;
      const quotes = new Map(view.quotes);
      const history = new Map(view.history);
      const received = new Map(view.received);
      for (const [symbol, quote] of Object.entries(data.quotes)) {
        quotes.set(symbol, quote);
        received.set(symbol, now);
      }
      for (const [symbol, points] of Object.entries(data.history)) history.set(symbol, points);
      return {
        ...view,
        connection: 'live',
        currency: data.currency,
        quotes,
        history,
        sparklines: foldLines(new Map(), data.sparklines ?? {}),
        snapshots: view.snapshots + 1,
        unknown: new Set(data.unknown),
        refused: new Map(Object.entries(data.refused ?? {})),
        stale: new Set(
          [...quotes.values()].filter((quote) => quote.stale).map((quote) => quote.symbol),
        ),
        sources: data.sources,
        intervalMs: data.interval,
        ttlMs: data.ttl,
        received,
        lastUpdate: now,
        problem: undefined,
      };
    }
    case 'quotes': {
      const quotes = new Map(view.quotes);
      const history = new Map(view.history);
      const stale = new Set(view.stale);
      const received = new Map(view.received);
      for (const [symbol, quote] of Object.entries(message.data.quotes)) {
        quotes.set(symbol, quote);
        received.set(symbol, now);
        history.set(symbol, appendPoint(history.get(symbol) ?? [], [quote.ts, quote.price]));
        if (quote.stale) stale.add(symbol);
        else stale.delete(symbol);
      }
      return { ...view, connection: 'live', quotes, history, stale, received, lastUpdate: now };
    }
    case 'status': {
      // What the relay calls stale of this page's prices (its list is the whole relay's, other
      // pages' symbols too), and what has not been heard of in time (see `expireQuotes`).
      const stale = new Set([
        ...message.data.stale.filter((symbol) => view.quotes.has(symbol)),
        ...expired(view, now),
      ]);
      const quotes = new Map(view.quotes);
      for (const [symbol, quote] of quotes) {
        if (quote.stale !== stale.has(symbol))
          quotes.set(symbol, { ...quote, stale: stale.has(symbol) });
      }
      return { ...view, quotes, stale, sources: message.data.sources };
    }
    case 'sparklines':
      return { ...view, sparklines: foldLines(new Map(view.sparklines), message.data.sparklines) };
  }
}

/**
 * Marks stale the prices not heard of for a TTL and an interval. The relay marks prices
 * stale itself; this covers what it cannot: a proxy or network that keeps the stream open
 * but stops passing events on. Returns `view` itself when nothing expired.
 */
export function expireQuotes(view: FeedView, now: number): FeedView {
  if (expired(view, now).every((symbol) => view.stale.has(symbol))) return view;
  // The same fold as a status event that repeats what is known: it adds what expired.
  const status = { sources: [...view.sources], stale: [...view.stale] };
  return applyMessage(view, { type: 'status', data: status }, now);
}

/** Symbols whose last quote arrived longer than a TTL and an interval ago. */
function expired(view: FeedView, now: number): string[] {
  const limit = view.ttlMs + view.intervalMs;
  // `received` has an entry exactly for each symbol with a quote.
  return [...view.received].flatMap(([symbol, at]) => (now - at > limit ? [symbol] : []));
}

/** Sets each line in `lines`, and deletes the symbols whose line is `null` (they have none any more). */
function foldLines(lines: Map<string, Sparkline>, changes: Record<string, Sparkline | null>) {
  for (const [symbol, line] of Object.entries(changes)) {
    if (line) lines.set(symbol, line);
    else lines.delete(symbol);
  }
  return lines;
}

/** Appends a point unless it is not newer than the last one (a replay or a repeated tick). */
function appendPoint(points: readonly PricePoint[], point: PricePoint): readonly PricePoint[] {
  const last = points.at(-1);
  if (last && point[0] <= last[0]) return points;
  const next = points.length >= MAX_HISTORY_POINTS ? points.slice(1) : points.slice();
  next.push(point);
  return next;
}

/** True when `symbol` may have a price: the relay lists it and did not refuse it. */
export const mayShow = (view: FeedView, symbol: string): boolean =>
  !view.unknown.has(symbol) && !view.refused.has(symbol);

/** True when prices from `source` are simulated: the demo market, or a source the relay says is. */
export function isSimulated(view: FeedView, source: string): boolean {
  return (
    source === 'demo' || view.sources.some((status) => status.id === source && status.simulated)
  );
}

/** True when the relay says `source` is down (a price pinned to it goes stale: this says why). */
export const isSourceDown = (view: FeedView, source: string): boolean =>
  view.sources.some((status) => status.id === source && status.state === 'down');
