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

/**
 * Decimals a price of `value`'s size is written with: the currency's minor units (cents) from 1
 * up, four significant digits below (0.4498, 0.00002331), at most 12. Chosen from the magnitude
 * alone, so a price keeps its decimals from one update to the next. The one rule for every
 * figure: the elements' text, a chart's price axis, the demo market's tick size.
 */
export function priceDecimals(value: number, minorUnits = 2): number {
  const size = Math.abs(value);
  if (size >= 1 || size === 0 || !Number.isFinite(size)) return minorUnits;
  return Math.min(12, 3 - Math.floor(Math.log10(size)));
}
