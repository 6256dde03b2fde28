import {
  bucketStart,
  type Candle,
  type PricePoint,
  TICK_WINDOW,
  TICK_WINDOW_MS,
} from '@tickwire/protocol';
import type { Bar } from './chart-layout.js';

/**
 * One symbol's bars as the chart draws them, kept moving by the stream: a price in the last
 * bucket moves its close, high and low; a later one opens the next bucket at the previous
 * close (protocol README, "Candles"). A range's window slides: past `maxBars`, the oldest
 * bucket leaves as a new one opens, so a chart left open shows its range, and measures it, for
 * as long as it is open; so do the buckets before `windowStartOf` the newest (`windowStart`: a
 * year-to-date chart starts again on 1 January).
 * The tick chart's bucket is a millisecond: every update the stream delivers is its own point
 * (`ticks()`), the protocol's `TICK_WINDOW` of them kept.
 */
export class SymbolBars {
  readonly bars: Bar[];
  /**
   * The price changes are measured from, set by the chart (a quote's `open24h` for the 24 h
   * range); unset, the open of the window's first bucket.
   */
  base: number | undefined;
  /** Time of the newest stream point folded in, ms. */
  private foldedUntil = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly stepMs: number,
    candles: readonly Candle[] = [],
    private readonly maxBars = Number.POSITIVE_INFINITY,
    private readonly windowStartOf: (newestMs: number) => number = () => Number.NEGATIVE_INFINITY,
  ) {
    this.bars = candles.slice(-maxBars).map(([time, open, high, low, close, volume]) => ({
      time,
      open,
      high,
      low,
      close,
      volume,
    }));
  }

  /**
   * Folds the points not folded yet (`points` oldest first). Returns the bars that changed,
   * oldest first, and whether the window slid (the oldest bars left: the drawing is redone).
   */
  fold(points: readonly PricePoint[]): { changed: Bar[]; slid: boolean } {
    const changed: Bar[] = [];
    for (const [ms, price] of points) {
      if (ms <= this.foldedUntil) continue;
      this.foldedUntil = ms;
      const bar = this.foldPrice(ms, price);
      if (bar && changed.at(-1) !== bar) changed.push(bar);
    }
    const oldest = this.windowStartOf(this.bars.at(-1)?.time ?? 0);
    const aged = this.bars.findIndex((bar) => bar.time >= oldest);
    const excess = Math.max(this.bars.length - this.maxBars, aged);
    if (excess > 0) this.bars.splice(0, excess);
    return { changed, slid: excess > 0 };
  }

  /**
   * The tick chart's points: each update its own, at its own millisecond (two at the same
   * millisecond are one, the later price), the last `TICK_WINDOW` of them kept.
   */
  static ticks(): SymbolBars {
    return new SymbolBars(1, [], TICK_WINDOW.maxPoints, (newestMs) => newestMs - TICK_WINDOW_MS);
  }

  /** What changes are measured from: `base`, else the open of the first bucket shown. */
  get baseline(): number | null {
    return this.base ?? this.bars[0]?.open ?? null;
  }

  /**
   * Change of the last close from the baseline, percent: what the legend writes and the
   * percent axis draws, from the same numbers.
   */
  get changePct(): number | null {
    const base = this.baseline;
    const last = this.bars.at(-1);
    return base && last ? (last.close / base - 1) * 100 : null;
  }

  private foldPrice(ms: number, price: number): Bar | undefined {
    const time = bucketStart(ms, this.stepMs);
    const last = this.bars.at(-1);
    // Older than the last bucket: the source's candle already holds it.
    if (last && time < last.time) return undefined;
    if (last && time === last.time) {
      last.high = Math.max(last.high, price);
      last.low = Math.min(last.low, price);
      last.close = price;
      return last;
    }
    const open = last?.close ?? price;
    const bar: Bar = {
      time,
      open,
      high: Math.max(open, price),
      low: Math.min(open, price),
      close: price,
      volume: null,
    };
    this.bars.push(bar);
    return bar;
  }
}
