import { isPrice } from './quote.js';
import { isAsset, isSymbol } from './symbols.js';

/**
 * The time ranges a chart can show, each with one fixed resolution so that its buckets are
 * evenly spaced in time (README, "Candles"). Seconds, as the chart library counts time.
 */
export const CANDLE_RANGES = {
  '1h': { resolution: 60, span: 3_600 },
  '24h': { resolution: 300, span: 86_400 },
  '7d': { resolution: 3_600, span: 7 * 86_400 },
  '30d': { resolution: 4 * 3_600, span: 30 * 86_400 },
  '90d': { resolution: 12 * 3_600, span: 90 * 86_400 },
  '1y': { resolution: 86_400, span: 365 * 86_400 },
  /** Year to date: from 1 January (UTC) of the current year, so at most 366 days. */
  ytd: { resolution: 86_400, span: 366 * 86_400 },
  /** All the history the source has, up to 20 years. */
  all: { resolution: 86_400, span: 7_305 * 86_400 },
} as const;

export type CandleRange = keyof typeof CANDLE_RANGES;

/** Each range as a chart's button names it in English, and as the relay's messages say it. */
export const RANGE_NAMES: Readonly<Record<CandleRange, string>> = {
  '1h': '1H',
  '24h': '24H',
  '7d': '7D',
  '30d': '30D',
  '90d': '3M',
  '1y': '1Y',
  ytd: 'YTD',
  all: 'All',
};

export const isCandleRange = (value: unknown): value is CandleRange =>
  typeof value === 'string' && Object.hasOwn(CANDLE_RANGES, value);

/** How many buckets a range holds at most: 60, 288, 168, 180, 180, 365, 366, 7,305. */
export const bucketCount = (range: CandleRange): number =>
  CANDLE_RANGES[range].span / CANDLE_RANGES[range].resolution;

/** A range's bucket width, ms. */
export const stepMsOf = (range: CandleRange): number => CANDLE_RANGES[range].resolution * 1000;

/** The start (ms) of the `stepMs`-wide bucket `ms` falls in; buckets start at the Unix epoch. */
export const bucketStart = (ms: number, stepMs: number): number => Math.floor(ms / stepMs) * stepMs;

/**
 * The start (ms) of the oldest bucket `range` shows at `now`: `bucketCount` buckets back from
 * the one under way, or 1 January (UTC) of `now`'s year for `ytd`. The window slides as time
 * passes; `ytd`'s grows through the year and starts again on 1 January.
 */
export function windowStart(range: CandleRange, now: number): number {
  if (range === 'ytd') return Date.UTC(new Date(now).getUTCFullYear(), 0, 1);
  const step = stepMsOf(range);
  return bucketStart(now, step) - (bucketCount(range) - 1) * step;
}

/**
 * One bucket: `[t, open, high, low, close, volume]`, `t` in ms at the bucket's start,
 * volume in the base asset or `null` where the source has none.
 */
export type Candle = [
  t: number,
  open: number,
  high: number,
  low: number,
  close: number,
  volume: number | null,
];

/** `GET /v1/candles?symbol=BTC&range=24h` */
export interface CandlesAnswer {
  symbol: string;
  range: CandleRange;
  /** Seconds per bucket. */
  resolution: number;
  /** Quote currency of every price. */
  currency: string;
  /** Where the candles came from: `binance`, `coingecko`, `demo`, ... */
  source: string;
  /** True when the candles are the demo market's. */
  simulated: boolean;
  /** Oldest first, evenly spaced by `resolution`; the last one is the bucket under way. */
  candles: Candle[];
}

/** True for a candle whose prices agree with each other (low ≤ open, close ≤ high). */
export function isCandle(value: unknown): value is Candle {
  if (!Array.isArray(value) || value.length !== 6) return false;
  const [t, open, high, low, close, volume] = value as unknown[];
  return (
    Number.isSafeInteger(t) &&
    (t as number) > 0 &&
    [open, high, low, close].every(isPrice) &&
    (low as number) <= Math.min(open as number, close as number) &&
    (high as number) >= Math.max(open as number, close as number) &&
    (volume === null || (Number.isFinite(volume) && (volume as number) >= 0))
  );
}

/**
 * Reads a `/v1/candles` answer as a client should: `undefined` when it is not one, else the
 * answer with the candles that are not on the range's grid, out of order or inconsistent
 * left out.
 */
export function parseCandles(value: unknown): CandlesAnswer | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const answer = value as Record<string, unknown>;
  const { symbol, range, currency, source, candles } = answer;
  if (!isSymbol(symbol) || !isCandleRange(range) || !isAsset(currency)) return undefined;
  if (typeof source !== 'string' || source.length === 0 || source.length > 200) return undefined;
  if (!Array.isArray(candles)) return undefined;
  const resolution = CANDLE_RANGES[range].resolution;
  const step = resolution * 1000;
  const kept: Candle[] = [];
  for (const candle of candles.slice(-bucketCount(range))) {
    if (!isCandle(candle) || candle[0] % step !== 0) continue;
    if (kept.length > 0 && candle[0] <= kept.at(-1)![0]) continue;
    kept.push(candle);
  }
  return {
    symbol,
    range,
    resolution,
    currency,
    source,
    simulated: answer.simulated === true,
    candles: kept,
  };
}
