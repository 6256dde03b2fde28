import {
  type CandleRange,
  type CandlesAnswer,
  isCandleRange,
  parseCandles,
  parseRetryAfter,
} from '@tickwire/protocol';
import type { Feed } from '../../feed/feed.js';

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
 * Why a range's candles could not be loaded, in a sentence a reader can be shown, and
 * whether asking again may help: a relay that is failing or busy (5xx, 408, 429) or
 * unreachable may answer later; a relay that refused (another 4xx: a range no source has,
 * an unknown symbol) will refuse again, so its reason is shown, not retried.
 */
export class CandleLoadError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** How long the relay asked to be left alone, ms (its `Retry-After`), if it said. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
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
    throw new CandleLoadError(`The ${range} history of ${symbol} could not be loaded.`, true);
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
    const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
    // The relay's message is text for a reader; anything else gets a sentence of ours.
    throw new CandleLoadError(
      typeof message === 'string' && message.length < 200
        ? message
        : `The ${range} history of ${symbol} could not be loaded.`,
      isTransient(response.status),
      parseRetryAfter(response.headers.get('Retry-After')),
    );
  }
  const answer = parseCandles(body);
  if (!answer || answer.symbol !== symbol) {
    throw new CandleLoadError(`The relay's ${range} history of ${symbol} could not be read.`, true);
  }
  return answer;
}
