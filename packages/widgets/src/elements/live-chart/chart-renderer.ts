import type { PricePoint } from '@tickwire/protocol';
import {
  createChart,
  type IChartApi,
  type ISeriesApi,
  LineSeries,
  PriceScaleMode,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts';

/** Colours the chart takes from the element's theme. */
export interface ChartTheme {
  text: string;
  grid: string;
  font: string;
  series: readonly string[];
}

export type ChartScale = 'price' | 'percent';

const toTime = (ms: number) => Math.floor(ms / 1000) as UTCTimestamp;

/** Decimals a price axis needs: cents from 1 up, four significant digits below. */
function precisionFor(price: number): number {
  if (!(price > 0) || price >= 1) return 2;
  return Math.min(12, 3 - Math.floor(Math.log10(price)));
}

/**
 * Everything that touches lightweight-charts, in a module of its own so the chart library
 * loads only on pages that show a chart. One line series per symbol; ticks are appended
 * with a guard, because lightweight-charts throws on a time older than the last point.
 */
export class ChartRenderer {
  private readonly chart: IChartApi;
  private readonly series = new Map<string, ISeriesApi<'Line'>>();
  /** Last plotted time per symbol, in the chart's seconds. */
  private readonly lastTimes = new Map<string, number>();
  private theme: ChartTheme;

  constructor(container: HTMLElement, theme: ChartTheme, locale: string | undefined) {
    this.theme = theme;
    const time = new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    const tick = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    this.chart = createChart(container, {
      autoSize: true,
      layout: {
        background: { color: 'transparent' },
        textColor: theme.text,
        fontFamily: theme.font,
        // The built-in logo injects a <style> element, which a strict CSP blocks; the
        // element credits TradingView with a plain link instead, as the library's NOTICE asks.
        attributionLogo: false,
      },
      grid: { vertLines: { color: theme.grid }, horzLines: { color: theme.grid } },
      rightPriceScale: { borderVisible: false },
      timeScale: {
        borderVisible: false,
        timeVisible: true,
        secondsVisible: false,
        // Local wall-clock time, as the rest of the page shows it.
        tickMarkFormatter: (value: Time) => tick.format((value as number) * 1000),
      },
      localization: {
        locale,
        timeFormatter: (value: Time) => time.format((value as number) * 1000),
      },
      handleScroll: false,
      handleScale: false,
    });
  }

  /** Shows exactly `symbols`, in order, each in its palette colour. */
  setSymbols(symbols: readonly string[]): void {
    for (const [symbol, line] of this.series) {
      if (!symbols.includes(symbol)) {
        this.chart.removeSeries(line);
        this.series.delete(symbol);
        this.lastTimes.delete(symbol);
      }
    }
    symbols.forEach((symbol, index) => {
      const color = this.colorOf(index);
      const line = this.series.get(symbol);
      if (line) line.applyOptions({ color });
      else {
        this.series.set(
          symbol,
          this.chart.addSeries(LineSeries, {
            color,
            lineWidth: 2,
            title: symbol,
            priceLineVisible: false,
          }),
        );
      }
    });
  }

  /** Percent change keeps several assets comparable on one axis; prices suit a single one. */
  setScale(scale: ChartScale): void {
    this.chart.priceScale('right').applyOptions({
      mode: scale === 'percent' ? PriceScaleMode.Percentage : PriceScaleMode.Normal,
    });
  }

  setTheme(theme: ChartTheme): void {
    this.theme = theme;
    this.chart.applyOptions({
      layout: { textColor: theme.text, fontFamily: theme.font },
      grid: { vertLines: { color: theme.grid }, horzLines: { color: theme.grid } },
    });
    [...this.series.values()].forEach((line, index) => {
      line.applyOptions({ color: this.colorOf(index) });
    });
  }

  /** Replaces a symbol's line with `points` (a snapshot). */
  draw(symbol: string, points: readonly PricePoint[]): void {
    const line = this.series.get(symbol);
    if (!line) return;
    // One point per second: the chart's time unit. The last price of a second wins.
    const data: { time: UTCTimestamp; value: number }[] = [];
    for (const [ms, value] of points) {
      const time = toTime(ms);
      const last = data.at(-1);
      if (last && time < last.time) continue;
      if (last && time === last.time) last.value = value;
      else data.push({ time, value });
    }
    line.setData(data);
    const lastPoint = data.at(-1);
    if (lastPoint) {
      line.applyOptions({
        priceFormat: {
          type: 'price',
          precision: precisionFor(lastPoint.value),
          minMove: 10 ** -precisionFor(lastPoint.value),
        },
      });
      this.lastTimes.set(symbol, lastPoint.time);
    } else this.lastTimes.delete(symbol);
  }

  /** Appends the points newer than the last plotted one; older or repeated times are dropped. */
  append(symbol: string, points: readonly PricePoint[]): void {
    const line = this.series.get(symbol);
    const lastTime = this.lastTimes.get(symbol);
    if (!line || lastTime === undefined) {
      this.draw(symbol, points);
      return;
    }
    let first = points.length;
    while (first > 0 && toTime(points[first - 1]![0]) >= lastTime) first--;
    let newest = lastTime;
    for (const [ms, value] of points.slice(first)) {
      const time = toTime(ms);
      if (time < newest) continue;
      // The same second again replaces the last point, which lightweight-charts allows.
      line.update({ time, value });
      newest = time;
    }
    this.lastTimes.set(symbol, newest);
  }

  /** The points drawn for `symbol`, as `[seconds, value]`: what a reader sees, for tests. */
  pointsOf(symbol: string): [number, number][] {
    return (this.series.get(symbol)?.data() ?? []).map((point) => [
      point.time as number,
      (point as { value: number }).value,
    ]);
  }

  /** Fits the visible range to the data. */
  fit(): void {
    this.chart.timeScale().fitContent();
  }

  dispose(): void {
    this.chart.remove();
    this.series.clear();
    this.lastTimes.clear();
  }

  private colorOf(index: number): string {
    const { series } = this.theme;
    return series[index % series.length] ?? '#1d5fd6';
  }
}
