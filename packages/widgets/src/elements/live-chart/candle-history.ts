import {
  type CandleRange,
  type CandlesAnswer,
  type ErrorAnswer,
  isCandleRange,
  parseCandles,
  parseRetryAfter,
} from '@tickwire/protocol';
import type { Feed } from '../../feed/feed.js';
import type { Messages } from '../../internal/messages.js';

/** What a chart can show: the stream's own history (`live`), or a range of candles. */
export type ChartRange = 'live' | CandleRange;

export const isChartRange = (value: unknown): value is ChartRange =>
  value === 'live' || isCandleRange(value);

/** A feed that serves candles itself (a scripted market) instead of its relay's `/v1/candles`. */
interface CandleFeed extends Feed {
  candles(symbol: string, range: CandleRange): Promise<CandlesAnswer>;
}

const servesCandles = (feed: Feed): feed is CandleFeed =>
  typeof (feed as Partial<CandleFeed>).candles === 'function';

/**
 * Why a range's candles could not be loaded, for the chart to say in its reader's language:
 * no source of the symbol has the range (the relay's 404 `range_unavailable`, naming the
 * sources and the ranges they have), or the history could not be had (anything else).
 */
export type CandleProblem =
  | { reason: 'range-unavailable'; sources: string[]; ranges: CandleRange[] }
  | { reason: 'unavailable' };

/**
 * Why a range's candles could not be loaded, and whether asking again may help: a relay
 * that is failing or busy (5xx, 408, 429) or unreachable may answer later; a relay that
 * refused (another 4xx: a range no source has, an unknown symbol) will refuse again, so its
 * reason is shown, not retried.
 */
export class CandleLoadError extends Error {
  constructor(
    readonly problem: CandleProblem,
    readonly retryable: boolean,
    /** How long the relay asked to be left alone, ms (its `Retry-After`), if it said. */
    readonly retryAfterMs?: number,
  ) {
    super(problem.reason);
  }
}

const UNAVAILABLE: CandleProblem = { reason: 'unavailable' };

/**
 * What a chart says of `problem` with `range` of `label`'s candles, in `words`, lists joined
 * as `locale` joins them ("24H, 7D, 30D or 1Y").
 */
export function sayCandleProblem(
  problem: CandleProblem,
  range: CandleRange,
  label: string,
  words: Pick<Messages, 'ranges' | 'historyUnavailable' | 'rangeUnavailable'>,
  locale: string | undefined,
): string {
  if (problem.reason === 'unavailable') return words.historyUnavailable(words.ranges[range], label);
  const either = new Intl.ListFormat(locale, { type: 'disjunction' });
  return words.rangeUnavailable(
    either.format(problem.sources),
    words.ranges[range],
    either.format(problem.ranges.map((choice) => words.ranges[choice])),
  );
}

/** True for an HTTP status that may be different when asked again. */
const isTransient = (status: number): boolean => status >= 500 || status === 408 || status === 429;

/**
 * One symbol's candles over `range` from the feed's relay (protocol README, "Candles"),
 * read through `parseCandles`. Throws a `CandleLoadError` (a scripted feed's `candles`, what
 * its test makes it throw).
 */
export async function loadCandles(
  feed: Feed,
  symbol: string,
  range: CandleRange,
  signal: AbortSignal,
): Promise<CandlesAnswer> {
  if (servesCandles(feed)) return feed.candles(symbol, range);
  const url = new URL('v1/candles', feed.relayUrl);
  url.search = new URLSearchParams({ symbol, range }).toString();
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new CandleLoadError(UNAVAILABLE, true);
  }
  return readCandles(response, symbol, range);
}

/** The relay's answer for `symbol` over `range`, or the `CandleLoadError` it amounts to. */
export async function readCandles(
  response: Response,
  symbol: string,
  range: CandleRange,
): Promise<CandlesAnswer> {
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    throw new CandleLoadError(
      rangeRefusal(body) ?? UNAVAILABLE,
      isTransient(response.status),
      parseRetryAfter(response.headers.get('Retry-After')),
    );
  }
  const answer = parseCandles(body);
  if (!answer || answer.symbol !== symbol || answer.range !== range) {
    throw new CandleLoadError(UNAVAILABLE, true);
  }
  return answer;
}

/** A `range_unavailable` answer's parts (protocol README, "Candles"), read as untrusted. */
function rangeRefusal(body: unknown): CandleProblem | undefined {
  const error = (body as Partial<ErrorAnswer> | undefined)?.error;
  if (error?.code !== 'range_unavailable') return undefined;
  const { sources, ranges } = error;
  if (!Array.isArray(sources) || !Array.isArray(ranges)) return undefined;
  return {
    reason: 'range-unavailable',
    sources: sources.filter((name): name is string => typeof name === 'string').slice(0, 10),
    ranges: ranges.filter(isCandleRange),
  };
}
