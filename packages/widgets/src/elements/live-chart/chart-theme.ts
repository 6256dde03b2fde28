/** Colours and font the chart takes from the element's theme, resolved. */
export interface ChartTheme {
  text: string;
  grid: string;
  font: string;
  up: string;
  down: string;
  series: readonly string[];
}

/**
 * How many series colours the theme names (`--tickwire-series-1` to `-12`); more symbols
 * repeat them, dashed, then dotted.
 */
export const SERIES_COLOURS = 12;

/**
 * The theme as the chart library needs it: resolved values, not `var()` or `light-dark()`,
 * read from the element's own tokens (never the host page's font). A hidden `probe` in the
 * element's shadow root resolves each token through the CSSOM (fine under a strict CSP).
 */
export function readChartTheme(probe: HTMLElement | null): ChartTheme {
  const resolve = (token: string) => {
    if (!probe) return '';
    probe.style.color = `var(${token})`;
    return getComputedStyle(probe).color;
  };
  return {
    text: resolve('--_muted'),
    grid: resolve('--_border'),
    up: resolve('--_up'),
    down: resolve('--_down'),
    font: probe ? fontOf(probe) : 'system-ui',
    series: Array.from({ length: SERIES_COLOURS }, (_, index) => resolve(`--_series-${index + 1}`)),
  };
}

/** The element's `--tickwire-font`, resolved. */
function fontOf(probe: HTMLElement): string {
  probe.style.fontFamily = 'var(--_font)';
  return getComputedStyle(probe).fontFamily;
}
