/**
 * Amounts a reader types and reads in the converter's fields, in its locale: `1,5` in
 * German, `1.5` in English, `١٫٥` in Arabic. Prices shown as results go through
 * `formatPrice` (internal/format.ts); these are the editable numbers beside them, in the
 * asset's own unit (never satoshis) and without its sign, so they can be typed over.
 */
import { priceDecimals } from '@tickwire/protocol';
import { isoCurrencies, numberFormat } from '../../internal/format.js';

/** The separators and digits `locale` writes numbers with. */
interface NumberSymbols {
  group: string;
  decimal: string;
  /** The locale's own digits, 0 to 9 (Latin in most locales, Arabic-Indic in `ar-EG`). */
  digits: string[];
}

const symbolsCache = new Map<string, NumberSymbols>();

function symbolsOf(locale: string | undefined): NumberSymbols {
  const key = locale ?? '';
  let symbols = symbolsCache.get(key);
  if (!symbols) {
    const parts = numberFormat(locale, {}).formatToParts(1234567.5);
    const plain = numberFormat(locale, { useGrouping: false });
    symbols = {
      group: parts.find((part) => part.type === 'group')?.value ?? '',
      decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
      digits: Array.from({ length: 10 }, (_, digit) => plain.format(digit)),
    };
    symbolsCache.set(key, symbols);
  }
  return symbols;
}

/** Spaces a locale groups digits with (French's narrow no-break space), and those people type. */
const SPACES = /[\s\u00a0\u202f]/g;

/** What a field's text reads as: a number, nothing typed, or text that is not an amount. */
export type ParsedAmount = { value: number } | 'empty' | 'invalid';

/**
 * Reads an amount as a reader of `locale` writes it: its decimal sign, its digit grouping
 * (only in groups of three, so German `1.5` is refused rather than read as 15), its digits
 * or Latin ones. Negative numbers, exponents and other text are not amounts.
 */
export function parseAmount(text: string, locale: string | undefined): ParsedAmount {
  const { group, decimal, digits } = symbolsOf(locale);
  let latin = '';
  for (const char of text.trim()) {
    const digit = digits.indexOf(char);
    latin += digit >= 0 ? String(digit) : char;
  }
  const groupIsSpace = group === '' || group.replace(SPACES, '') === '';
  const compact = groupIsSpace ? latin.replace(SPACES, ' ') : latin;
  if (compact === '') return 'empty';
  const pieces = compact.split(decimal);
  if (pieces.length > 2) return 'invalid';
  const [whole = '', fraction] = pieces;
  if (fraction !== undefined && !/^\d*$/.test(fraction)) return 'invalid';
  const separator = groupIsSpace ? ' ' : group;
  const grouped = whole.includes(separator) && separator !== '';
  const wholeOk = grouped
    ? new RegExp(`^\\d{1,3}(?:${escapeRegExp(separator)}\\d{3})+$`).test(whole)
    : /^\d*$/.test(whole);
  if (!wholeOk || (whole === '' && !fraction)) return 'invalid';
  const value = Number(`${whole.split(separator).join('') || '0'}.${fraction || '0'}`);
  return Number.isFinite(value) ? { value } : 'invalid';
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How many digits a crypto amount shows at least, whole and fractional together. */
const SIGNIFICANT_DIGITS = 8;

/**
 * An amount of `asset` for its field, in `locale`: a currency in its minor units (`1.234,50`
 * euros, `10,123` yen); a crypto asset to about eight significant digits, trailing zeros
 * dropped (`1.6103254`, `735.16606`, `81,037,277`), and below 1 by the protocol's decimals
 * rule (`0.03496`).
 */
export function formatAmount(value: number, asset: string, locale: string | undefined): string {
  if (!Number.isFinite(value)) return '';
  if (isoCurrencies.has(asset)) {
    const minor =
      numberFormat(undefined, { style: 'currency', currency: asset }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    const digits = priceDecimals(value, minor);
    return numberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(value);
  }
  const wholeDigits = Math.max(1, Math.floor(Math.log10(Math.abs(value) || 1)) + 1);
  return numberFormat(locale, {
    maximumFractionDigits: Math.max(priceDecimals(value, 0), SIGNIFICANT_DIGITS - wholeDigits, 0),
  }).format(value);
}
