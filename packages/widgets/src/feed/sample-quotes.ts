import {
  bucketStart,
  CANDLE_RANGES,
  type Candle,
  type CandleRange,
  MINUTE_MS,
  type PricePoint,
  parseInstrument,
  type Quote,
  type SnapshotData,
  windowStart,
} from '@tickwire/protocol';
import { sampleSparkline } from './sample-sparkline.js';

/** A quote as the relay would send it, for scripted feeds (tests, Storybook). */
export function sampleQuote(
  symbol: string,
  price: number,
  changePct24h = 0,
  overrides: Partial<Quote> = {},
): Quote {
  const open24h = price / (1 + changePct24h / 100);
  return {
    symbol,
    currency: parseInstrument(symbol).currency ?? 'USD',
    price,
    open24h,
    change24h: price - open24h,
    changePct24h,
    volume24h: 1_000,
    ts: Date.now(),
    source: 'demo',
    stale: false,
    ...overrides,
  };
}

/**
 * A minute-by-minute history ending now at `price`: a seeded random walk, so the same seed
 * always draws the same line.
 */
export function sampleHistory(price: number, points = 60, seed = 1): PricePoint[] {
  const now = Date.now();
  let state = (seed * 2_654_435_761) >>> 0;
  const random = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296 - 0.5;
  };
  let level = price;
  const out: PricePoint[] = [];
  for (let i = 0; i < points; i++) {
    out.unshift([now - i * MINUTE_MS, level]);
    level *= 1 + random() * 0.004;
  }
  return out;
}

/**
 * A range's candles ending now at `price`, as a relay would serve them: evenly spaced, the
 * last one the bucket under way; a seeded walk, so the same seed draws the same candles.
 */
export function sampleCandles(
  price: number,
  range: CandleRange,
  seed = 1,
): { resolution: number; candles: Candle[] } {
  const { resolution } = CANDLE_RANGES[range];
  const step = resolution * 1000;
  const current = bucketStart(Date.now(), step);
  const count = (current - windowStart(range, Date.now())) / step + 1;
  const walk = sampleHistory(price, count + 1, seed);
  const candles = walk.slice(1).map(([, close], index): Candle => {
    const open = walk[index]![1];
    const t = current - (walk.length - 2 - index) * step;
    return [
      t,
      open,
      Math.max(open, close) * 1.001,
      Math.min(open, close) * 0.999,
      close,
      100 + (index % 7) * 20,
    ];
  });
  return { resolution, candles };
}

/** A snapshot message body for `quotes`, with history and a 24 h line for each. */
export function sampleSnapshot(quotes: Quote[], unknown: string[] = []): SnapshotData {
  return {
    interval: 5_000,
    ttl: 60_000,
    currency: 'USD',
    quotes: Object.fromEntries(quotes.map((quote) => [quote.symbol, quote])),
    history: Object.fromEntries(quotes.map((quote) => [quote.symbol, sampleHistory(quote.price)])),
    unknown,
    sources: [{ id: 'demo', state: 'ok', simulated: true }],
    sparklines: Object.fromEntries(
      quotes.map((quote) => [quote.symbol, sampleSparkline(quote.price, quote.changePct24h ?? 0)]),
    ),
  };
}
