/**
 * Number and time formatting for every element, through `Intl` in the element's locale.
 * Formatters are cached: building one costs more than using it.
 */

import { priceDecimals } from '@tickwire/protocol';

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
 * The protocol's decimals rule, always all of them: "0.4500", never "0.45" then "0.4498".
 */
function priceDigits(value: number, minorUnits = 2): Intl.NumberFormatOptions {
  const digits = priceDecimals(value, minorUnits);
  return { minimumFractionDigits: digits, maximumFractionDigits: digits };
}

/** A true minus sign (U+2212) for the hyphen Intl writes in many locales. */
export const trueMinus = (text: string) => text.replace('-', '\u2212');

/**
 * ISO 4217 currencies, which Intl writes with their sign and minor units (`€`, `£`, `¥` with
 * none). BTC and ETH look like ISO codes but are not: Intl would write "BTC 0.05".
 */
export const isoCurrencies = new Set(Intl.supportedValuesOf('currency'));

/** Below this many bitcoin a price reads better in satoshis (10⁻⁸ BTC): `1,234 sats`. */
const SATS_BELOW_BTC = 0.0001;

/** A cached `Intl.NumberFormat`, the page's locale when `locale` is not one. */
export function numberFormat(
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

/**
 * How a price of `value` in `currency` is written: its scale (satoshis for tiny bitcoin
 * prices) and decimals (the currency's minor units from 1 up: none for yen).
 */
function priceUnit(value: number, currency: string) {
  if (currency === 'BTC' && Math.abs(value) < SATS_BELOW_BTC)
    return { scale: 1e8, digits: priceDigits(value * 1e8, 0) };
  return { scale: 1, digits: priceDigits(value, minorUnitsOf(currency)) };
}

/** Decimals a currency writes (2 for EUR, 0 for JPY; 2 for codes Intl does not know), read once. */
const minorUnits = new Map<string, number>();
function minorUnitsOf(currency: string): number {
  let units = minorUnits.get(currency);
  if (units === undefined) {
    units = isoCurrencies.has(currency)
      ? (numberFormat(undefined, { style: 'currency', currency }).resolvedOptions()
          .maximumFractionDigits ?? 2)
      : 2;
    minorUnits.set(currency, units);
  }
  return units;
}

/**
 * A price in its currency: `$67,123.45`, `62.000,00 €`, `¥10,123,456`, `0.05234 BTC`,
 * `1,234 sats`, `1.02 USDT`.
 */
export function formatPrice(value: number, currency: string, locale?: string): string {
  if (!Number.isFinite(value)) return '—';
  const { scale, digits } = priceUnit(value, currency);
  if (isoCurrencies.has(currency)) {
    const options = { style: 'currency', currency, currencyDisplay: 'narrowSymbol', ...digits };
    return trueMinus(numberFormat(locale, options as Intl.NumberFormatOptions).format(value));
  }
  const number = trueMinus(numberFormat(locale, digits).format(value * scale));
  // Not ₿: few system fonts have the sign (Chromium and Firefox draw a box on Debian).
  return `${number} ${scale === 1 ? currency : 'sats'}`;
}

/**
 * A signed change in the unit and digits of `price`, the price it moved: `+1,123.35`,
 * `−0.0012`, `+12` (satoshis, beside a price in sats).
 */
export function formatChange(
  value: number | null,
  price: number,
  locale?: string,
  currency = 'USD',
): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const { scale, digits } = priceUnit(price, currency);
  return trueMinus(
    numberFormat(locale, { ...digits, signDisplay: 'exceptZero' }).format(value * scale),
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

/** The arrow beside a change of each direction, the words being the catalog's (`up`, `down`). */
export const ARROWS = { up: '▲', down: '▼', flat: '▶' } as const;

/** Direction of a change, for arrows and words, so colour is never the only signal. */
export function direction(change: number | null): 'up' | 'down' | 'flat' {
  return change === null ? 'flat' : change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
}
