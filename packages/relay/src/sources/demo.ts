import {
  type Candle,
  type CandleRange,
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  type PricePoint,
  parseInstrument,
  priceDecimals,
} from '@tickwire/protocol';
import { assetName } from './asset-names.js';
import { DEMO_ASSETS, DEMO_FX } from './demo-assets.js';
import { demoCandles } from './demo-candles.js';
import { DemoPath } from './demo-path.js';
import type { FactsQuery, FetchedFacts, FetchedQuote, PriceSource } from './price-source.js';
import { weekLine } from './week-line.js';

/** The demo's 7-day line is read as CoinGecko's is sent: a price every hour for a week. */
const WEEK_HOURS = 7 * 24;

/**
 * The demo market's seed when none is given: one for every relay, so that a restart, or a
 * second relay, shows the same market at the same moment.
 */
const DEFAULT_DEMO_SEED = 20_261_127;

/** Options of the demo market; tests fix the clock to read the market at chosen moments. */
export interface DemoSourceOptions {
  /**
   * Seed of the simulation: relays on one seed quote the same prices at the same moment.
   * @defaultValue `DEFAULT_DEMO_SEED`
   */
  seed?: number;
  /** The market's clock, ms. */
  now?: () => number;
}

/** One pair of the market at any moment: its price, and the volume of its base asset. */
interface DemoPair {
  priceAt(ms: number): number;
  base: DemoPath;
}

/**
 * A simulated market for machines without internet. Every price is a pure function of the
 * seed and the time (`DemoPath`: a random walk with each asset's own volatility), so the
 * market has no state: the 24 h open is the price a day ago, a candle closes at the price at
 * its bucket's end, and a relay restarted, or another on the same seed, quotes the same
 * figures at the same moment. Prices are in dollars; other currencies are simulated too
 * (`DEMO_FX`). Every quote says `source: "demo"`. Like an exchange it lists a fixed set of
 * assets; it never invents one.
 */
export class DemoSource implements PriceSource {
  readonly id = 'demo';
  readonly simulated = true;
  readonly name = 'Demo market';
  private readonly paths = new Map<string, DemoPath>();
  private readonly now: () => number;

  constructor(options: DemoSourceOptions = {}) {
    this.now = options.now ?? Date.now;
    const seed = options.seed ?? DEFAULT_DEMO_SEED;
    for (const [symbol, asset] of Object.entries(DEMO_ASSETS))
      this.paths.set(symbol, new DemoPath(seed, symbol, asset));
  }

  /**
   * Every asset in every currency the market simulates: the fiat currencies of `DEMO_FX`
   * at their fixed simulated rates, and its own assets (`ETH/BTC` is the ratio of two paths).
   */
  async listPairs(): Promise<ReadonlySet<string>> {
    const currencies = [...Object.keys(DEMO_FX), ...this.paths.keys()];
    const pairs = new Set<string>();
    for (const base of this.paths.keys())
      for (const currency of currencies) if (base !== currency) pairs.add(`${base}/${currency}`);
    return pairs;
  }

  async fetchQuotes(pairs: readonly string[]): Promise<FetchedQuote[]> {
    const now = this.now();
    const quotes: FetchedQuote[] = [];
    for (const symbol of pairs) {
      const pair = this.pair(symbol);
      if (!pair) continue;
      const price = roundToTick(pair.priceAt(now));
      const open24h = roundToTick(pair.priceAt(now - DAY_MS));
      quotes.push({
        symbol,
        price,
        open24h,
        change24h: roundToTick(price - open24h),
        changePct24h: Math.round(((price - open24h) / open24h) * 10_000) / 100,
        volume24h: Math.round(pair.base.volume24hAt(now) * 100) / 100,
        ts: now,
        source: this.id,
      });
    }
    return quotes;
  }

  /** Minute closes of the last 24 hours, oldest first: the prices quoted at those moments. */
  async fetchHistory(symbol: string, limit: number): Promise<PricePoint[]> {
    const pair = this.pair(symbol);
    if (!pair) return [];
    const lastMinute = Math.floor(this.now() / MINUTE_MS) * MINUTE_MS;
    const points: PricePoint[] = [];
    for (let ago = Math.min(limit, DAY_MS / MINUTE_MS) - 1; ago >= 0; ago--) {
      const ms = lastMinute - ago * MINUTE_MS;
      points.push([ms, roundToTick(pair.priceAt(ms))]);
    }
    return points;
  }

