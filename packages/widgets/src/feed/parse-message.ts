import { MAX_POINTS_PER_SYMBOL } from './feed-view.js';
import {
  type PricePoint,
  type Quote,
  type SnapshotData,
  type SourceStatus,
  type StreamMessage,
  SYMBOL_PATTERN,
} from './protocol.js';

/**
 * The edge where the relay's stream becomes data the elements trust. The relay is another
 * program, perhaps a broken or hostile one: every event is checked field by field, and
 * what is bad is dropped at the smallest unit — one quote, one history point, one source —
 * so that one bad value never blocks the good ones beside it, and nothing that reaches an
 * element can throw when formatted (a `1e20` time, a `null` quote, a price of `1e308`).
 */

/** Prices outside these bounds are no price in any currency (the relay refuses them too). */
const MIN_PRICE = 1e-12;
const MAX_PRICE = 1e13;
/** Times before Bitcoin existed, or more than a day ahead of this page's clock, are not times of a price. */
const MIN_TIME_MS = Date.UTC(2009, 0, 1);
const MAX_AHEAD_MS = 24 * 60 * 60_000;
/** A poll interval the elements can believe, ms. */
const MIN_INTERVAL_MS = 100;
const MAX_INTERVAL_MS = 3_600_000;
/** A price TTL the elements can believe, ms (the relay's `PRICE_TTL` range). */
const MIN_TTL_MS = 1_000;
const MAX_TTL_MS = 86_400_000;
/** Symbols, sources and errors longer than this are not what a relay sends. */
const MAX_TEXT = 200;
/** List entries read from one event: a relay sends a few dozen. */
const MAX_ENTRIES = 1_000;

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT;

const isSymbol = (value: unknown): value is string =>
  typeof value === 'string' && SYMBOL_PATTERN.test(value);

const isPrice = (value: unknown): value is number =>
  typeof value === 'number' && value >= MIN_PRICE && value <= MAX_PRICE;

const isTime = (value: unknown, now: number): value is number =>
  typeof value === 'number' && value >= MIN_TIME_MS && value <= now + MAX_AHEAD_MS;

/** A finite number or `null`; anything else reads as "not reported". */
const figure = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_PRICE * 1e3
    ? value
    : null;

/** One quote, or undefined if it cannot be shown as it is. */
function readQuote(key: string, value: unknown, now: number): Quote | undefined {
  if (!isObject(value) || value.symbol !== key || !isSymbol(key)) return undefined;
  if (!isPrice(value.price) || !isTime(value.ts, now) || !isText(value.source)) return undefined;
  const open24h = figure(value.open24h);
  return {
    symbol: key,
    price: value.price,
    open24h: open24h !== null && open24h > 0 ? open24h : null,
    change24h: figure(value.change24h),
    changePct24h: figure(value.changePct24h),
    volume24h: figure(value.volume24h),
    ts: value.ts,
    source: value.source,
    stale: value.stale === true,
  };
}

function readQuotes(value: unknown, now: number): Record<string, Quote> {
  const quotes: Record<string, Quote> = {};
  if (!isObject(value)) return quotes;
  for (const [key, entry] of Object.entries(value).slice(0, MAX_ENTRIES)) {
    const quote = readQuote(key, entry, now);
    if (quote) quotes[key] = quote;
  }
  return quotes;
}

/** The newest points a chart can draw, oldest first, times strictly increasing. */
function readHistory(value: unknown, now: number): PricePoint[] {
  if (!Array.isArray(value)) return [];
  // Only the points a chart keeps are read: a million-point history costs no more than a thousand.
  const points: PricePoint[] = [];
  for (const point of value.slice(-MAX_POINTS_PER_SYMBOL)) {
    if (!Array.isArray(point) || !isTime(point[0], now) || !isPrice(point[1])) continue;
    const last = points.at(-1);
    if (last && point[0] <= last[0]) continue;
    points.push([point[0], point[1]]);
  }
  return points;
}

function readHistories(value: unknown, now: number): Record<string, PricePoint[]> {
  const histories: Record<string, PricePoint[]> = {};
  if (!isObject(value)) return histories;
  for (const [symbol, points] of Object.entries(value).slice(0, MAX_ENTRIES)) {
    if (isSymbol(symbol)) histories[symbol] = readHistory(points, now);
  }
  return histories;
}

const SOURCE_STATES = new Set(['ok', 'degraded', 'down']);

function readSources(value: unknown): SourceStatus[] {
  if (!Array.isArray(value)) return [];
  return value.slice(0, MAX_ENTRIES).flatMap((entry): SourceStatus[] => {
    if (!isObject(entry) || !isText(entry.id) || !SOURCE_STATES.has(entry.state as string)) {
      return [];
    }
    return [
      {
        id: entry.id,
        state: entry.state as SourceStatus['state'],
        simulated: entry.simulated === true,
        ...(typeof entry.lastOkTs === 'number' &&
          Number.isFinite(entry.lastOkTs) && { lastOkTs: entry.lastOkTs }),
        ...(isText(entry.error) && { error: entry.error }),
      },
    ];
  });
}

const readSymbols = (value: unknown): string[] =>
  Array.isArray(value) ? value.slice(0, MAX_ENTRIES).filter(isSymbol) : [];

function readSnapshot(data: Fields, now: number): SnapshotData | undefined {
  if (!isObject(data.quotes)) return undefined;
  const interval = typeof data.interval === 'number' ? data.interval : Number.NaN;
  const ttl = typeof data.ttl === 'number' ? data.ttl : Number.NaN;
  return {
    interval: interval >= MIN_INTERVAL_MS && interval <= MAX_INTERVAL_MS ? interval : 5_000,
    ...(ttl >= MIN_TTL_MS && ttl <= MAX_TTL_MS && { ttl }),
    ...(typeof data.quote === 'string' && /^[A-Z]{3,5}$/.test(data.quote) && { quote: data.quote }),
    quotes: readQuotes(data.quotes, now),
    history: readHistories(data.history, now),
    unknown: readSymbols(data.unknown),
    sources: readSources(data.sources),
  };
}

/**
 * Parses and checks one event's data. An event that is not the shape the relay sends at all
 * (a proxy's error page, a truncated line) is dropped whole; within a good event, each bad
 * entry is dropped alone.
 */
export function parseMessage(
  type: string,
  text: string,
  now = Date.now(),
): StreamMessage | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(data)) return undefined;
  switch (type) {
    case 'snapshot': {
      const snapshot = readSnapshot(data, now);
      return snapshot && { type, data: snapshot };
    }
    case 'quotes':
      if (!isObject(data.quotes)) return undefined;
      return {
        type,
        data: {
          t: typeof data.t === 'number' ? data.t : now,
          quotes: readQuotes(data.quotes, now),
        },
      };
    case 'status':
      if (!Array.isArray(data.sources) || !Array.isArray(data.stale)) return undefined;
      return { type, data: { sources: readSources(data.sources), stale: readSymbols(data.stale) } };
    default:
      return undefined;
  }
}
