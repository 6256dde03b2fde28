import {
  type Candle,
  type CandleRange,
  type PricePoint,
  parseInstrument,
} from '@tickwire/protocol';
import { DEMO_ASSETS, DEMO_FX, type DemoAsset } from './demo-assets.js';
import { demoCandles } from './demo-candles.js';
import type { PriceSource, SourceQuote } from './price-source.js';
import { gaussianSource } from './seeded-random.js';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const YEAR_MS = 365 * DAY_MS;

/** Options of the demo market; tests fix both to get the same market every run. */
export interface DemoSourceOptions {
  /** Seed of the random walk. */
  seed?: number;
  /** The market's clock, ms. */
  now?: () => number;
}

/**
 * A simulated market for machines without internet: each asset follows a seeded geometric
 * random walk with its own volatility, started from a generated 24 hours of minute closes so
 * that the 24 h open, change and history are numbers of the simulation, in dollars; other
 * currencies are simulated too (`DEMO_FX`). Every quote says `source: "demo"`. Like an
 * exchange it lists a fixed set of assets; it never invents one.
 */
export class DemoSource implements PriceSource {
  readonly id = 'demo';
  readonly simulated = true;
  private readonly walks = new Map<string, AssetWalk>();
  private readonly now: () => number;
  private readonly seed: number;

  constructor(options: DemoSourceOptions = {}) {
    this.now = options.now ?? Date.now;
    this.seed = options.seed ?? this.now();
    const random = gaussianSource(this.seed);
    const start = this.now();
    for (const [symbol, asset] of Object.entries(DEMO_ASSETS)) {
      this.walks.set(symbol, new AssetWalk(asset, start, random));
    }
  }

  /**
   * Every asset in every currency the market simulates: the fiat currencies of `DEMO_FX`
   * at their fixed simulated rates, and its own assets (`ETH/BTC` is the ratio of two walks).
   */
  async listPairs(): Promise<ReadonlySet<string>> {
    const currencies = [...Object.keys(DEMO_FX), ...this.walks.keys()];
    const pairs = new Set<string>();
    for (const base of this.walks.keys())
      for (const currency of currencies) if (base !== currency) pairs.add(`${base}/${currency}`);
    return pairs;
  }

  async fetchQuotes(pairs: readonly string[]): Promise<SourceQuote[]> {
    const now = this.now();
    const quotes: SourceQuote[] = [];
    for (const pair of pairs) {
      const priced = this.pricing(pair, now);
      if (!priced) continue;
      const { walk, value } = priced;
      const price = roundToTick(walk.price / value.now);
      const open24h = roundToTick(walk.open24h() / value.dayAgo);
      quotes.push({
        symbol: pair,
        price,
        open24h,
        change24h: roundToTick(price - open24h),
        changePct24h: Math.round(((price - open24h) / open24h) * 10_000) / 100,
        volume24h: Math.round(walk.volume24h * 100) / 100,
        ts: now,
        source: this.id,
      });
    }
    return quotes;
  }

  async fetchHistory(pair: string, limit: number): Promise<PricePoint[]> {
    const priced = this.pricing(pair, this.now());
    if (!priced) return [];
    const { walk, value } = priced;
    return walk.closes.slice(-limit).map(([ms, price]) => [ms, roundToTick(price / value.at(ms))]);
  }

  async fetchCandles(pair: string, range: CandleRange): Promise<Candle[] | undefined> {
    const now = this.now();
    const priced = this.pricing(pair, now);
    if (!priced) return undefined;
    const { walk, value, base, currency } = priced;
    // An asset currency's own candles, for its value at each bucket's close.
    const quoteWalk = this.walks.get(currency);
    const closes = quoteWalk
      ? new Map(
          demoCandles({ walk: quoteWalk, symbol: currency, range, now, seed: this.seed }).map(
            (candle) => [candle[0], candle[4]],
          ),
        )
      : undefined;
    return demoCandles({ walk, symbol: base, range, now, seed: this.seed }).flatMap(
      ([t, open, high, low, close, volume]): Candle[] => {
        const divisor = closes ? closes.get(t) : value.now;
        if (!divisor) return [];
        return [
          [
            t,
            roundToTick(open / divisor),
            roundToTick(high / divisor),
            roundToTick(low / divisor),
            roundToTick(close / divisor),
            volume,
          ],
        ];
      },
    );
  }

