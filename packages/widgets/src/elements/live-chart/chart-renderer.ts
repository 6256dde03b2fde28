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
  LineStyle,
  type MouseEventParams,
  type SeriesType,
  type TickMarkType,
  type Time,
} from 'lightweight-charts';
import { formatPercent, formatPrice } from '../../internal/format.js';
import type { Messages } from '../../internal/messages.js';
import { AxisLabels } from './axis-labels.js';
import {
  lastLabelColours,
  seriesColours,
  seriesRound,
  volumeColour,
  volumeSeriesColour,
} from './chart-colours.js';
import type { Bar, ChartLayout, Readout } from './chart-layout.js';
import type { ChartTheme } from './chart-theme.js';
import { ChartTimes } from './chart-times.js';
import { CrosshairModel } from './crosshair-model.js';
import { gapSlots, usualInterval } from './tick-gaps.js';

interface Plotted {
  main: ISeriesApi<SeriesType>;
  /** The label of the last value on the axis, in a text colour that reads on the series colour. */
  lastLabel: IPriceLine;
  volume?: ISeriesApi<'Histogram'>;
  /** What percent changes are counted from (the chart's baseline). */
  base: number;
  /** In the tick chart, the usual time between updates, ms: longer pauses are drawn as gaps. */
  interval?: number;
}

/** A line's style in each round of the palette: solid, then dashed, then dotted (as the legend's swatches). */
const LINE_STYLES = [LineStyle.Solid, LineStyle.Dashed, LineStyle.Dotted];

/** A point's colours for a segment left undrawn: a line's, and an area's line and fill. */
const BROKEN_LINE = {
  color: 'transparent',
  lineColor: 'transparent',
  topColor: 'transparent',
  bottomColor: 'transparent',
};

/** A plot narrower than this, px, drops its price axis. */
const COMPACT_WIDTH = 240;

/** The axes' text size, px: the library's default, which it spaces tick labels by. */
const AXIS_FONT_PX = 12;
/**
 * Pixels the library keeps between two tick marks per character of
 * `tickMarkMaxCharacterLength`: (font size + 4) × 5 ⁄ 8 (lightweight-charts' `TimeScale.marks`).
 */
const TICK_PX_PER_CHARACTER = ((AXIS_FONT_PX + 4) * 5) / 8;
/** Clear space between two time labels, px, at the tightest. */
const TICK_LABEL_GAP_PX = 12;

