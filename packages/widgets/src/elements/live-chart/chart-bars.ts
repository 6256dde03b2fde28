import type { Candle, PricePoint } from '@tickwire/protocol';
import type { Bar } from './chart-renderer.js';

/**
 * One symbol's bars as the chart draws them, kept moving by the stream: a price in the last
 * bucket moves its close, high and low; a later one opens the next bucket at the previous
 * close (protocol README, "Candles"). In the live range a bucket is a second.
 */
export class SymbolBars {
  readonly bars: Bar[];
  /** Time of the newest stream point folded in, ms. */
  private foldedUntil = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly stepMs: number,
    candles: readonly Candle[] = [],
  ) {
    this.bars = candles.map(([time, open, high, low, close, volume]) => ({
      time,
      open,
      high,
      low,
      close,
      volume,
    }));
  }

  /** Folds the points not folded yet (`points` oldest first); returns the bars that changed, oldest first. */
  fold(points: readonly PricePoint[]): Bar[] {
    const changed: Bar[] = [];
    for (const [ms, price] of points) {
      if (ms <= this.foldedUntil) continue;
      this.foldedUntil = ms;
      const bar = this.foldPrice(ms, price);
      if (bar && changed.at(-1) !== bar) changed.push(bar);
    }
    return changed;
  }

  /**
   * Change over the bars, in percent, from the first close to the last: the base the chart's
   * percent axis uses, so legend and axis agree.
   */
  get changePct(): number | null {
    const first = this.bars[0];
    const last = this.bars.at(-1);
    return first && last ? ((last.close - first.close) / first.close) * 100 : null;
  }

  private foldPrice(ms: number, price: number): Bar | undefined {
    const time = Math.floor(ms / this.stepMs) * this.stepMs;
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
