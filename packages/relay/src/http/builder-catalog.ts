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
    allowlist: ['symbol', 'announce-every', ...COMMON],
  },
  {
    tag: 'live-chart',
    label: 'Chart',
    symbolsAttribute: 'symbols',
    ranges: ['live', '1h', '24h', '7d', '30d', '90d', '1y', 'ytd', 'all'],
    layouts: ['overlay', 'tabs'],
    allowlist: ['symbols', 'range', 'type', 'scale', 'ranges', 'layout', 'selected', ...COMMON],
  },
  {
    tag: 'price-ticker',
    label: 'Ticker',
    symbolsAttribute: 'symbols',
    ranges: [],
    layouts: ['grid', 'tape'],
    allowlist: ['symbols', 'layout', ...COMMON],
  },
  {
    tag: 'market-table',
    label: 'Market table',
    symbolsAttribute: 'symbols',
    ranges: [],
    layouts: [],
    allowlist: ['symbols', 'top', ...COMMON],
  },
  {
    tag: 'price-heatmap',
    label: 'Heatmap',
    symbolsAttribute: 'symbols',
    ranges: ['1h', '24h', '7d'],
    layouts: [],
    allowlist: ['symbols', 'top', 'range', ...COMMON],
  },
  {
    tag: 'price-converter',
    label: 'Converter',
    symbolsAttribute: 'from',
    ranges: [],
    layouts: [],
    allowlist: ['from', 'to', 'amount', 'cross', ...COMMON],
  },
  {
    tag: 'market-feed',
    label: 'Activity feed',
    symbolsAttribute: 'symbols',
    ranges: [],
    layouts: [],
    allowlist: ['symbols', 'limit', 'threshold', ...COMMON],
  },
  {
    tag: 'stream-controls',
    label: 'Stream controls',
    symbolsAttribute: undefined,
    ranges: [],
    layouts: [],
    allowlist: [...COMMON],
  },
];

/** The chart's default range: the builder leaves it out of the snippet. */
export const DEFAULT_RANGE = '24h';

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

/** Width presets in CSS pixels, from the narrowest box the elements are tested in to the widest. */
export const BUILDER_WIDTHS_PX = [200, 320, 375, 480, 640, 800, 1000, 1200] as const;
