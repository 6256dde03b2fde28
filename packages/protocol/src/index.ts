/**
 * The wire format of a Tickwire relay, in one place: what the relay sends and what clients
 * read. The protocol itself is described in this package's README.
 */

export type { AssetFacts, AssetsAnswer } from './assets.js';
export { type BackoffPolicy, backoffMs } from './backoff.js';
export type { Candle, CandleRange, CandlesAnswer } from './candles.js';
export {
  bucketCount,
  bucketStart,
  CANDLE_RANGES,
  isCandle,
  isCandleRange,
  parseCandles,
  RANGE_NAMES,
  stepMsOf,
  windowStart,
} from './candles.js';
export { priceDecimals } from './decimals.js';
export type {
  ErrorAnswer,
  HistoryAnswer,
  QuotesAnswer,
  QuotesData,
  ReadNotes,
  SnapshotData,
  SourcesAnswer,
  SparklinesData,
  StatusData,
  StoreWriteFailure,
  StreamMessage,
  SymbolsAnswer,
} from './events.js';
export { STREAM_EVENTS } from './events.js';
export { open24hOf } from './figures.js';
export {
  MAX_HISTORY_POINTS,
  parseHistory,
  parseMessage,
  parseQuote,
  parseSparkline,
  readRefusal,
} from './parse-message.js';
export type { PricePoint, Quote, SourceStatus, SourceTransport } from './quote.js';
export { isPrice, MAX_PRICE, MIN_PRICE, SOURCE_STATES, SOURCE_TRANSPORTS } from './quote.js';
export { REFUSAL_CODES, type Refusal, type RefusalCode } from './refusals.js';
export { MAX_RETRY_AFTER_MS, parseRetryAfter } from './retry-after.js';
export {
  MAX_SPARKLINE_POINTS,
  SPARKLINE_SPAN_MS,
  type Sparkline,
  type SparklineRange,
} from './sparkline.js';
export type { Instrument } from './symbols.js';
export {
  ASSET_PATTERN,
  isAsset,
  isSymbol,
  normaliseSymbol,
  parseInstrument,
  SYMBOL_PATTERN,
  splitSymbols,
  symbolOf,
} from './symbols.js';
export { TICK_WINDOW, TICK_WINDOW_MS, tickHistoryPoints } from './tick-window.js';
export { DAY_MS, HOUR_MS, MINUTE_MS } from './time.js';
