import {
  CANDLE_RANGES,
  type CandleRange,
  parseInstrument,
  RANGE_NAMES,
  symbolOf,
} from '@tickwire/protocol';
import { mayHaveCandles, type PriceSource } from '../sources/price-source.js';

const RANGES = Object.keys(CANDLE_RANGES) as CandleRange[];

/** A range as a chart's buttons name it. */
const rangeWords = (range: CandleRange): string => RANGE_NAMES[range];

/** "a 1H chart", "an All chart". */
const aChart = (range: CandleRange): string =>
  `${/^[AEIOU]/.test(rangeWords(range)) ? 'an' : 'a'} ${rangeWords(range)} chart`;

/** A range's bucket width in words: 1-minute, 5-minute, 1-hour, 4-hour, 1-day. */
function bucketWords(range: CandleRange): string {
  const seconds = CANDLE_RANGES[range].resolution;
  if (seconds % 86_400 === 0) return `${seconds / 86_400}-day`;
  if (seconds % 3_600 === 0) return `${seconds / 3_600}-hour`;
  return `${seconds / 60}-minute`;
}

/** A source as readers know it: `CoinGecko`, `Kraken`. */
export const nameOf = (source: PriceSource): string => source.name ?? source.id;

/** The ranges at least one of `sources` may have, shortest first. */
export const rangesOf = (sources: readonly PriceSource[]): CandleRange[] =>
  RANGES.filter((range) => sources.some((source) => mayHaveCandles(source, range)));

/** `A`, `A or B`, `A, B or C`. */
function either(words: readonly string[]): string {
  return words.length < 2
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** The ranges to suggest, said as briefly as is true: "24H or longer", "7D or shorter", "24H or 1Y". */
function choices(working: readonly CandleRange[]): string {
  const first = RANGES.indexOf(working[0]!);
  const contiguous = working.every((range, index) => RANGES.indexOf(range) === first + index);
  if (contiguous && working.length > 1 && first + working.length === RANGES.length)
    return `${rangeWords(working[0]!)} or longer`;
  if (contiguous && working.length > 1 && first === 0)
    return `${rangeWords(working.at(-1)!)} or shorter`;
  return either(working.map(rangeWords));
}

/**
 * Why no source a symbol may come from can ever give `range`, and which ranges they can, in
 * a sentence for a reader ("CoinGecko has no 1-minute candles for a 1H chart; choose 24H or
 * longer."); undefined when one of them may have it. A source that does not say which
 * ranges it has (`PriceSource.candleRanges`) may have any: only a failure tells.
 */
export function missingRangeAdvice(
  sources: readonly PriceSource[],
  range: CandleRange,
): string | undefined {
  if (sources.length === 0 || sources.some((source) => mayHaveCandles(source, range)))
    return undefined;
  const names = sources.map(nameOf);
  const lacking =
    names.length === 1
      ? `${names[0]} has no`
      : names.length === 2
        ? `Neither ${names[0]} nor ${names[1]} has`
        : `None of ${names.slice(0, -1).join(', ')} and ${names.at(-1)} has`;
  const working = rangesOf(sources);
  if (working.length === 0) return `${lacking} candles of any range.`;
  // A source with the range's bucket width for a shorter range lacks the length, not the width.
  const resolution = CANDLE_RANGES[range].resolution;
  const lacks = working.some((other) => CANDLE_RANGES[other].resolution === resolution)
    ? 'history that long'
    : `${bucketWords(range)} candles`;
  return `${lacking} ${lacks} for ${aChart(range)}; choose ${choices(working)}.`;
}

/**
 * Why `range` of `symbol` cannot be given now by `sources`, which have it (each failed or is
 * backing off), for a reader: the symbol as the reader knows it, the sources by name.
 */
export function unavailableNowAdvice(
  sources: readonly PriceSource[],
  symbol: string,
  range: CandleRange,
): string {
  const { base, currency } = parseInstrument(symbol);
  const from = sources.length > 0 ? either(sources.map(nameOf)) : 'No source';
  return `${from} could not give the ${rangeWords(range)} candles of ${symbolOf({ base, currency })} just now; try again shortly.`;
}
