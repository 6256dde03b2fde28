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

/**
 * Decimals for a price of `value`'s size: cents from 1 up, four significant digits below
 * (0.4498, 0.00002331), always all of them. Chosen from the magnitude alone, so a price
 * keeps its decimals from one update to the next ("0.4500", never "0.45" then "0.4498"),
 * in every element, until its magnitude changes.
 */
function priceDigits(value: number): Intl.NumberFormatOptions {
  const size = Math.abs(value);
  const digits = size >= 1 || size === 0 ? 2 : Math.min(12, 3 - Math.floor(Math.log10(size)));
  return { minimumFractionDigits: digits, maximumFractionDigits: digits };
}

/** A true minus sign (U+2212) for the hyphen Intl writes in many locales. */
const trueMinus = (text: string) => text.replace('-', '\u2212');

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
    return trueMinus(
      numberFormat(locale, {
        style: 'currency',
        currency,
        currencyDisplay: 'narrowSymbol',
        ...digits,
      }).format(value),
    );
  }
  return `${trueMinus(numberFormat(locale, digits).format(value))} ${currency}`;
}

/** A signed change in the digits of `price`, the price it moved: `+1,123.35`, `−0.0012`. */
export function formatChange(value: number | null, price: number, locale?: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return trueMinus(
    numberFormat(locale, { ...priceDigits(price), signDisplay: 'exceptZero' }).format(value),
  );
}

/** A signed percentage from a number of percent: `+1.70%`. */
export function formatPercent(percent: number | null, locale?: string): string {
  if (percent === null || !Number.isFinite(percent)) return '—';
  return trueMinus(
    numberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
      signDisplay: 'exceptZero',
    }).format(percent / 100),
  );
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
