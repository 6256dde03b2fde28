import type { StreamMessage } from './events.js';
import {
  isPrice,
  type PricePoint,
  type Quote,
  SOURCE_STATES,
  SOURCE_TRANSPORTS,
  type SourceStatus,
  type SourceTransport,
} from './quote.js';
import type { Refusal } from './refusals.js';
import {
  MAX_SPARKLINE_POINTS,
  SPARKLINE_SPAN_MS,
  type Sparkline,
  type SparklineRange,
} from './sparkline.js';
import { isAsset, isSymbol } from './symbols.js';
import { TICK_WINDOW } from './tick-window.js';
import { DAY_MS, HOUR_MS } from './time.js';

/**
 * The edge where a relay's stream becomes data a client can trust. The relay is another
 * program, perhaps a broken or hostile one: every event is checked field by field, and
 * what is bad is dropped at the smallest unit — one quote, one history point, one source —
 * so that one bad value never blocks the good ones beside it, and nothing that passes can
 * throw when formatted (a `1e20` time, a `null` quote, a price of `1e308`).
 */

/**
 * History points a client keeps per symbol: what a chart draws, the tick chart's window at
 * the most. Longer histories are cut to the newest.
 */
export const MAX_HISTORY_POINTS = TICK_WINDOW.maxPoints;
/** Times before Bitcoin, or more than a day ahead of this page's clock, are not times of a price. */
const MIN_TIME_MS = 1_230_768_000_000;
const MAX_AHEAD_MS = DAY_MS;

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const inRange = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && value >= min && value <= max;

/** Ids, sources and errors: short text. */
const isText = (value: unknown): value is string =>
  typeof value === 'string' && inRange(value.length, 1, 200);

/** A finite number, or `null` ("not reported") for anything else. */
const figure = (value: unknown): number | null =>
  Number.isFinite(value) ? (value as number) : null;

/** The items of a list; nothing for what is not one. */
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The entries of a map that `read` accepts, keyed as they came. */
function readMap<T>(value: unknown, read: (key: string, entry: unknown) => T | undefined) {
  const out: Record<string, T> = {};
  if (isObject(value)) {
    for (const [key, entry] of Object.entries(value)) {
      const accepted = isSymbol(key) ? read(key, entry) : undefined;
      if (accepted !== undefined) out[key] = accepted;
    }
  }
  return out;
}

/** A time a price can have, by this page's clock. */
const isTime = (value: unknown, now: number): value is number =>
  inRange(value, MIN_TIME_MS, now + MAX_AHEAD_MS);

/**
 * One quote as a relay sends it, checked: `undefined` unless its symbol is `symbol`, its price
 * and time plausible, its currency a currency code and its source named; doubtful figures
 * become `null`.
 */
export function parseQuote(symbol: string, value: unknown, now = Date.now()): Quote | undefined {
  if (!isObject(value) || value.symbol !== symbol) return undefined;
  const { price, ts, source, currency } = value;
  if (!isPrice(price) || !isTime(ts, now) || !isText(source) || !isAsset(currency))
    return undefined;
  const open24h = figure(value.open24h);
  return {
    symbol,
    currency,
    ...(isText(value.market) && value.market.length <= 40 && { market: value.market }),
    price,
    open24h: open24h !== null && open24h > 0 ? open24h : null,
    change24h: figure(value.change24h),
    changePct24h: figure(value.changePct24h),
    volume24h: figure(value.volume24h),
    ts,
    source,
    stale: value.stale === true,
  };
}

/** The newest points a chart keeps, times strictly increasing: a million cost no more than a thousand. */
export function parseHistory(value: unknown, now = Date.now()): PricePoint[] {
  const points: PricePoint[] = [];
  for (const point of Array.isArray(value) ? value.slice(-MAX_HISTORY_POINTS) : []) {
    const [ms, price] = Array.isArray(point) ? point : [];
    const newer = isTime(ms, now) && ms > (points.at(-1)?.[0] ?? 0);
    if (newer && isPrice(price)) points.push([ms, price]);
  }
  return points;
}

/**
 * A line of `range`, checked: its newest points (times increasing, prices in bounds), none
 * older than the span before its newest; `undefined` for another span or fewer than two points.
 */
