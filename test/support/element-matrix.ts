import { STILL_TAPE } from './host-page.js';

/**
 * The page the layout suite and the screenshot comparisons look at: every element, as a site
 * owner pastes them, in containers of the given widths, in one theme and one state.
 */
export const STATES = ['live', 'stale', 'offline', 'paused', 'error'] as const;
export type State = (typeof STATES)[number];

/**
 * Every element, in one container: with the converters unless `converters` is false, with the
 * market tables unless `tables` is false, with the tabbed chart unless `tabs` is false, with
 * the heatmaps when `heatmaps` is true; only they and the stream's controls (which pause them)
 * when one of these is `only`.
 */
function elements(
  relay: string,
  theme: string,
  state: State,
  locale: string,
  converters: boolean | 'only' = true,
  tables: boolean | 'only' = true,
  tabs: boolean | 'only' = true,
  heatmaps: boolean | 'only' = false,
  names = false,
): string {
  const known = state === 'error' ? 'NOTACOIN' : 'BTC,ETH,SHIB,ADA';
  const one = state === 'error' ? 'NOTACOIN' : 'BTC';
  const common = `relay="${relay}" theme="${theme}" locale="${locale}"`;
  // A pair the relay polls (BTC in dollars), and a cross rate (no relay lists ADA/SHIB or
  // SHIB/ADA: through USD) with a long result in a meme coin.
  const converterTags = [
    `<price-converter from="${state === 'error' ? 'NOTACOIN' : 'BTC'}" to="USD" amount="2.5" cross ${common}></price-converter>`,
    `<price-converter from="${state === 'error' ? 'NOPE' : 'ADA'}" to="SHIB" amount="1000" cross ${common}></price-converter>`,
  ];
  // The assets named, and the relay's first five (by market cap where it has facts); on the
  // error page, two tables of symbols no relay lists.
  const tableTags = [
    `<market-table symbols="${known}" ${common}></market-table>`,
    state === 'error'
      ? `<market-table symbols="NOPE" ${common}></market-table>`
      : `<market-table top="5" ${common}></market-table>`,
  ];
  // Three symbols' tabs, the second selected; on the error page, symbols no relay lists.
  const tabsTags = [
    `<live-chart layout="tabs" symbols="${state === 'error' ? known : 'BTC,ETH,SHIB'}" selected="ETH" ${common} style="height: 300px"></live-chart>`,
  ];
  // The assets named, and the relay's first ten; on the error page, symbols no relay lists.
  const heatmapTags = [
    `<price-heatmap symbols="${known}" ${common}></price-heatmap>`,
    state === 'error'
      ? `<price-heatmap symbols="NOPE" ${common}></price-heatmap>`
      : `<price-heatmap top="10" range="7d" ${common}></price-heatmap>`,
  ];
  // The elements that take `show`, showing names and logos (the long SHIB name among them).
  if (names) {
    const show = `show="name,logo" ${common}`;
    return [
      `<price-card symbol="${one}" ${show}></price-card>`,
      `<price-card symbol="${state === 'error' ? 'NOPE' : 'SHIB'}" ${show}></price-card>`,
      `<price-ticker symbols="${known}" layout="grid" ${show}></price-ticker>`,
      `<price-ticker symbols="${known}" layout="tape" ${show}></price-ticker>`,
      `<live-chart symbols="${state === 'error' ? known : 'BTC,ETH'}" ${show} style="height: 300px"></live-chart>`,
      `<stream-controls ${common}></stream-controls>`,
      `<market-feed symbols="${known}" limit="6" threshold="0.01" ${show}></market-feed>`,
      ...tabsTags.map((tag) => tag.replace('<live-chart ', '<live-chart show="name,logo" ')),
    ].join('\n');
  }
  if (heatmaps === 'only')
    return [`<stream-controls ${common}></stream-controls>`, ...heatmapTags].join('\n');
  if (converters === 'only')
    return [`<stream-controls ${common}></stream-controls>`, ...converterTags].join('\n');
  if (tables === 'only')
    return [`<stream-controls ${common}></stream-controls>`, ...tableTags].join('\n');
  if (tabs === 'only')
    return [`<stream-controls ${common}></stream-controls>`, ...tabsTags].join('\n');
  return [
    `<price-card symbol="${one}" ${common}></price-card>`,
    `<price-card symbol="${state === 'error' ? 'NOPE' : 'SHIB'}" ${common}></price-card>`,
    `<price-ticker symbols="${known}" layout="grid" ${common}></price-ticker>`,
    `<price-ticker symbols="${known}" layout="tape" ${common}></price-ticker>`,
    `<live-chart symbols="${state === 'error' ? known : 'BTC,ETH'}" ${common} style="height: 300px"></live-chart>`,
    `<stream-controls ${common}></stream-controls>`,
    `<market-feed symbols="${known}" limit="6" threshold="0.01" ${common}></market-feed>`,
    ...(converters ? converterTags : []),
    ...(tables ? tableTags : []),
    ...(tabs ? tabsTags : []),
    ...(heatmaps ? heatmapTags : []),
  ].join('\n');
}

/**
 * The page: the script from `script` (a relay's base URL), the elements reading `relay`, a
 * column per width (`side by side` puts the columns in a row, for one screenshot), the tapes
 * held still (what is checked here is where things are).
 */
export function matrixPage(options: {
  script: string;
  relay: string;
  theme: string;
  state: State;
  widths: readonly number[];
  sideBySide?: boolean;
  head?: string;
  /** The elements' locale (default `en-US`). */
  locale?: string;
  /** The page's direction (default `ltr`). */
  dir?: 'ltr' | 'rtl';
  /**
   * With the `<price-converter>`s (default), without them (`false`: the screenshots of every
   * other element were drawn before it), or only they and the controls (`only`: theirs).
   */
  converters?: boolean | 'only';
  /**
   * With the `<market-table>`s (default), without them (`false`: the screenshots of the other
   * elements were drawn before them), or only they and the controls (`only`: theirs).
   */
  tables?: boolean | 'only';
  /**
   * With `<live-chart layout="tabs">` (default), without it (`false`: the screenshots of the
   * other elements were drawn before it), or only it and the controls (`only`: its own).
   */
  tabs?: boolean | 'only';
  /**
   * With the `<price-heatmap>`s (`true`; not by default until the screenshots of the other
   * pages are drawn with them), or only they and the controls (`only`: theirs).
   */
  heatmaps?: boolean | 'only';
  /** Only the elements that take `show`, with `show="name,logo"`. */
  names?: boolean;
}): string {
  const { script, relay, theme, state, widths, locale = 'en-US', dir = 'ltr' } = options;
  const background = theme === 'dark' ? '#0d1117' : '#f6f7f9';
  return `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8">${STILL_TAPE}${options.head ?? ''}
<script type="module" src="${script}widgets.js"></script>
<style>body { margin: 8px; background: ${background}; font-family: Georgia, serif;${options.sideBySide ? ' display: flex; align-items: flex-start; gap: 24px;' : ''} }
[data-width] { margin-bottom: 24px; } [data-width] > * { margin-bottom: 8px; }</style></head>
<body>${widths.map((width) => `<div data-width="${width}" style="width: ${width}px">${elements(relay, theme, state, locale, options.converters, options.tables, options.tabs, options.heatmaps, options.names)}</div>`).join('\n')}</body></html>`;
}