/**
 * Everything that touches lightweight-charts, in a module of its own so the chart library
 * loads only on pages that show a chart: it turns the element's layout, bars and theme into
 * the library's series and options. What times read as is `ChartTimes`', which colours
 * `chart-colours`', what the crosshair reads `CrosshairModel`'s.
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
  private readonly times: ChartTimes;
  private readonly crosshair: CrosshairModel;
  /** Several symbols' last values, in a gutter beside the price axis (one symbol's sits on it). */
  private readonly gutterLabels: AxisLabels | undefined;
  private labelsFrame = 0;
  onReadout: ((readout: Readout | undefined) => void) | undefined;

  constructor(
    container: HTMLElement,
    theme: ChartTheme,
    private readonly locale: string | undefined,
    gutter?: HTMLElement,
  ) {
    this.theme = theme;
    this.gutterLabels = gutter && new AxisLabels(gutter);
    this.times = new ChartTimes(locale);
    this.crosshair = new CrosshairModel(this.times, locale);
    // Built before the chart: a browser without ResizeObserver fails here, leaving no chart behind.
    this.resizes = new ResizeObserver(([entry]) => {
      const { width = 0, height = 0 } = entry?.contentRect ?? {};
      this.chart.resize(width, height);
      // Compact or not by the room the plot and the gutter share, so that the gutter coming
      // or going (which resizes the plot) never flips the decision back.
      this.fitAxes(container.parentElement?.clientWidth ?? width);
      // The whole range, whatever the width: the gutter taking its room (after the first
      // draw) must not leave the chart fitted to the wider plot it had before.
      this.fit();
      this.placeLastValues();
    });
    // Sized by this renderer's own observer, not the library's `autoSize`: that one redraws the
    // whole chart inside the observer's callback, in the frame the chart is built (a long task
    // on a busy page); `resize` here draws at the next frame. No size (0) up front: the library
    // measures its container once.
    this.chart = createChart(container, {
      width: 0,
      height: 0,
      layout: {
        background: { color: 'transparent' },
        fontSize: AXIS_FONT_PX,
        // The built-in logo injects a <style> element, which a strict CSP blocks; the
        // element credits TradingView with a plain link instead, as the library's NOTICE asks.
        attributionLogo: false,
      },
      // A price label the plot's edge would cut in half is left out, not drawn half.
      rightPriceScale: { borderVisible: false, entireTextOnly: true },
      timeScale: {
        borderVisible: false,
        timeVisible: true,
        // Every bucket of the range fits, however narrow the chart: the range is what it shows.
        minBarSpacing: 0.01,
        // Room for the longest tick label ("12:00 PM", "Sept 29"), so no two touch.
        tickMarkMaxCharacterLength: 9,
        tickMarkFormatter: (time: Time, type: TickMarkType) =>
          this.times.tickLabel(time as number, type),
      },
      localization: {
        locale,
        timeFormatter: (time: Time) =>
          this.times.crosshairTime(time as number, this.layout?.range ?? 'live'),
        priceFormatter: (value: number) => this.formatValue(value),
      },
      handleScroll: false,
      handleScale: false,
    });
    // The library's markup (a table of canvases) says nothing to a screen reader; the
    // element's legend, readout and announcements do.
    this.chart.chartElement().setAttribute('aria-hidden', 'true');
    this.applyTheme();
    this.chart.subscribeCrosshairMove(this.onCrosshairMove);
    this.resizes.observe(container);
  }

  /** How a candle's four prices are read out, in the chart's language. */
  set candleWords(words: Messages['candle']) {
    this.crosshair.candleWords = words;
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
    for (const [symbol, { lastLabel }] of this.plotted) {
      lastLabel.applyOptions({
        axisLabelVisible: this.onAxis() && this.crosshair.lastBar(symbol) !== undefined,
      });
    }
    this.fit();
  }

  /** Sets what is drawn; series are rebuilt when the symbols or the type change. */
  setLayout(layout: ChartLayout): void {
    const previous = this.layout;
    this.layout = layout;
    this.crosshair.layout = layout;
    // A new range is new series too: series fed one after another, the library holds some on
    // the old range's time grid and some on the new one's, and it has drawn a series against
    // indices that mix both ("Value is null", about one builder run in ten switching a
    // two-symbol chart's range; lightweight-charts #2044).
    if (
      previous?.type !== layout.type ||
      previous.range !== layout.range ||
      previous.symbols.join() !== layout.symbols.join()
    ) {
      for (const { main, volume } of this.plotted.values()) {
        this.chart.removeSeries(main);
        if (volume) this.chart.removeSeries(volume);
      }
      this.plotted.clear();
      this.crosshair.reset(layout.symbols);
      layout.symbols.forEach((symbol, index) => {
        this.addSeries(symbol, index);
      });
    }
    this.spaceTimeLabels();
    this.placeLastValues();
  }

  /**
   * The tick chart's labels have seconds ("12:00:00 PM", wider in some scripts): room for
   * the widest, measured in the axis's font, so none touch at any width.
   */
  private spaceTimeLabels(): void {
    const ticks = this.ticks();
    this.chart.applyOptions({
      timeScale: {
        secondsVisible: ticks,
        tickMarkMaxCharacterLength: ticks ? this.tickLabelCharacters() : 9,
      },
    });
  }

  /**
   * The library keeps the first and last labels inside the plot by moving them inward, up to
   * half their width, towards their neighbours: marks are spaced by one and a half of the
   * widest label (bold, as the library draws a minute's) and a gap.
   */
  private tickLabelCharacters(): number {
    const context = document.createElement('canvas').getContext('2d');
    if (!context) return 16;
    context.font = `bold ${AXIS_FONT_PX}px ${this.theme.font}`;
    const widest = Math.max(
      ...this.times.widestTickLabels().map((label) => context.measureText(label).width),
    );
    return Math.ceil((widest * 1.5 + TICK_LABEL_GAP_PX) / TICK_PX_PER_CHARACTER);
  }

  /** Replaces a symbol's bars; in percent mode their values are changes from `base`. */
  setBars(symbol: string, bars: readonly Bar[], base: number): void {
    const plotted = this.plotted.get(symbol);
    if (!plotted) return;
    this.crosshair.setBars(symbol, bars);
    plotted.base = base;
    plotted.interval = this.ticks() ? usualInterval(bars.map(({ time }) => time)) : undefined;
    const last = bars.at(-1);
    // Options before data: a guess at what throws "Value is null" (lightweight-charts #2044),
    // options read against bars another series' setData has just re-indexed. Never shown to
    // matter; what stopped that error was new series for a new range (`setLayout`).
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
        axisLabelVisible: this.onAxis(),
      });
    }
    plotted.main.setData(
      bars.flatMap((bar, i) => {
        const next = bars[i + 1];
        const gapAfter = next !== undefined && this.gapBefore(next, bar, plotted).length > 0;
        return [
          ...this.gapBefore(bar, bars[i - 1], plotted),
          this.point(bar, plotted.base, gapAfter),
        ];
      }),
    );
    plotted.volume?.setData(bars.flatMap((bar) => this.volumePoint(bar)));
    this.placeLastValues();
  }

  /** Updates the last bar or appends a newer one; an older one is ignored (the library would throw). */
  updateBar(symbol: string, bar: Bar): void {
    const plotted = this.plotted.get(symbol);
    const previous = this.crosshair.lastBar(symbol);
    if (!plotted || !this.crosshair.updateBar(symbol, bar)) return;
    const gap = this.gapBefore(bar, previous, plotted);
    // The line stops at the last update before the gap (its segment onward is not drawn).
    if (gap.length > 0 && previous) plotted.main.update(this.point(previous, plotted.base, true));
    for (const slot of gap) plotted.main.update(slot);
    plotted.main.update(this.point(bar, plotted.base));
    for (const volume of this.volumePoint(bar)) plotted.volume?.update(volume);
    // The bar taken is the newest: its close is the last value.
    plotted.lastLabel.applyOptions({
      price: this.value(bar.close, plotted.base),
      axisLabelVisible: this.onAxis(),
    });
    if (this.layout?.type === 'candles') this.colourLastLabel(symbol, plotted, 0);
    this.placeLastValues();
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
    const stop = this.crosshair.step(delta);
    const first = this.plotted.values().next().value as Plotted | undefined;
    if (!stop || !first) return undefined;
    const value = this.value(stop.bar.close, first.base);
    this.chart.setCrosshairPosition(value, this.times.toChart(stop.time), first.main);
    return this.placed(this.crosshair.readoutAt(stop.time), first.main.priceToCoordinate(value));
  }

  clearCrosshair(): void {
    this.crosshair.clear();
    this.chart.clearCrosshairPosition();
  }

  /** Gives back the canvas, its observers and timers; safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.resizes.disconnect();
    cancelAnimationFrame(this.labelsFrame);
    this.gutterLabels?.clear();
    this.chart.unsubscribeCrosshairMove(this.onCrosshairMove);
    this.chart.remove();
    this.plotted.clear();
  }

  private readonly onCrosshairMove = (event: MouseEventParams) => {
    if (event.sourceEvent === undefined && event.point === undefined) return;
    const time = event.time === undefined ? undefined : this.times.fromChart(event.time as number);
    this.onReadout?.(
      time === undefined ? undefined : this.placed(this.crosshair.readoutAt(time), event.point?.y),
    );
  };

  /** `readout` with where its point is: `y` px from the top of the plot. */
  private placed(readout: Readout, y: number | null | undefined): Readout {
    return y == null
      ? readout
      : { ...readout, place: { y, below: this.chart.timeScale().height() } };
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
    });
    const plotted: Plotted = { main, lastLabel, volume, base: 1 };
    this.plotted.set(symbol, plotted);
    this.colourSeries(symbol, plotted, index);
  }

  /** One symbol's last value sits on the price axis, as the library draws it; several go in the gutter. */
  private onAxis(): boolean {
    return !this.compact && (!this.gutterLabels || (this.layout?.symbols.length ?? 0) < 2);
  }

  /**
   * Puts several symbols' last values in the gutter, once the chart has drawn (the price
   * scale fits the new data as it draws): at the next frame, after the library's own.
   */
  private placeLastValues(): void {
    if (!this.gutterLabels || this.labelsFrame) return;
    this.labelsFrame = requestAnimationFrame(() => {
      this.labelsFrame = 0;
      if (this.disposed) return;
      const layout = this.layout;
      const several = !this.compact && layout !== undefined && layout.symbols.length > 1;
      this.gutterLabels?.show(
        several
          ? [...this.plotted].flatMap(([symbol, { main, base }], index) => {
              const last = this.crosshair.lastBar(symbol);
              const value = last && this.value(last.close, base);
              const y = value === undefined ? null : main.priceToCoordinate(value);
              if (value === undefined || y === null) return [];
              const { axisLabelColor, axisLabelTextColor } = lastLabelColours(
                this.theme,
                layout.type,
                index,
                last,
              );
              return [
                {
                  symbol,
                  label: layout.labels[index] ?? symbol,
                  text: this.formatValue(value),
                  y,
                  background: axisLabelColor,
                  color: axisLabelTextColor,
                },
              ];
            })
          : [],
      );
    });
  }

  private applyTheme(): void {
    const { text, grid, font } = this.theme;
    // Another font, other widths.
    this.spaceTimeLabels();
    this.chart.applyOptions({
      layout: { textColor: text, fontFamily: font },
      grid: { vertLines: { color: grid }, horzLines: { color: grid } },
      // Labels on the text colour: the library writes black or white on them, whichever reads.
      crosshair: {
        vertLine: { labelBackgroundColor: text },
        horzLine: { labelBackgroundColor: text },
      },
    });
    [...this.plotted].forEach(([symbol, plotted], index) => {
      this.colourSeries(symbol, plotted, index);
    });
    this.placeLastValues();
  }

  private colourSeries(symbol: string, plotted: Plotted, index: number): void {
    const type = this.layout?.type;
    this.colourLastLabel(symbol, plotted, index);
    plotted.main.applyOptions({
      ...seriesColours(this.theme, type, index, this.dimmed),
      // Past the palette, repeated colours are told apart by their dashes.
      ...(type === 'candles'
        ? {}
        : { lineStyle: LINE_STYLES[seriesRound(this.theme, index) % LINE_STYLES.length] }),
    });
    if (type === 'candles') plotted.volume?.applyOptions({ color: volumeSeriesColour(this.theme) });
  }

  private colourLastLabel(symbol: string, plotted: Plotted, index: number): void {
    plotted.lastLabel.applyOptions(
      lastLabelColours(this.theme, this.layout?.type, index, this.crosshair.lastBar(symbol)),
    );
  }

  /**
   * A bar as the library draws it: prices, or in percent mode the change from `base` (the
   * chart's baseline), worked out here so that the axis, the labels and the legend count alike.
   */
  private point(bar: Bar, base: number, gapAfter = false) {
    const time = this.times.toChart(bar.time);
    const value = (price: number) => this.value(price, base);
    if (this.layout?.type === 'candles')
      return {
        time,
        open: value(bar.open),
        high: value(bar.high),
        low: value(bar.low),
        close: value(bar.close),
      };
    // The library draws the segment from a point in that point's colour, and joins points
    // across empty slots: before a gap, the segment is not drawn, and the line breaks.
    return { time, value: value(bar.close), ...(gapAfter && BROKEN_LINE) };
  }

  private ticks(): boolean {
    return this.layout?.range === 'live';
  }

  /** The tick chart's empty slots (whitespace: the line breaks) for a gap before `bar`. */
  private gapBefore(bar: Bar, previous: Bar | undefined, plotted: Plotted) {
    if (!previous || previous.time >= bar.time) return [];
    return gapSlots(previous.time, bar.time, plotted.interval).map((time) => ({
      time: this.times.toChart(time),
    }));
  }

  /** A value as the axis writes it: a percent change, or a price in the chart's currency. */
  private formatValue(value: number): string {
    return this.layout?.scale === 'percent'
      ? formatPercent(value, this.locale)
      : formatPrice(value, this.layout?.currency ?? 'USD', this.locale);
  }

  private value(price: number, base: number): number {
    return this.layout?.scale === 'percent' ? (price / base - 1) * 100 : price;
  }

  private volumePoint(bar: Bar) {
    if (bar.volume === null) return [];
    return [
      {
        time: this.times.toChart(bar.time),
        value: bar.volume,
        color: volumeColour(this.theme, bar),
      },
    ];
  }
}
