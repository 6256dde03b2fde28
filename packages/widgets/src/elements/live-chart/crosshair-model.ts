import { formatPrice } from '../../internal/format.js';
import { en } from '../../internal/messages/en.js';
import type { Messages } from '../../internal/messages.js';
import type { Bar, ChartLayout, Readout } from './chart-layout.js';
import type { ChartTimes } from './chart-times.js';

/** One symbol's bars as drawn. */
interface Track {
  /** Times drawn, ms, oldest first: where the keyboard crosshair can stop. */
  times: number[];
  /** The bars by time, for the readout. */
  bars: Map<number, Bar>;
}

/**
 * What the crosshair shows, apart from any drawing: the bars drawn for each symbol, where the
 * keyboard crosshair stands (it steps through the first symbol's buckets), and the readout
 * for a time a pointer or a key points at.
 */
export class CrosshairModel {
  private readonly tracks = new Map<string, Track>();
  /** Index into the first symbol's times where the keyboard crosshair stands. */
  private cursor: number | undefined;
  /** What is drawn: the readout's currency, range and kind of bar. */
  layout: ChartLayout | undefined;
  /** How a candle's four prices are read out, in the chart's language. */
  candleWords: Messages['candle'] = en.candle;

  constructor(
    private readonly times: ChartTimes,
    private readonly locale: string | undefined,
  ) {}

  /** Starts afresh with these symbols, none drawn yet; the keyboard crosshair goes. */
  reset(symbols: readonly string[]): void {
    this.tracks.clear();
    for (const symbol of symbols) this.tracks.set(symbol, { times: [], bars: new Map() });
    this.cursor = undefined;
  }

  /** Replaces a symbol's bars, oldest first. */
  setBars(symbol: string, bars: readonly Bar[]): void {
    const track = this.tracks.get(symbol);
    if (!track) return;
    track.bars = new Map(bars.map((bar) => [bar.time, bar]));
    track.times = bars.map((bar) => bar.time);
  }

  /**
   * Takes the last bar moved or a newer one; false for an older one (the library would throw)
   * or a symbol not drawn.
   */
  updateBar(symbol: string, bar: Bar): boolean {
    const track = this.tracks.get(symbol);
    const lastTime = track?.times.at(-1);
    if (!track || (lastTime !== undefined && bar.time < lastTime)) return false;
    if (bar.time !== lastTime) track.times.push(bar.time);
    track.bars.set(bar.time, bar);
    return true;
  }

  /** The newest bar drawn for `symbol`. */
  lastBar(symbol: string): Bar | undefined {
    const track = this.tracks.get(symbol);
    return track?.bars.get(track.times.at(-1) ?? Number.NaN);
  }

  /**
   * Moves the keyboard crosshair: `+1`/`-1` a bucket, `Infinity`/`-Infinity` to the last or
   * first. Returns the time it now stands on and the first symbol's bar there.
   */
  step(delta: number): { time: number; bar: Bar } | undefined {
    const first = this.tracks.values().next().value as Track | undefined;
    if (!first || first.times.length === 0) return undefined;
    const last = first.times.length - 1;
    // The first step lands on the newest bucket: what a reader asks about first.
    const target = !Number.isFinite(delta)
      ? delta > 0
        ? last
        : 0
      : this.cursor === undefined
        ? last
        : this.cursor + delta;
    this.cursor = Math.max(0, Math.min(last, target));
    const time = first.times[this.cursor]!;
    return { time, bar: first.bars.get(time)! };
  }

  /** The keyboard crosshair goes: the next step starts from the newest bucket again. */
  clear(): void {
    this.cursor = undefined;
  }

  /** What the readout shows at `ms`: its time, and each symbol's bar there, if it has one. */
  readoutAt(ms: number): Readout {
    const layout = this.layout!;
    const values: Readout['values'] = [];
    for (const [symbol, { bars }] of this.tracks) {
      const bar = bars.get(ms);
      if (!bar) continue;
      const price = (value: number) => formatPrice(value, layout.currency, this.locale);
      values.push({
        symbol,
        text:
          layout.type === 'candles'
            ? this.candleWords(price(bar.open), price(bar.high), price(bar.low), price(bar.close))
            : price(bar.close),
      });
    }
    return { time: this.times.crosshairTime(this.times.toChart(ms), layout.range), values };
  }
}
