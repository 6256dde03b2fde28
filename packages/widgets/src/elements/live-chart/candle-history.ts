import {
  type CandleRange,
  type CandlesAnswer,
  isCandleRange,
  parseCandles,
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
 * One symbol's candles over `range` from the feed's relay (protocol README, "Candles"),
 * read through `parseCandles`. Throws an error whose message a reader can be shown.
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
    throw new Error(`The ${range} history of ${symbol} could not be loaded.`);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
    // The relay's message is text for a reader; anything else gets a sentence of ours.
    throw new Error(
      typeof message === 'string' && message.length < 200
        ? message
        : `The ${range} history of ${symbol} could not be loaded.`,
    );
  }
  const answer = parseCandles(body);
  if (!answer || answer.symbol !== symbol) {
    throw new Error(`The relay's ${range} history of ${symbol} could not be read.`);
  }
  return answer;
}
