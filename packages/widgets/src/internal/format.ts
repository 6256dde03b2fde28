/**
 * Number and time formatting for every element, through `Intl` in the element's locale.
 * Formatters are cached: building one costs more than using it.
 */

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = build();
    cache.set(key, formatter);
  }
  return formatter;
}

/** Digits a price needs: cents from 1 up, four significant digits below (0.00001234). */
function priceDigits(value: number): Intl.NumberFormatOptions {
  const size = Math.abs(value);
  if (size >= 1 || size === 0) return { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  return { minimumSignificantDigits: 2, maximumSignificantDigits: 4 };
}

/** Intl knows ISO currencies (USD, EUR); a code like USDT is written after the number. */
const isIsoCurrency = (code: string) => /^[A-Z]{3}$/.test(code);

function numberFormat(
  locale: string | undefined,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  return cached(`n|${locale}|${JSON.stringify(options)}`, () => {
    try {
      return new Intl.NumberFormat(locale, options);
    } catch {
      // An unknown locale tag must not break the element: fall back to the page's.
      return new Intl.NumberFormat(undefined, options);
    }
  });
}

/** A price in its currency: `$67,123.45`, `$0.00001234`, `1.02 USDT`. */
export function formatPrice(value: number, currency: string, locale?: string): string {
  if (!Number.isFinite(value)) return '—';
  const digits = priceDigits(value);
  if (isIsoCurrency(currency)) {
    return numberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      ...digits,
    }).format(value);
  }
  return `${numberFormat(locale, digits).format(value)} ${currency}`;
}

/** A signed change in the price's digits: `+1,123.35`, `−0.0012`. */
export function formatChange(value: number | null, locale?: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return numberFormat(locale, { ...priceDigits(value), signDisplay: 'exceptZero' }).format(value);
}

/** A signed percentage from a number of percent: `+1.70%`. */
export function formatPercent(percent: number | null, locale?: string): string {
  if (percent === null || !Number.isFinite(percent)) return '—';
  return numberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: 'exceptZero',
  }).format(percent / 100);
}

/** A wall-clock time with seconds: `14:03:07`. */
export function formatTime(ms: number, locale?: string): string {
  if (!Number.isFinite(ms)) return '—';
  return cached(`t|${locale}`, () => {
    try {
      return new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
    } catch {
      return new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
    }
  }).format(ms);
}

/** Direction of a change, for arrows and words, so colour is never the only signal. */
export function direction(change: number | null): 'up' | 'down' | 'flat' {
  return change === null ? 'flat' : change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
}
