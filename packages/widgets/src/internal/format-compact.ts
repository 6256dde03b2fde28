/**
 * Large figures in few characters — market caps, volumes, ranks — written as `format.ts`
 * writes prices (its formatters, its currency signs, a true minus). A file of its own only so
 * that a page of price cards does not carry it: the market table loads it.
 */

import { isoCurrencies, numberFormat, trueMinus } from './format.js';

/**
 * An amount of `currency` in compact notation: `$1.33T`, `€845.2B`, `1,23 Bio. €`,
 * `12.4K BTC`; three significant digits, enough to compare rows at a glance.
 */
export function formatCompact(
  value: number | undefined,
  currency: string,
  locale?: string,
): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  const compact: Intl.NumberFormatOptions = {
    notation: 'compact',
    // Always three: `$1.40T`, not `$1.4T` in a column of `$1.34T`.
    minimumSignificantDigits: 3,
    maximumSignificantDigits: 3,
  };
  if (isoCurrencies.has(currency)) {
    const options = { ...compact, style: 'currency', currency, currencyDisplay: 'narrowSymbol' };
    return trueMinus(numberFormat(locale, options as Intl.NumberFormatOptions).format(value));
  }
  return `${trueMinus(numberFormat(locale, compact).format(value))} ${currency}`;
}

/** A whole number such as a rank, in the locale's digits: `1`, `١`. */
export function formatCount(value: number | undefined, locale?: string): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}
