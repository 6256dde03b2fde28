/**
 * The heatmap's colour scale: blue for a rise, orange for a fall, grey for none — a diverging
 * pair that readers with red–green colour blindness (one in twelve men) tell apart, as the
 * green–red of a trading screen is not. Each tile's text is black or white, whichever reads
 * better on its fill (at least 4.5:1 on every colour of the scale).
 */

/** The heatmap's ranges, each the change it colours by. */
export const HEATMAP_RANGES = ['1h', '24h', '7d'] as const;
export type HeatmapRange = (typeof HEATMAP_RANGES)[number];

/**
 * The change, in percent, at which a tile's colour is full: a usual big move of each range
 * (an hour moves less than a week). Larger moves are as strong, their figure says the rest.
 */
export const FULL_COLOUR_PERCENT: Record<HeatmapRange, number> = { '1h': 2, '24h': 6, '7d': 15 };

type Rgb = readonly [number, number, number];

/** The scale's ends and middle, in each scheme: the dark one's grey sits on a dark page. */
const SCALE: Record<'light' | 'dark', { down: Rgb; flat: Rgb; up: Rgb }> = {
  light: { down: [0xa3, 0x42, 0x00], flat: [0xe6, 0xe9, 0xed], up: [0x17, 0x4e, 0x93] },
  dark: { down: [0xa8, 0x4a, 0x06], flat: [0x2a, 0x30, 0x38], up: [0x1f, 0x5f, 0xad] },
};

/** How far along the scale a change is, −1 to 1; a gentle curve so small moves still show. */
export function scalePosition(percent: number | undefined, range: HeatmapRange): number {
  if (percent === undefined || !Number.isFinite(percent)) return 0;
  const t = Math.min(1, Math.abs(percent) / FULL_COLOUR_PERCENT[range]);
  return Math.sign(percent) * t ** 0.75;
}

/** A tile's fill and text colour, each a CSS `light-dark()` of the two schemes' colours. */
export function tileColours(
  percent: number | undefined,
  range: HeatmapRange,
): { fill: string; ink: string } {
  const [light, dark] = [fillOf(percent, range, 'light'), fillOf(percent, range, 'dark')];
  return {
    fill: `light-dark(${hex(light)}, ${hex(dark)})`,
    ink: `light-dark(${hex(inkOn(light))}, ${hex(inkOn(dark))})`,
  };
}

function mix(from: Rgb, to: Rgb, t: number): Rgb {
  return from.map((value, i) => Math.round(value + (to[i]! - value) * t)) as unknown as Rgb;
}

const hex = (rgb: Rgb) => `#${rgb.map((value) => value.toString(16).padStart(2, '0')).join('')}`;

/** WCAG relative luminance. */
export function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours. */
export function contrast(a: Rgb, b: Rgb): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const BLACK: Rgb = [0, 0, 0];
const WHITE: Rgb = [0xff, 0xff, 0xff];

/** Black or white, whichever reads better on `fill`. */
export function inkOn(fill: Rgb): Rgb {
  return contrast(fill, BLACK) >= contrast(fill, WHITE) ? BLACK : WHITE;
}

/** The fill of a change in one scheme, as `[r, g, b]`. */
export function fillOf(
  percent: number | undefined,
  range: HeatmapRange,
  scheme: 'light' | 'dark',
): Rgb {
  const t = scalePosition(percent, range);
  const { down, flat, up } = SCALE[scheme];
  return mix(flat, t >= 0 ? up : down, Math.abs(t));
}
