import type {
  BarPrice,
  IChartApi,
  ISeriesApi,
  SeriesType,
  TickMarkType,
  Time,
  TimeScaleOptions,
} from 'lightweight-charts';
import type { ChartRenderer } from './chart-renderer.js';
import { ChartTimes } from './chart-times.js';

// What only the canvas shows, read for the tests through the chart library's public API: the
// shipped chart keeps no hooks for them. Not imported by the element, not in the npm build.

/** The library's chart a renderer draws on (its private `chart`). */
const chartOf = (renderer: ChartRenderer): IChartApi =>
  (renderer as unknown as { chart: IChartApi }).chart;

/** The page's shift of times, as the renderer's own (`ChartTimes`). */
const shift = new ChartTimes(undefined);

/** Each symbol's series, in the layout's order (a candle chart's volume left out). */
const symbolSeries = (chart: IChartApi): ISeriesApi<SeriesType>[] =>
  chart
    .panes()
    .flatMap((pane) => pane.getSeries())
    .filter((series) => series.seriesType() !== 'Histogram');

/** A point with a price; else whitespace. */
const hasValue = (point: object): boolean =>
  typeof (point as { value?: unknown }).value === 'number' ||
  typeof (point as { close?: unknown }).close === 'number';

/** The points drawn for the layout's `index`th symbol, oldest first: whitespace (a gap's empty slots) left out. */
const pointsDrawn = (renderer: ChartRenderer, index: number) =>
  symbolSeries(chartOf(renderer))[index]?.data().filter(hasValue) ?? [];

/** The times drawn for the layout's `index`th symbol, ms, oldest first. */
export const drawnTimes = (renderer: ChartRenderer, index = 0): number[] =>
  pointsDrawn(renderer, index).map((point) => shift.fromChart(point.time as number));

/**
 * The slots between the `index`th symbol's points at `fromMs` and `toMs` (exclusive), and how
 * many of them are empty (whitespace: the line broken there).
 */
export function slotsBetween(
  renderer: ChartRenderer,
  fromMs: number,
  toMs: number,
  index = 0,
): { slots: number; empty: number } {
  const chart = chartOf(renderer);
  const series = symbolSeries(chart)[index]!;
  const from = chart.timeScale().timeToIndex(shift.toChart(fromMs))!;
  const to = chart.timeScale().timeToIndex(shift.toChart(toMs))!;
  let empty = 0;
  for (let slot = from + 1; slot < to; slot++) {
    const point = series.dataByIndex(slot);
    if (!point || !hasValue(point)) empty++;
  }
  return { slots: to - from - 1, empty };
}

/**
 * The times, ms, of the `index`th symbol's points whose segment onward is not drawn (the
 * line broken after them).
 */
export const lineBreaksAfter = (renderer: ChartRenderer, index = 0): number[] =>
  pointsDrawn(renderer, index)
    .filter((point) => (point as { color?: string }).color === 'transparent')
    .map((point) => shift.fromChart(point.time as number));

/** Where `ms` falls on the x axis, CSS px; `null` off the chart. */
export const xAt = (renderer: ChartRenderer, ms: number): number | null =>
  chartOf(renderer).timeScale().timeToCoordinate(shift.toChart(ms));

/** The font the axes are drawn in. */
export const fontDrawn = (renderer: ChartRenderer): string =>
  chartOf(renderer).options().layout.fontFamily;

/** Each tick label the chart draws from now on, by its time: its own formatter, wrapped. */
export function recordTickLabels(renderer: ChartRenderer): Map<number, string> {
  const chart = chartOf(renderer);
  const format = (chart.options().timeScale as TimeScaleOptions).tickMarkFormatter!;
  const labels = new Map<number, string>();
  chart.applyOptions({
    timeScale: {
      tickMarkFormatter: (time: Time, type: TickMarkType, locale: string) => {
        const label = format(time, type, locale) ?? '';
        labels.set(time as number, label);
        return label;
      },
    },
  });
  return labels;
}

/** The values drawn for the layout's `index`th symbol (a price, or a percent change), oldest first. */
export const drawnValues = (renderer: ChartRenderer, index = 0): number[] =>
  pointsDrawn(renderer, index).map((point) => (point as { value: number }).value);

/** A label as drawn: its text and its box, CSS px from the plot's left and top. */
export interface LabelBox {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const twoFrames = () =>
  new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));

/** Width of `text` in the axes' font, px: bold, as the library draws its weightier labels. */
function textWidth(chart: IChartApi, text: string): number {
  const context = document.createElement('canvas').getContext('2d')!;
  const { fontSize, fontFamily } = chart.options().layout;
  context.font = `bold ${fontSize}px ${fontFamily}`;
  return context.measureText(text).width;
}

/**
 * The time axis's labels as the chart draws them now (it is asked to label its ticks afresh):
 * each centred on its tick, and, as the library keeps its first and last ones, moved inward
 * by as much as it would overflow the plot.
 */
export async function timeLabelBoxes(renderer: ChartRenderer): Promise<LabelBox[]> {
  const chart = chartOf(renderer);
  await twoFrames();
  const labels = recordTickLabels(renderer);
  await twoFrames();
  const plotWidth = chart.timeScale().width();
  return [...labels].flatMap(([time, text]) => {
    const x = chart.timeScale().timeToCoordinate(time as Time);
    if (x === null) return [];
    const width = textWidth(chart, text);
    const left = Math.min(Math.max(x - width / 2, 0), plotWidth - width);
    return [{ text, left, right: left + width, top: 0, bottom: 0 }];
  });
}

/**
 * The price axis's tick labels as the chart draws them now (asked to format them afresh), each
 * centred on its price; the axis's own height beside them.
 */
export async function priceLabelBoxes(
  renderer: ChartRenderer,
): Promise<{ boxes: LabelBox[]; height: number }> {
  const chart = chartOf(renderer);
  const series = symbolSeries(chart)[0]!;
  await twoFrames();
  const format = chart.options().localization.priceFormatter!;
  const values = new Map<string, number>();
  // The axis's ticks alone are formatted through this one (the edges, the crosshair's and the
  // last value's labels through `priceFormatter`).
  chart.applyOptions({
    localization: {
      tickmarksPriceFormatter: (prices: BarPrice[]) =>
        prices.map((value) => {
          const text = format(value);
          values.set(text, value);
          return text;
        }),
    },
  });
  await twoFrames();
  const { fontSize } = chart.options().layout;
  const boxes = [...values].flatMap(([text, value]) => {
    const y = series.priceToCoordinate(value);
    if (y === null) return [];
    return [{ text, left: 0, right: 0, top: y - fontSize / 2, bottom: y + fontSize / 2 }];
  });
  return { boxes, height: chart.paneSize().height };
}
