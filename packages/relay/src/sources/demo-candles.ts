import { bucketCount, type Candle, type CandleRange } from '@tickwire/protocol';
import { bucketStart, candlesFromPoints, stepOf } from '../candles/grid.js';
import type { AssetWalk } from './demo.js';
import { gaussianSource } from './seeded-random.js';

const DAY_MS = 86_400_000;

interface DemoCandleRequest {
  walk: AssetWalk;
  symbol: string;
  range: CandleRange;
  now: number;
  seed: number;
}

/**
 * The demo market's candles. Buckets within the walk's day of minute closes are made from
 * those closes, so the chart joins the stream without a seam; older buckets continue the
 * same random walk backwards, each bucket's move drawn from a generator seeded by the
 * market's seed, the symbol and the bucket's time: the same seed draws the same past.
 */
export function demoCandles({ walk, symbol, range, now, seed }: DemoCandleRequest): Candle[] {
  const step = stepOf(range);
  const recent = candlesFromPoints([...walk.closes, [now, walk.price]], range, now);
  const first = bucketStart(now, step) - (bucketCount(range) - 1) * step;
  const sigma = walk.sigmaPerSqrtMs * Math.sqrt(step);
  const older: Candle[] = [];
  let close = recent[0]?.[1] ?? walk.price;
  for (let t = (recent[0]?.[0] ?? bucketStart(now, step)) - step; t >= first; t -= step) {
    const draw = gaussianSource(hash(seed, symbol, t, step));
    const open = close * Math.exp(-sigma * draw());
    const high = Math.max(open, close) * Math.exp(0.4 * sigma * Math.abs(draw()));
    const low = Math.min(open, close) * Math.exp(-0.4 * sigma * Math.abs(draw()));
    older.push([t, open, high, low, close, volumeOf(walk, step, draw())]);
    close = open;
  }
  // Minute closes make bodies; each opens at the previous close and gets wicks of its own.
  const joined = recent.map(([t, first, high, low, last], index): Candle => {
    const draw = gaussianSource(hash(seed, symbol, t, step));
    const open = recent[index - 1]?.[4] ?? first;
    return [
      t,
      open,
      Math.max(high, open) * Math.exp(0.2 * sigma * Math.abs(draw())),
      Math.min(low, open) * Math.exp(-0.2 * sigma * Math.abs(draw())),
      last,
      volumeOf(walk, step, draw()),
    ];
  });
  return [...older.reverse(), ...joined];
}

/** A bucket's traded volume: its share of the day's, varied. */
const volumeOf = (walk: AssetWalk, step: number, gaussian: number): number =>
  Math.round(walk.volume24h * (step / DAY_MS) * Math.exp(0.3 * gaussian) * 1000) / 1000;

/** FNV-1a over the seed, the symbol and the bucket: one seed per bucket. */
function hash(seed: number, symbol: string, t: number, step: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (const char of `${symbol}:${t}:${step}`) h = Math.imul(h ^ char.charCodeAt(0), 0x01000193);
  return h >>> 0;
}
