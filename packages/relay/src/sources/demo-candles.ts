import { type Candle, type CandleRange, stepMsOf, windowStart } from '@tickwire/protocol';

/** Prices looked at inside a bucket for its high and low, besides its open and close. */
const SAMPLES_PER_BUCKET = 30;

/** What the demo market's candles are drawn from: a pair's price and volume at any time. */
export interface DemoCandleRequest {
  /** The pair's price at a moment, unrounded. */
  priceAt(ms: number): number;
  /** Units of the base asset traded in a bucket. */
  volumeOf(startMs: number, durationMs: number): number;
  range: CandleRange;
  now: number;
}

/**
 * The demo market's candles over `range`, read off the same price path as its quotes: a
 * bucket opens at the price at its start and closes at the price at its end (the bucket
 * under way at the price now, so the last candle moves with the live price); its high and
 * low are the extremes of the path sampled across it. Prices unrounded.
 */
export function demoCandles({ priceAt, volumeOf, range, now }: DemoCandleRequest): Candle[] {
  const step = stepMsOf(range);
  const first = windowStart(range, now);
  const candles: Candle[] = [];
  for (let t = first; t <= now; t += step) {
    const end = Math.min(t + step, now);
    const open = priceAt(t);
    const close = priceAt(end);
    let high = Math.max(open, close);
    let low = Math.min(open, close);
    for (let sample = 1; sample < SAMPLES_PER_BUCKET; sample++) {
      const price = priceAt(t + ((end - t) * sample) / SAMPLES_PER_BUCKET);
      high = Math.max(high, price);
      low = Math.min(low, price);
    }
    candles.push([t, open, high, low, close, volumeOf(t, step)]);
  }
  return candles;
}
