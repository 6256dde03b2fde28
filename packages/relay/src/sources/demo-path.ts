import { DAY_MS, HOUR_MS } from '@tickwire/protocol';
import type { DemoAsset } from './demo-assets.js';
import { gaussianAt, hashOf, hashOfText } from './seeded-random.js';

/** The finest time scale of the noise, ms: within it a price moves in a straight line. */
const FINEST_MS = 1_000;
/** Grid spacings of the noise's scales, ms, each twice the last: a second to about a year (2^25 s). */
const SPACINGS_MS = Array.from({ length: 26 }, (_, scale) => FINEST_MS * 2 ** scale);
const YEAR_MS = 365 * DAY_MS;
/** Traded volume wanders around the asset's daily value, changing pace hour by hour. */
const VOLUME_SPACING_MS = HOUR_MS;
/** Keeps volume draws apart from price draws of the same asset. */
const VOLUME_SALT = 0x5f3759df;
/**
 * Scales the summed noise so that its moves have the asset's volatility over any horizon
 * from seconds to months (measured over simulated years: the demo market's test checks it).
 */
const VOLATILITY_FIT = 0.5;

/**
 * One asset's simulated price as a pure function of the market's seed and the time: the
 * listed price moved by value noise summed over time scales from a second to a year. Each
 * scale draws a normal number per step of its grid from a hash of (seed, asset, scale,
 * step) and interpolates between them; amplitudes grow with the square root of the scale,
 * so moves grow with the square root of time like a random walk's, up to a year, beyond
 * which the price wanders around its listed level instead of drifting off. No state: any
 * relay, started at any time, prices any moment the same; volumes too.
 */
export class DemoPath {
  private readonly key: number;
  private readonly amplitudes: readonly number[];

  constructor(
    seed: number,
    symbol: string,
    private readonly asset: DemoAsset,
  ) {
    this.key = hashOf(seed, hashOfText(symbol));
    const sigmaPerSqrtMs = asset.volatility / Math.sqrt(YEAR_MS);
    this.amplitudes = SPACINGS_MS.map(
      (spacingMs) => VOLATILITY_FIT * sigmaPerSqrtMs * Math.sqrt(spacingMs),
    );
  }

  /** The price at `ms` (epoch milliseconds), in dollars. */
  priceAt(ms: number): number {
    let logMove = 0;
    for (let scale = 0; scale < SPACINGS_MS.length; scale++) {
      const position = ms / SPACINGS_MS[scale]!;
      const step = Math.floor(position);
      const before = gaussianAt(hashOf(this.key, scale, step));
      const after = gaussianAt(hashOf(this.key, scale, step + 1));
      logMove += this.amplitudes[scale]! * (before + (after - before) * (position - step));
    }
    return this.asset.price * Math.exp(logMove);
  }

  /** Units of the asset traded over the 24 hours before `ms`: its daily value, varied slowly. */
  volume24hAt(ms: number): number {
    const position = ms / VOLUME_SPACING_MS;
    const step = Math.floor(position);
    const before = gaussianAt(hashOf(this.key ^ VOLUME_SALT, 0, step));
    const after = gaussianAt(hashOf(this.key ^ VOLUME_SALT, 0, step + 1));
    const pace = Math.exp(0.2 * (before + (after - before) * (position - step)));
    return (this.asset.dailyValue / this.priceAt(ms)) * pace;
  }

  /** Units traded in the bucket of `durationMs` starting at `startMs`: its share of the day's, varied. */
  bucketVolume(startMs: number, durationMs: number): number {
    const draw = gaussianAt(
      hashOf(this.key ^ VOLUME_SALT, durationMs / 1000, startMs / durationMs),
    );
    return this.volume24hAt(startMs) * (durationMs / DAY_MS) * Math.exp(0.3 * draw);
  }
}
