/**
 * What the builder (`/builder`) offers for each element the relay's bundle defines. The relay
 * carries the bundle but not the widgets' package, so it cannot import their allowlist or
 * manifest at run time; `packages/relay/test/builder-page.test.ts` keeps this catalog equal to
 * them (`@tickwire/widgets/allowlist.js`, `custom-elements.json`, the message catalogs).
 */

/** How an element names what it prices: one asset, a list, a converter's `from`, or nothing. */
export type SymbolsAttribute = 'symbol' | 'symbols' | 'from' | undefined;

/** One element as the builder knows it. */
export interface BuilderElement {
  /** The element's tag. */
  tag: string;
  /** A few words for the element picker. */
  label: string;
  /** The attribute the symbols field sets, if any. */
  symbolsAttribute: SymbolsAttribute;
  /** `range` values (the chart's), empty where the element has none. */
  ranges: readonly string[];
  /** `layout` values, the default first; empty where the element has none. */
  layouts: readonly string[];
  /** `type` values (the chart's), the default first; empty where the element has none. */
  types: readonly string[];
  /** `scale` values (the chart's), the default first; empty where the element has none. */
  scales: readonly string[];
  /** Every attribute an author may set: the CMS allowlist's line for this tag. */
  allowlist: readonly string[];
}

/** What every element takes (`FeedElement`), as the allowlist lists it. */
const COMMON = ['relay', 'currency', 'source', 'locale', 'theme'] as const;

/** The elements, in the order the picker offers them. */
export const BUILDER_ELEMENTS: readonly BuilderElement[] = [
  {
    tag: 'price-card',
    label: 'Price card',
    symbolsAttribute: 'symbol',
    ranges: [],
    layouts: [],
    types: [],
    scales: [],
    allowlist: ['symbol', 'announce-every', 'show', ...COMMON],
  },
  {
    tag: 'live-chart',
    label: 'Chart',
    symbolsAttribute: 'symbols',
    ranges: ['live', '1h', '24h', '7d', '30d', '90d', '1y', 'ytd', 'all'],
    layouts: ['overlay', 'tabs'],
    types: ['line', 'area', 'candles'],
    scales: ['auto', 'price', 'percent'],
    allowlist: [
      'symbols',
      'range',
      'type',
      'scale',
      'ranges',
      'layout',
      'selected',
      'show',
      ...COMMON,
    ],
  },
  {
    tag: 'price-ticker',
    label: 'Ticker',
    symbolsAttribute: 'symbols',
    ranges: [],
    layouts: ['grid', 'tape'],
    types: [],
    scales: [],
    allowlist: ['symbols', 'layout', 'show', ...COMMON],
  },
  {
    tag: 'market-table',
    label: 'Market table',
    symbolsAttribute: 'symbols',
    ranges: [],
    layouts: [],
    types: [],
    scales: [],
    allowlist: ['symbols', 'top', ...COMMON],
  },
  {
    tag: 'price-heatmap',
    label: 'Heatmap',
    symbolsAttribute: 'symbols',
    ranges: ['1h', '24h', '7d'],
    layouts: [],
    types: [],
    scales: [],
    allowlist: ['symbols', 'top', 'range', ...COMMON],
  },
  {
    tag: 'price-converter',
    label: 'Converter',
    symbolsAttribute: 'from',
    ranges: [],
    layouts: [],
    types: [],
    scales: [],
    allowlist: ['from', 'to', 'amount', 'cross', ...COMMON],
  },
  {
    tag: 'market-feed',
    label: 'Activity feed',
    symbolsAttribute: 'symbols',
    ranges: [],
    layouts: [],
    types: [],
    scales: [],
    allowlist: ['symbols', 'limit', 'threshold', 'show', ...COMMON],
  },
  {
    tag: 'stream-controls',
    label: 'Stream controls',
    symbolsAttribute: undefined,
    ranges: [],
    layouts: [],
    types: [],
    scales: [],
    allowlist: [...COMMON],
  },
];

/** The chart's default range: the builder leaves it out of the snippet. */
export const DEFAULT_RANGE = '24h';

/**
 * `show` choices, none (the default) first: what the elements take beside the symbol
 * (`SHOW_TOKENS` of the widgets' asset-names.ts), alone and together.
 */
export const BUILDER_SHOW = ['', 'name', 'logo', 'name,logo'] as const;

/** `top` choices of a table or heatmap (the first by market cap); none = the symbols typed. */
export const BUILDER_TOPS = [10, 20, 50, 100] as const;

/** Every element's `theme`, the default first. */
export const BUILDER_THEMES = ['auto', 'light', 'dark', 'transparent'] as const;

/** The languages the widgets ship words for (their message catalogs), English first. */
export const BUILDER_LOCALES = [
  'en',
  'de',
  'fr',
  'es',
  'it',
  'pt-BR',
  'nl',
  'pl',
  'tr',
  'ru',
  'uk',
  'ar',
  'he',
  'hi',
  'ja',
  'ko',
  'zh-CN',
  'zh-TW',
] as const;

/**
 * Width presets in CSS pixels, from the narrowest box the elements are tested in to the widest:
 * each a class of the widgets' tickwire.css (`tickwire-width-320`), so a snippet sizes its
 * element without a `<style>` rule, which a strict CSP drops.
 */
export const BUILDER_WIDTHS_PX = [200, 320, 375, 480, 640, 800, 1000, 1200] as const;
