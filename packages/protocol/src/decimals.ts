/**
 * Decimals a price of `value`'s size is written with: the currency's minor units (cents) from 1
 * up, four significant digits below (0.4498, 0.00002331), at most 12. Chosen from the magnitude
 * alone, so a price keeps its decimals from one update to the next. The one rule for every
 * figure: the elements' text, a chart's price axis, the demo market's tick size. (A module of
 * its own: bundlers split by module, and every element's first chunk needs this alone.)
 */
export function priceDecimals(value: number, minorUnits = 2): number {
  const size = Math.abs(value);
  // Not below 1 (NaN and Infinity included), or nothing: the currency's own decimals.
  if (!(size < 1) || size === 0) return minorUnits;
  return Math.min(12, 3 - Math.floor(Math.log10(size)));
}
