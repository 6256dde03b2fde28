/**
 * What a CMS's HTML sanitizer must let through for the elements to survive it: the tags,
 * and per tag the attributes an author sets (docs/embedding.md, "CMS sanitizers"). DOMPurify and
 * sanitize-html, on their defaults, strip both. `state` is missing on purpose: the element
 * sets it. A test keeps this list equal to `custom-elements.json`.
 */
/** What every element takes (`FeedElement`). */
const COMMON = ['relay', 'currency', 'source', 'locale', 'theme'] as const;

export const ELEMENT_ATTRIBUTES = {
  'price-card': ['symbol', 'announce-every', 'show', ...COMMON],
  'live-chart': [
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
  'price-ticker': ['symbols', 'layout', 'show', ...COMMON],
  'stream-controls': [...COMMON],
  'market-feed': ['symbols', 'limit', 'threshold', 'show', ...COMMON],
  'price-converter': ['from', 'to', 'amount', 'cross', ...COMMON],
  'market-table': ['symbols', 'top', ...COMMON],
  'price-heatmap': ['symbols', 'top', 'range', ...COMMON],
} as const satisfies Record<string, readonly string[]>;

/** The element tags, for a sanitizer's tag allowlist. */
export const ELEMENT_TAGS = Object.keys(ELEMENT_ATTRIBUTES) as (keyof typeof ELEMENT_ATTRIBUTES)[];
