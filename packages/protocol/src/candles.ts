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
  '1y': { resolution: 86_400, span: 365 * 86_400 },
} as const;

export type CandleRange = keyof typeof CANDLE_RANGES;

export const isCandleRange = (value: unknown): value is CandleRange =>
  typeof value === 'string' && Object.hasOwn(CANDLE_RANGES, value);

/** How many buckets a range holds: 60, 288, 168, 180, 365. */
export const bucketCount = (range: CandleRange): number =>
  CANDLE_RANGES[range].span / CANDLE_RANGES[range].resolution;

/** A range's bucket width, ms. */
export const stepMsOf = (range: CandleRange): number => CANDLE_RANGES[range].resolution * 1000;

/** The start (ms) of the `stepMs`-wide bucket `ms` falls in; buckets start at the Unix epoch. */
export const bucketStart = (ms: number, stepMs: number): number => Math.floor(ms / stepMs) * stepMs;

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
