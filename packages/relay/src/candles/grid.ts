import {
  bucketStart,
  type Candle,
  type CandleRange,
  isCandle,
  type PricePoint,
  stepMsOf,
  windowStart,
} from '@tickwire/protocol';

/**
 * Puts a source's candles on the range's grid, as `/v1/candles` promises them (protocol
 * README, "Candles"): each moved to its bucket's start and merged with others of the same
 * bucket, inconsistent ones dropped, buckets after the one under way at `now` dropped, a
 * bucket without trades between two filled with the previous close, those before the range's
 * window (`windowStart`) dropped.
 */
export function onGrid(candles: readonly Candle[], range: CandleRange, now: number): Candle[] {
  const step = stepMsOf(range);
  const current = bucketStart(now, step);
  const merged = new Map<number, Candle>();
  for (const candle of [...candles].filter(isCandle).sort((a, b) => a[0] - b[0])) {
    const t = bucketStart(candle[0], step);
    if (t > current) continue;
    const held = merged.get(t);
    merged.set(t, held ? mergeCandles(held, candle) : ([t, ...candle.slice(1)] as Candle));
  }
  const sorted = [...merged.values()];
  const grid: Candle[] = [];
  for (const candle of sorted) {
    const previous = grid.at(-1);
    if (previous) {
      for (let t = previous[0] + step; t < candle[0]; t += step)
        grid.push(quietBucket(t, previous));
    }
    grid.push(candle);
  }
  const start = windowStart(range, now);
  return grid.filter(([t]) => t >= start);
}

/** Candles from sampled prices (a source without OHLC): each bucket's first, highest, lowest and last sample. */
export function candlesFromPoints(
  points: readonly PricePoint[],
  range: CandleRange,
  now: number,
): Candle[] {
  return onGrid(
    points.map(([ms, price]) => [ms, price, price, price, price, null]),
    range,
    now,
  );
}

function mergeCandles(earlier: Candle, later: Candle): Candle {
  const [t, open, high, low, , volume] = earlier;
  const laterVolume = later[5];
  return [
    t,
    open,
    Math.max(high, later[2]),
    Math.min(low, later[3]),
    later[4],
    volume === null && laterVolume === null ? null : (volume ?? 0) + (laterVolume ?? 0),
  ];
}

/** A bucket in which nothing traded: the price stays at the previous close. */
function quietBucket(t: number, previous: Candle): Candle {
  const close = previous[4];
  return [t, close, close, close, close, previous[5] === null ? null : 0];
}