  async fetchCandles(symbol: string, range: CandleRange): Promise<Candle[] | undefined> {
    const pair = this.pair(symbol);
    if (!pair) return undefined;
    const candles = demoCandles({
      priceAt: pair.priceAt,
      volumeOf: (startMs, durationMs) => pair.base.bucketVolume(startMs, durationMs),
      range,
      now: this.now(),
    });
    return candles.map(([t, open, high, low, close, volume]) => [
      t,
      roundToTick(open),
      roundToTick(high),
      roundToTick(low),
      roundToTick(close),
      Math.round((volume ?? 0) * 1000) / 1000,
    ]);
  }

  /**
   * Simulated facts, from the same paths as the prices: market cap is the simulated price
   * times the asset's listed supply, the changes are the path's own over 1 h and 7 d, the rank
   * is by market cap among the market's assets at this moment. Labelled simulated by the relay
   * (`simulated` above); there is no image, so each asset gets a monogram.
   */
  async fetchFacts(query: FactsQuery, currency: string): Promise<FetchedFacts[] | undefined> {
    const now = this.now();
    if (!(currency in DEMO_FX) && !this.paths.has(currency)) return undefined;
    const ranked = [...this.paths.entries()]
      .map(([asset, path]) => ({ asset, capUsd: path.priceAt(now) * DEMO_ASSETS[asset]!.supply }))
      .sort((a, b) => b.capUsd - a.capUsd)
      .map(({ asset }) => asset);
    const assets = 'top' in query ? ranked.slice(0, query.top) : query.assets;
    const facts: FetchedFacts[] = [];
    for (const asset of assets) {
      const pair = this.pair(`${asset}/${currency}`);
      const listed = DEMO_ASSETS[asset];
      if (!pair || !listed) continue;
      const price = pair.priceAt(now);
      const changeSince = (ms: number) =>
        Math.round((price / pair.priceAt(now - ms) - 1) * 10_000) / 100;
      facts.push({
        asset,
        name: assetName(asset),
        rank: ranked.indexOf(asset) + 1,
        marketCap: Math.round(price * listed.supply),
        fullyDilutedValue: Math.round(price * (listed.maxSupply ?? listed.supply)),
        circulatingSupply: listed.supply,
        volume24h: Math.round(pair.base.volume24hAt(now) * price),
        changePct1h: changeSince(HOUR_MS),
        changePct7d: changeSince(7 * DAY_MS),
        ...withLine(
          weekLine(
            Array.from({ length: WEEK_HOURS + 1 }, (_, hour) =>
              pair.priceAt(now - (WEEK_HOURS - hour) * HOUR_MS),
            ),
            now,
          ),
        ),
        currency,
        t: now,
      });
    }
    return facts;
  }

  /**
   * A pair's price at any moment: its base asset's dollar price over what one unit of its
   * currency is worth in dollars (fiat at its fixed rate, an asset of the market at its
   * path). Undefined for a pair this market does not list.
   */
  private pair(symbol: string): DemoPair | undefined {
    const { base, currency = '' } = parseInstrument(symbol);
    const basePath = this.paths.get(base);
    if (!basePath || base === currency) return undefined;
    const rate = DEMO_FX[currency];
    if (rate !== undefined) return { base: basePath, priceAt: (ms) => basePath.priceAt(ms) / rate };
    const currencyPath = this.paths.get(currency);
    if (!currencyPath) return undefined;
    return {
      base: basePath,
      priceAt: (ms) => basePath.priceAt(ms) / currencyPath.priceAt(ms),
    };
  }
}

/** Rounds like an exchange's tick size: to the decimals the elements write the price with. */
export function roundToTick(price: number): number {
  if (!Number.isFinite(price)) return price;
  return Number(price.toFixed(priceDecimals(price)));
}

/** The line as a field of facts, or no field. */
const withLine = (line7d: ReturnType<typeof weekLine>) => (line7d ? { line7d } : {});