export function parseSparkline(
  value: unknown,
  range: SparklineRange,
  now = Date.now(),
): Sparkline | undefined {
  if (!isObject(value) || value.range !== range) return undefined;
  const points = parseHistory(list(value.points).slice(-MAX_SPARKLINE_POINTS), now);
  const newest = points.at(-1)?.[0] ?? 0;
  const span = points.filter(([ms]) => ms >= newest - SPARKLINE_SPAN_MS[range]);
  return span.length > 1 ? { range, points: span } : undefined;
}

/** Source health as the elements show it (`lastOkTs` is shown by none, so it is not read). */
const readSources = (value: unknown): SourceStatus[] =>
  list(value).flatMap((entry) =>
    isObject(entry) &&
    isText(entry.id) &&
    SOURCE_STATES.includes(entry.state as SourceStatus['state'])
      ? [
          {
            id: entry.id,
            state: entry.state as SourceStatus['state'],
            simulated: entry.simulated === true,
            error: isText(entry.error) ? entry.error : undefined,
            ...(SOURCE_TRANSPORTS.includes(entry.transport as SourceTransport) && {
              transport: entry.transport as SourceTransport,
            }),
            ...(isText(entry.streamError) && { streamError: entry.streamError }),
          },
        ]
      : [],
  );

const readSymbols = (value: unknown): string[] => list(value).filter(isSymbol);

/** A count a refusal names: a whole number of symbols. */
const isCount = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) > 0;

/**
 * Why a symbol is refused. A code this module does not know (a newer relay's), a known one
 * without its figures, or the bare sentence a relay sent before codes, is `other`: a client
 * says that generically. `undefined` when it is not a refusal at all.
 */
export function readRefusal(value: unknown): Refusal | undefined {
  if (isText(value)) return { code: 'other', message: value };
  if (!isObject(value)) return undefined;
  const message = isText(value.message) ? value.message : '';
  const { code, limit, currency, currencies, source, sources } = value;
  if ((code === 'watch_list_full' || code === 'address_share_full') && isCount(limit))
    return { code, limit, message };
  if (code === 'currency_not_served' && isAsset(currency))
    return { code, currency, currencies: list(currencies).filter(isAsset), message };
  if (code === 'unknown_source' && isText(source))
    return { code, source, sources: list(sources).filter(isText), message };
  return { code: 'other', message };
}

/**
 * Parses and checks one stream event's data (`type` is its `event:` field). An event that is
 * not the shape a relay sends at all (a proxy's error page, a truncated line) gives
 * `undefined`; within a good event, each bad entry is dropped alone.
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
  if (type === 'snapshot' && isObject(data.quotes)) {
    return {
      type,
      data: {
        // An interval of 0.1 s to an hour, a TTL of 1 s to a day (the relay's ranges), a
        // currency code; else the relay's defaults.
        interval: inRange(data.interval, 100, HOUR_MS) ? data.interval : 5_000,
        ttl: inRange(data.ttl, 1_000, DAY_MS) ? data.ttl : 60_000,
        currency: isAsset(data.currency) ? data.currency : 'USD',
        quotes: readMap(data.quotes, (symbol, quote) => parseQuote(symbol, quote, now)),
        history: readMap(data.history, (_symbol, points) => parseHistory(points, now)),
        unknown: readSymbols(data.unknown),
        refused: readMap(data.refused, (_symbol, reason) => readRefusal(reason)),
        sources: readSources(data.sources),
        sparklines: readMap(data.sparklines, (_symbol, line) => parseSparkline(line, '24h', now)),
      },
    };
  }
  if (type === 'sparklines' && isObject(data.sparklines)) {
    const sparklines = readMap(data.sparklines, (_symbol, line) =>
      line === null ? null : parseSparkline(line, '24h', now),
    );
    return { type, data: { sparklines } };
  }
  if (type === 'quotes' && isObject(data.quotes)) {
    const quotes = readMap(data.quotes, (symbol, quote) => parseQuote(symbol, quote, now));
    return { type, data: { t: figure(data.t) ?? now, quotes } };
  }
  if (type === 'status' && Array.isArray(data.sources) && Array.isArray(data.stale)) {
    return { type, data: { sources: readSources(data.sources), stale: readSymbols(data.stale) } };
  }
  return undefined;
}
