import type { Sparkline } from './sparkline.js';

/**
 * What the relay knows of an asset beyond its price (README, "Assets"): its name, logo and
 * market figures, for tables, heatmaps and names beside prices. A source without such facts
 * leaves a field absent — never a made-up figure.
 */
export interface AssetFacts {
  /** The asset as elements name it: `BTC`. */
  asset: string;
  name: string;
  /**
   * Path of the logo on the relay that sent the facts (`/v1/logos/BTC`), to append to that
   * relay's URL as for `/v1/stream`: never a third party's address.
   */
  logo: string;
  /** Rank by market cap at the source. */
  rank?: number;
  /** In `currency`. */
  marketCap?: number;
  fullyDilutedValue?: number;
  /** Units of the asset in circulation: a client moves market cap with the live price by it. */
  circulatingSupply?: number;
  /** Traded over 24 hours, in `currency`. */
  volume24h?: number;
  /** Percent change over the last hour and the last 7 days, at the source. */
  changePct1h?: number;
  changePct7d?: number;
  /**
   * The price over the last 7 days at the source, in `currency` (`range: '7d'`, a point about
   * every three hours): a table's line. Absent where the source has none; simulated with the
   * rest on the demo market.
   */
  line7d?: Sparkline;
  /** The currency of every figure above: `USD`, `EUR`. */
  currency: string;
  /**
   * Where the facts came from: `coingecko`, `demo`; `relay` when no source has facts of the
   * asset, and only `name` and `logo` are given.
   */
  source: string;
  /** When the source reported them, ms. */
  t: number;
  /** True for the simulated demo market's made-up figures. */
  simulated: boolean;
}

/** `GET /v1/assets?symbols=BTC,ETH` or `GET /v1/assets?top=20` */
export interface AssetsAnswer {
  t: number;
  currency: string;
  /** By asset; for `top=N`, in rank order. */
  assets: Record<string, AssetFacts>;
  /** Assets no facts source knows (the answer lists them rather than inventing facts). */
  unknown: string[];
  /** Assets whose facts are being fetched: ask again shortly. */
  pending?: string[];
}