  /**
   * A pair's base walk, advanced to `now`, and the dollar value of its currency; undefined
   * for a pair this market does not list.
   */
  private pricing(pair: string, now: number) {
    const { base, currency = '' } = parseInstrument(pair);
    const walk = this.walks.get(base);
    const value = this.dollarValue(currency, now);
    if (!walk || !value) return undefined;
    walk.advanceTo(now);
    return { base, currency, walk, value };
  }

  /**
   * What one unit of `currency` is worth in dollars in this market: now, a day ago and at a
   * minute of the last day. Fiat at its fixed rate; an asset of the market at its walk.
   */
  private dollarValue(currency: string, now: number) {
    const rate = DEMO_FX[currency];
    if (rate !== undefined) return { now: rate, dayAgo: rate, at: (_ms: number) => rate };
    const walk = this.walks.get(currency);
    if (!walk) return undefined;
    walk.advanceTo(now);
    // The day's minute closes by time, indexed only for history, which asks for them.
    let closes: Map<number, number> | undefined;
    const at = (ms: number) => {
      closes ??= new Map(walk.closes);
      return closes.get(ms) ?? walk.price;
    };
    return { now: walk.price, dayAgo: walk.open24h(), at };
  }
}

/** One asset's path: the current price and a day of minute closes behind it. */
export class AssetWalk {
  price: number;
  /** Minute closes of the last 24 hours, oldest first. */
  readonly closes: PricePoint[] = [];
  readonly volume24h: number;
  private lastMs: number;
  /** Volatility per square root of a millisecond. */
  readonly sigmaPerSqrtMs: number;

  constructor(
    asset: DemoAsset,
    start: number,
    private readonly gaussian: () => number,
  ) {
    this.sigmaPerSqrtMs = asset.volatility / Math.sqrt(YEAR_MS);
    this.volume24h = (asset.dailyValue / asset.price) * Math.exp(0.2 * gaussian());
    // Walk a day forward from an arbitrary level, then scale the path to end at the listed
    // price: the day behind the start is as random as the days after it.
    const lastMinute = Math.floor(start / MINUTE_MS) * MINUTE_MS;
    let level = 1;
    for (let ms = lastMinute - DAY_MS + MINUTE_MS; ms <= lastMinute; ms += MINUTE_MS) {
      level *= this.step(MINUTE_MS);
      this.closes.push([ms, level]);
    }
    const scale = asset.price / level;
    for (const point of this.closes) point[1] *= scale;
    this.price = asset.price;
    this.lastMs = start;
  }

  /** Moves the walk to `now`, recording a close at every minute boundary it crosses. */
  advanceTo(now: number): void {
    let nextMinute = Math.floor(this.lastMs / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
    while (nextMinute <= now) {
      this.price *= this.step(nextMinute - this.lastMs);
      this.closes.push([nextMinute, this.price]);
      this.lastMs = nextMinute;
      nextMinute += MINUTE_MS;
    }
    if (now > this.lastMs) {
      this.price *= this.step(now - this.lastMs);
      this.lastMs = now;
    }
    const dayAgo = now - DAY_MS;
    let expired = 0;
    while (expired < this.closes.length - 1 && this.closes[expired]![0] < dayAgo) expired++;
    if (expired > 0) this.closes.splice(0, expired);
  }

  /** The close 24 hours ago (the oldest one kept). */
  open24h(): number {
    return this.closes[0]?.[1] ?? this.price;
  }

  /** Growth factor of a driftless geometric Brownian motion over `ms`. */
  private step(ms: number): number {
    const sigma = this.sigmaPerSqrtMs * Math.sqrt(ms);
    return Math.exp(-0.5 * sigma * sigma + sigma * this.gaussian());
  }
}

/** Rounds like an exchange's tick size: cents for large prices, 4 significant digits for tiny ones. */
export function roundToTick(price: number): number {
  if (price === 0 || !Number.isFinite(price)) return price;
  const decimals = Math.max(2, 3 - Math.floor(Math.log10(Math.abs(price))));
  return Number(price.toFixed(Math.min(decimals, 12)));
}
