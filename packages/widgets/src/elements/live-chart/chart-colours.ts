import type { Bar, ChartType } from './chart-layout.js';
import type { ChartTheme } from './chart-theme.js';

/** Lines dim to this opacity while the data is stale or offline; text never dims. */
const DIMMED_ALPHA = 0.4;

/** The colour of the series at `index`: the theme's, in turn. */
export function seriesColour({ series }: ChartTheme, index: number): string {
  return series[index % series.length] ?? '#1d5fd6';
}

/** Which round of the palette the series at `index` is in: 0 for the first colours, 1 when they repeat … */
export const seriesRound = ({ series }: ChartTheme, index: number): number =>
  Math.floor(index / Math.max(1, series.length));

/** A main series' colours, as its options: candles up and down, else the series' own; faded when `dimmed`. */
export function seriesColours(
  theme: ChartTheme,
  type: ChartType | undefined,
  index: number,
  dimmed: boolean,
) {
  const fade = (colour: string) => (dimmed ? withAlpha(colour, DIMMED_ALPHA) : colour);
  const colour = fade(seriesColour(theme, index));
  const { up, down } = theme;
  if (type === 'candles') {
    return {
      upColor: fade(up),
      downColor: fade(down),
      wickUpColor: fade(up),
      wickDownColor: fade(down),
      borderVisible: false,
    };
  }
  if (type === 'area') {
    return {
      lineColor: colour,
      topColor: withAlpha(colour, 0.28),
      bottomColor: withAlpha(colour, 0),
    };
  }
  return { color: colour };
}

/** The volume histogram's base colour: the text's, faint. */
export const volumeSeriesColour = ({ text }: ChartTheme): string => withAlpha(text, 0.3);

/** One volume bar's colour: up or down as its candle, faint. */
export const volumeColour = ({ up, down }: ChartTheme, bar: Bar): string =>
  withAlpha(bar.close >= bar.open ? up : down, 0.35);

/**
 * The last value's label: on the series' colour (a candle's own, from `last`), in black or
 * white, whichever reads.
 */
export function lastLabelColours(
  theme: ChartTheme,
  type: ChartType | undefined,
  index: number,
  last: Bar | undefined,
) {
  const background =
    type === 'candles'
      ? last && last.close < last.open
        ? theme.down
        : theme.up
      : seriesColour(theme, index);
  return { axisLabelColor: background, axisLabelTextColor: readableOn(background) };
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
