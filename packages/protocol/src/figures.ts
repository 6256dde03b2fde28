import type { Quote } from './quote.js';

/**
 * The price "24h" is measured from: the source's `open24h`, else the one its `changePct24h`
 * implies; `null` when it reports neither. The one definition of the 24 h change, for every
 * figure a page shows (a card's percent, a 24 h chart's legend and percent axis alike).
 */
export function open24hOf(quote: Quote): number | null {
  if (quote.open24h !== null && quote.open24h > 0) return quote.open24h;
  if (quote.changePct24h === null || quote.changePct24h <= -100) return null;
  return quote.price / (1 + quote.changePct24h / 100);
}
