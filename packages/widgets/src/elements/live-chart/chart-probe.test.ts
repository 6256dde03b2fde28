import type {
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

/** The times drawn for the layout's `index`th symbol, ms, oldest first. */
export const drawnTimes = (renderer: ChartRenderer, index = 0): number[] =>
  symbolSeries(chartOf(renderer))
    [index]?.data()
    .map((point) => shift.fromChart(point.time as number)) ?? [];

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
  symbolSeries(chartOf(renderer))
    [index]?.data()
    .map((point) => (point as { value: number }).value) ?? [];
