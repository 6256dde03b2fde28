import { priceDecimals } from '@tickwire/protocol';
import {
  AreaSeries,
  CandlestickSeries,
  createChart,
  HistogramSeries,
  type IChartApi,
  type IPriceLine,
  type ISeriesApi,
  LineSeries,
  type MouseEventParams,
  type SeriesType,
  TickMarkType,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts';
import { formatPercent, formatPrice } from '../../internal/format.js';
import { en } from '../../internal/messages/en.js';
import type { Messages } from '../../internal/messages.js';
import type { ChartRange } from './candle-history.js';

/** Colours and font the chart takes from the element's theme, resolved. */
export interface ChartTheme {
  text: string;
  grid: string;
  font: string;
  up: string;
  down: string;
  series: readonly string[];
}

export type ChartScale = 'price' | 'percent';
export type ChartType = 'line' | 'area' | 'candles';

/** What the chart draws: set as a whole, redrawn from scratch when it changes. */
export interface ChartLayout {
  symbols: readonly string[];
  /** Each symbol as the reader sees it (`symbolLabel`), in the same order. */
  labels: readonly string[];
  /** `candles` only ever for one symbol: the element decides. */
  type: ChartType;
  scale: ChartScale;
  range: ChartRange;
  /** Currency of the prices drawn (on a price scale, the one symbol's). */
  quote: string;
}

/** One bucket (or, in the live range, one price), `time` in ms. */
export interface Bar {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number | null;
}

/** The values under the crosshair, as text. */
export interface Readout {
  time: string;
  values: { symbol: string; text: string }[];
}

interface Plotted {
  main: ISeriesApi<SeriesType>;
  /** The label of the last value on the axis, in a text colour that reads on the series colour. */
  lastLabel: IPriceLine;
  volume?: ISeriesApi<'Histogram'>;
  /** What percent changes are counted from (the chart's baseline). */
  base: number;
  /** Times drawn, ms, oldest first: where the keyboard crosshair can stop. */
  times: number[];
  /** The bars by time, for the readout. */
  bars: Map<number, Bar>;
}

/** A plot narrower than this, px, drops its price axis. */
const COMPACT_WIDTH = 240;

/** Lines dim to this opacity while the data is stale or offline; text never dims. */
const DIMMED_ALPHA = 0.4;

/**
 * Everything that touches lightweight-charts, in a module of its own so the chart library
 * loads only on pages that show a chart. Times are drawn in the reader's wall-clock time:
 * the library lays ticks out on UTC boundaries, so every time is shifted by the page's
 * current UTC offset (one offset for all, keeping buckets evenly spaced across a DST change).
 */
export class ChartRenderer {
  private readonly chart: IChartApi;
  private readonly plotted = new Map<string, Plotted>();
  private layout: ChartLayout | undefined;
  private theme: ChartTheme;
  private dimmed = false;
  private disposed = false;
  private compact = false;
  private readonly resizes: ResizeObserver;
  /** Index into the first symbol's times where the keyboard crosshair stands. */
  private cursor: number | undefined;
  private readonly offsetSec = -new Date().getTimezoneOffset() * 60;
  /** Each tick's label, by time, as last drawn: for tests that no two read alike. */
  readonly tickLabels = new Map<number, string>();
  private readonly formats: ReturnType<typeof timeFormats>;
  onReadout: ((readout: Readout | undefined) => void) | undefined;
  /** How a candle's four prices are read out, in the chart's language. */
  candleWords: Messages['candle'] = en.candle;

  constructor(
    container: HTMLElement,
    theme: ChartTheme,
    private readonly locale: string | undefined,
  ) {
    this.theme = theme;
    this.formats = timeFormats(locale);
    // Sized by this renderer's own observer, not the library's `autoSize`: that one redraws the
    // whole chart inside the observer's callback, in the frame the chart is built (a long task
    // on a busy page); `resize` here draws at the next frame. No size (0) up front: the library
    // measures its container once.
    this.chart = createChart(container, {
      width: 0,
      height: 0,
      layout: {
        background: { color: 'transparent' },
        // The built-in logo injects a <style> element, which a strict CSP blocks; the
        // element credits TradingView with a plain link instead, as the library's NOTICE asks.
        attributionLogo: false,
      },
      rightPriceScale: { borderVisible: false },
      timeScale: {
        borderVisible: false,
        timeVisible: true,
        // Every bucket of the range fits, however narrow the chart: the range is what it shows.
        minBarSpacing: 0.01,
        // Room for the longest tick label ("12:00 PM", "Sept 29"), so no two touch.
        tickMarkMaxCharacterLength: 9,
        tickMarkFormatter: (time: Time, type: TickMarkType) => {
          const label = this.tickLabel(time as number, type);
          this.tickLabels.set(time as number, label);
          return label;
        },
      },
      localization: {
        locale,
        timeFormatter: (time: Time) => this.crosshairTime(time as number),
        priceFormatter: (value: number) =>
          this.layout?.scale === 'percent'
            ? formatPercent(value, locale)
            : formatPrice(value, this.layout?.quote ?? 'USD', locale),
      },
      handleScroll: false,
      handleScale: false,
    });
    // The library's markup (a table of canvases) says nothing to a screen reader; the
    // element's legend, readout and announcements do.
    this.chart.chartElement().setAttribute('aria-hidden', 'true');
    this.applyTheme();
    this.chart.subscribeCrosshairMove(this.onCrosshairMove);
    this.resizes = new ResizeObserver(([entry]) => {
      const { width = 0, height = 0 } = entry?.contentRect ?? {};
      this.chart.resize(width, height);
      this.fitAxes(width);
    });
    this.resizes.observe(container);
  }

  /**
   * Below `COMPACT_WIDTH` the price axis would take half the plot: it goes, as on the price
   * widgets people know; the legend and the crosshair still give every value.
   */
  private fitAxes(width: number): void {
    const compact = width < COMPACT_WIDTH;
    if (compact === this.compact) return;
    this.compact = compact;
    this.chart.applyOptions({ rightPriceScale: { visible: !compact } });
    for (const { lastLabel, times } of this.plotted.values()) {
      lastLabel.applyOptions({ axisLabelVisible: !compact && times.length > 0 });
    }
    this.fit();
  }

  /** Sets what is drawn; series are rebuilt when the symbols or the type change. */
  setLayout(layout: ChartLayout): void {
    const previous = this.layout;
    this.layout = layout;
    if (previous?.type !== layout.type || previous.symbols.join() !== layout.symbols.join()) {
      for (const { main, volume } of this.plotted.values()) {
        this.chart.removeSeries(main);
        if (volume) this.chart.removeSeries(volume);
      }
      this.plotted.clear();
      this.tickLabels.clear();
      layout.symbols.forEach((symbol, index) => {
        this.addSeries(symbol, index);
      });
      this.cursor = undefined;
    }
    this.chart.applyOptions({ timeScale: { secondsVisible: layout.range === 'live' } });
  }

  /** Replaces a symbol's bars; in percent mode their values are changes from `base`. */
  setBars(symbol: string, bars: readonly Bar[], base: number): void {
    const plotted = this.plotted.get(symbol);
    if (!plotted) return;
    plotted.bars = new Map(bars.map((bar) => [bar.time, bar]));
    plotted.times = bars.map((bar) => bar.time);
    plotted.base = base;
    plotted.main.setData(bars.map((bar) => this.point(bar, plotted.base)));
    plotted.volume?.setData(bars.flatMap((bar) => this.volumePoint(bar)));
    const last = bars.at(-1);
    if (last) {
      const precision = priceDecimals(last.close);
      plotted.main.applyOptions({
        priceFormat:
          this.layout?.scale === 'percent'
            ? { type: 'price', precision: 2, minMove: 0.01 }
            : { type: 'price', precision, minMove: 10 ** -precision },
      });
      plotted.lastLabel.applyOptions({
        price: this.value(last.close, plotted.base),
        axisLabelVisible: !this.compact,
      });
    }
  }

  /** Updates the last bar or appends a newer one; an older one is ignored (the library would throw). */
  updateBar(symbol: string, bar: Bar): void {
    const plotted = this.plotted.get(symbol);
    const lastTime = plotted?.times.at(-1);
    if (!plotted || (lastTime !== undefined && bar.time < lastTime)) return;
    if (bar.time !== lastTime) plotted.times.push(bar.time);
    plotted.bars.set(bar.time, bar);
    plotted.main.update(this.point(bar, plotted.base));
    for (const volume of this.volumePoint(bar)) plotted.volume?.update(volume);
    if (bar.time === plotted.times.at(-1)) {
      plotted.lastLabel.applyOptions({
        price: this.value(bar.close, plotted.base),
        axisLabelVisible: !this.compact,
      });
      if (this.layout?.type === 'candles') this.colourLastLabel(plotted, 0);
    }
  }

  fit(): void {
    this.chart.timeScale().fitContent();
  }

  setTheme(theme: ChartTheme): void {
    this.theme = theme;
    this.applyTheme();
  }

  /** Stale or offline: the lines fade, the text keeps its contrast. */
  setDimmed(dimmed: boolean): void {
    if (dimmed === this.dimmed) return;
    this.dimmed = dimmed;
    this.applyTheme();
  }

  /**
   * Moves the keyboard crosshair: `+1`/`-1` a bucket, `Infinity`/`-Infinity` to the last or
   * first. Returns what it now shows.
   */
  step(delta: number): Readout | undefined {
    const first = this.plotted.values().next().value as Plotted | undefined;
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
    const bar = first.bars.get(time)!;
    this.chart.setCrosshairPosition(
      this.value(bar.close, first.base),
      this.toChartTime(time),
      first.main,
    );
    return this.readoutAt(time);
  }

  clearCrosshair(): void {
    this.cursor = undefined;
    this.chart.clearCrosshairPosition();
  }

  /** The times drawn for `symbol`, ms. */
  timesOf(symbol: string): number[] {
    return [...(this.plotted.get(symbol)?.times ?? [])];
  }

  /** Where `ms` falls on the x axis, in CSS pixels; `null` off the chart. */
  xOf(ms: number): number | null {
    return this.chart.timeScale().timeToCoordinate(this.toChartTime(ms));
  }

  /** A time of day as the axis writes it: `8:15 PM`, or with `seconds` `8:15:30 PM`. */
  clockTime(ms: number, seconds = false): string {
    return (seconds ? this.formats.second : this.formats.minute).format(
      this.toChartTime(ms) * 1000,
    );
  }

  /** The font the axes are drawn in. */
  get axisFont(): string {
    return this.chart.options().layout.fontFamily;
  }

  /** Gives back the canvas, its observers and timers; safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.resizes.disconnect();
    this.chart.unsubscribeCrosshairMove(this.onCrosshairMove);
    this.chart.remove();
    this.plotted.clear();
  }

  private readonly onCrosshairMove = (event: MouseEventParams) => {
    if (event.sourceEvent === undefined && event.point === undefined) return;
    const time = event.time === undefined ? undefined : this.fromChartTime(event.time as number);
    this.onReadout?.(time === undefined ? undefined : this.readoutAt(time));
  };

  private readoutAt(ms: number): Readout {
    const layout = this.layout!;
    const values: Readout['values'] = [];
    for (const [symbol, { bars }] of this.plotted) {
      const bar = bars.get(ms);
      if (!bar) continue;
      const price = (value: number) => formatPrice(value, layout.quote, this.locale);
      values.push({
        symbol: layout.labels[layout.symbols.indexOf(symbol)] ?? symbol,
        text:
          layout.type === 'candles'
            ? this.candleWords(price(bar.open), price(bar.high), price(bar.low), price(bar.close))
            : price(bar.close),
      });
    }
    return { time: this.crosshairTime(this.toChartTime(ms)), values };
  }

  private addSeries(symbol: string, index: number): void {
    const type = this.layout!.type;
    // The library's own last-value label writes black or white by a rule of its own (white
    // on light pink in the dark theme); a price line of ours picks the text colour that reads.
    const common = { priceLineVisible: false, lastValueVisible: false };
    const main: ISeriesApi<SeriesType> =
      type === 'candles'
        ? this.chart.addSeries(CandlestickSeries, common)
        : type === 'area'
          ? this.chart.addSeries(AreaSeries, { ...common, lineWidth: 2 })
          : this.chart.addSeries(LineSeries, { ...common, lineWidth: 2 });
    const volume =
      type === 'candles'
        ? this.chart.addSeries(HistogramSeries, {
            priceScaleId: 'volume',
            priceFormat: { type: 'volume' },
            lastValueVisible: false,
            priceLineVisible: false,
          })
        : undefined;
    if (volume) {
      this.chart.priceScale('volume').applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
      main.priceScale().applyOptions({ scaleMargins: { top: 0.1, bottom: 0.25 } });
    }
    const lastLabel = main.createPriceLine({
      price: 0,
      lineVisible: false,
      axisLabelVisible: false,
      title: this.layout!.symbols.length > 1 ? (this.layout!.labels[index] ?? symbol) : '',
    });
    const plotted: Plotted = { main, lastLabel, volume, base: 1, times: [], bars: new Map() };
    this.plotted.set(symbol, plotted);
    this.colourSeries(plotted, index);
  }

  private applyTheme(): void {
    const { text, grid, font } = this.theme;
    this.chart.applyOptions({
      layout: { textColor: text, fontFamily: font },
      grid: { vertLines: { color: grid }, horzLines: { color: grid } },
      // Labels on the text colour: the library writes black or white on them, whichever reads.
      crosshair: {
        vertLine: { labelBackgroundColor: text },
        horzLine: { labelBackgroundColor: text },
      },
    });
    [...this.plotted.values()].forEach((plotted, index) => {
      this.colourSeries(plotted, index);
    });
  }

  private colourSeries(plotted: Plotted, index: number): void {
    const { main, volume } = plotted;
    const { up, down } = this.theme;
    const fade = (colour: string) => (this.dimmed ? withAlpha(colour, DIMMED_ALPHA) : colour);
    const colour = fade(this.seriesColour(index));
    this.colourLastLabel(plotted, index);
    if (this.layout?.type === 'candles') {
      main.applyOptions({
        upColor: fade(up),
        downColor: fade(down),
        wickUpColor: fade(up),
        wickDownColor: fade(down),
        borderVisible: false,
      });
      volume?.applyOptions({ color: withAlpha(this.theme.text, 0.3) });
    } else if (this.layout?.type === 'area') {
      main.applyOptions({
        lineColor: colour,
        topColor: withAlpha(colour, 0.28),
        bottomColor: withAlpha(colour, 0),
      });
    } else main.applyOptions({ color: colour });
  }

  private seriesColour(index: number): string {
    const { series } = this.theme;
    return series[index % series.length] ?? '#1d5fd6';
  }

  /** The last value's label: on the series' colour (a candle's own), in black or white, whichever reads. */
  private colourLastLabel(plotted: Plotted, index: number): void {
    const last = plotted.bars.get(plotted.times.at(-1) ?? Number.NaN);
    const background =
      this.layout?.type === 'candles'
        ? last && last.close < last.open
          ? this.theme.down
          : this.theme.up
        : this.seriesColour(index);
    plotted.lastLabel.applyOptions({
      axisLabelColor: background,
      axisLabelTextColor: readableOn(background),
    });
  }

  /**
   * A bar as the library draws it: prices, or in percent mode the change from `base` (the
   * chart's baseline), worked out here so that the axis, the labels and the legend count alike.
   */
  private point(bar: Bar, base: number) {
    const time = this.toChartTime(bar.time);
    const value = (price: number) => this.value(price, base);
    return this.layout?.type === 'candles'
      ? {
          time,
          open: value(bar.open),
          high: value(bar.high),
          low: value(bar.low),
          close: value(bar.close),
        }
      : { time, value: value(bar.close) };
  }

  private value(price: number, base: number): number {
    return this.layout?.scale === 'percent' ? (price / base - 1) * 100 : price;
  }

  private volumePoint(bar: Bar) {
    if (bar.volume === null) return [];
    const { up, down } = this.theme;
    const colour = withAlpha(bar.close >= bar.open ? up : down, 0.35);
    return [{ time: this.toChartTime(bar.time), value: bar.volume, color: colour }];
  }

  private toChartTime(ms: number): UTCTimestamp {
    return (Math.floor(ms / 1000) + this.offsetSec) as UTCTimestamp;
  }

  private fromChartTime(time: number): number {
    return (time - this.offsetSec) * 1000;
  }

  /**
   * A tick's label from its kind: the year at a year's first tick, the month at a month's,
   * day and month at a day's, else the time of day (with seconds when the tick is not on a
   * whole minute, so no two ticks read alike).
   */
  private tickLabel(time: number, type: TickMarkType): string {
    const ms = time * 1000;
    switch (type) {
      case TickMarkType.Year:
        return this.formats.year.format(ms);
      case TickMarkType.Month:
        return this.formats.month.format(ms);
      case TickMarkType.DayOfMonth:
        return this.formats.day.format(ms);
      default:
        return (time % 60 === 0 ? this.formats.minute : this.formats.second).format(ms);
    }
  }

  /** The crosshair's time: what a bucket of the range means (a day, an hour, a moment). */
  private crosshairTime(time: number): string {
    const range = this.layout?.range ?? 'live';
    const format =
      range === 'live'
        ? this.formats.second
        : range === '1y'
          ? this.formats.date
          : this.formats.dateTime;
    return format.format(time * 1000);
  }
}

/** Formats of the chart's times; they read shifted times, so they format in UTC. */
function timeFormats(locale: string | undefined) {
  const make = (options: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    } catch {
      return new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' });
    }
  };
  return {
    year: make({ year: 'numeric' }),
    month: make({ month: 'short' }),
    day: make({ day: 'numeric', month: 'short' }),
    minute: make({ hour: 'numeric', minute: '2-digit' }),
    second: make({ hour: 'numeric', minute: '2-digit', second: '2-digit' }),
    date: make({ dateStyle: 'medium' }),
    dateTime: make({ day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' }),
  };
}

/** Black or white, whichever contrasts more with `background`: never below 4.58:1 (WCAG 2). */
export function readableOn(background: string): string {
  const rgb = rgbOf(background);
  if (!rgb) return '#000000';
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? '#000000' : '#ffffff';
}

/** `colour` (as `getComputedStyle` gives it: `rgb(…)` or `#…`) at opacity `alpha`. */
export function withAlpha(colour: string, alpha: number): string {
  const rgb = rgbOf(colour);
  return rgb ? `rgba(${rgb[0]}, ${rgb[1]}, ${rgb[2]}, ${alpha})` : colour;
}

/** The channels of `rgb(…)`, `rgba(…)` or `#rrggbb`. */
function rgbOf(colour: string): [number, number, number] | undefined {
  const hex = colour.match(/^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i);
  if (hex) return [1, 2, 3].map((i) => Number.parseInt(hex[i]!, 16)) as [number, number, number];
  const channels = colour.startsWith('rgb') ? colour.match(/\d+(\.\d+)?/g) : null;
  return channels && channels.length >= 3
    ? (channels.slice(0, 3).map(Number) as [number, number, number])
    : undefined;
}
