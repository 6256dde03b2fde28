import {
  type PricePoint,
  parseHistory,
  parseQuote,
  type Quote,
  SOURCE_STATES,
  type SourceStatus,
  type StatusData,
} from '@tickwire/protocol';
import type { SourceQuote } from '../sources/price-source.js';

/**
 * What the relays share through Redis, read back as carefully as what comes from upstream:
 * a value not of the shapes a relay writes (a damaged key, another program's, an older
 * relay's) is dropped, never cast and served. Quotes and histories pass the protocol's own
 * checks, the ones every client runs.
 */

/** One entry of the shared event log. */
export type Entry =
  | { type: 'quotes'; t: number; quotes: Record<string, Quote> }
  | { type: 'status'; status: StatusData }
  | { type: 'backfill'; symbol: string; points: PricePoint[] }
  | { type: 'forget'; symbols: string[] };

/** A Stream entry's fields (`type`, `data`) as an entry; `undefined` when it is not one of ours. */
export function parseEntry(fields: string[], now: number): Entry | undefined {
  const values: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) values[fields[i]!] = fields[i + 1]!;
  const data = parseJson(values.data);
  if (!isObject(data)) return undefined;
  switch (values.type) {
    case 'quotes': {
      if (!isObject(data.quotes) || typeof data.t !== 'number') return undefined;
      return { type: 'quotes', t: data.t, quotes: readQuotes(data.quotes, now) };
    }
    case 'status': {
      const status = readStatus(data);
      return status && { type: 'status', status };
    }
    case 'backfill':
      return typeof data.symbol === 'string'
        ? { type: 'backfill', symbol: data.symbol, points: parseHistory(data.points, now) }
        : undefined;
    case 'forget':
      return Array.isArray(data.symbols)
        ? { type: 'forget', symbols: data.symbols.filter((s) => typeof s === 'string') }
        : undefined;
    default:
      return undefined;
  }
}

/** The latest-quotes hash (symbol → JSON) as quotes; damaged ones left out. */
export function parseLatest(hash: Record<string, string>, now: number): SourceQuote[] {
  return Object.entries(hash).flatMap(([symbol, raw]) => {
    const quote = parseQuote(symbol, parseJson(raw), now);
    if (!quote) return [];
    const { stale: _, ...sourceQuote } = quote;
    return [sourceQuote];
  });
}

/** A history list (one JSON point a member) as points, oldest first; damaged ones left out. */
export function parsePoints(raw: readonly string[], now: number): PricePoint[] {
  return parseHistory(raw.map(parseJson), now);
}

/** The status key's JSON as a status; `undefined` when it is not one. */
export function parseStatus(raw: string | null): StatusData | undefined {
  return raw === null ? undefined : readStatus(parseJson(raw));
}

function readQuotes(value: Record<string, unknown>, now: number): Record<string, Quote> {
  const quotes: Record<string, Quote> = {};
  for (const [symbol, entry] of Object.entries(value)) {
    const quote = parseQuote(symbol, entry, now);
    if (quote) quotes[symbol] = quote;
  }
  return quotes;
}

/** A status as the relay keeps it: every source's fields, `lastOkTs` and `retryAt` included. */
function readStatus(value: unknown): StatusData | undefined {
  if (!isObject(value) || !Array.isArray(value.sources) || !Array.isArray(value.stale))
    return undefined;
  const sources = value.sources.flatMap((entry): SourceStatus[] => {
    if (!isObject(entry) || typeof entry.id !== 'string') return [];
    if (!SOURCE_STATES.includes(entry.state as SourceStatus['state'])) return [];
    return [
      {
        id: entry.id,
        state: entry.state as SourceStatus['state'],
        simulated: entry.simulated === true,
        ...(typeof entry.lastOkTs === 'number' && { lastOkTs: entry.lastOkTs }),
        ...(typeof entry.retryAt === 'number' && { retryAt: entry.retryAt }),
        ...(typeof entry.error === 'string' && { error: entry.error }),
      },
    ];
  });
  return { sources, stale: value.stale.filter((symbol) => typeof symbol === 'string') };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJson(raw: string | undefined): unknown {
  try {
    return raw === undefined ? undefined : JSON.parse(raw);
  } catch {
    return undefined;
  }
}
