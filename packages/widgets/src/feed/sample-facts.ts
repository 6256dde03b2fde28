import type { AssetFacts, AssetsAnswer } from '@tickwire/protocol';
import { sampleSparkline } from './sample-sparkline.js';

/** Made-up facts of well-known assets, roughly their size at the end of 2026, for tests and stories. */
const KNOWN: Record<string, Pick<AssetFacts, 'name' | 'rank' | 'circulatingSupply'>> = {
  BTC: { name: 'Bitcoin', rank: 1, circulatingSupply: 19_960_000 },
  ETH: { name: 'Ethereum', rank: 2, circulatingSupply: 120_700_000 },
  SOL: { name: 'Solana', rank: 5, circulatingSupply: 540_000_000 },
  ADA: { name: 'Cardano', rank: 9, circulatingSupply: 36_100_000_000 },
  DOGE: { name: 'Dogecoin', rank: 8, circulatingSupply: 150_000_000_000 },
  SHIB: { name: 'Shiba Inu', rank: 14, circulatingSupply: 589_000_000_000_000 },
};

/**
 * What a relay's `/v1/assets` would answer for `assets` priced at `prices` (for the market cap
 * and volume): names, relay logo paths, ranks, supply, 1 h and 7 d changes and the 7-day
 * line (`lines: false` leaves it out, as a source without one would), simulated as the
 * demo market's are. An asset without a price, or unknown here, is in `unknown`. `logos: false`
 * leaves the logo paths out, for a page with no relay to serve them (a story): each row then
 * shows its monogram, and nothing is asked of an address that does not answer.
 */
export function sampleAssets(
  prices: Record<string, number>,
  {
    currency = 'USD',
    t = Date.now(),
    logos = true,
    lines = true,
  }: { currency?: string; t?: number; logos?: boolean; lines?: boolean } = {},
): AssetsAnswer {
  const assets: Record<string, AssetFacts> = {};
  const unknown: string[] = [];
  const known = Object.keys(prices)
    .filter((asset) => KNOWN[asset])
    .sort((a, b) => KNOWN[a]!.rank! - KNOWN[b]!.rank!);
  for (const asset of known) {
    const facts = KNOWN[asset]!;
    const price = prices[asset]!;
    const marketCap = facts.circulatingSupply! * price;
    const changePct7d = ((facts.rank! % 5) - 2) * 2.4;
    assets[asset] = {
      asset,
      ...facts,
      logo: logos ? `/v1/logos/${asset}` : '',
      marketCap,
      volume24h: marketCap * 0.031,
      changePct1h: ((facts.rank! % 3) - 1) * 0.27,
      changePct7d,
      ...(lines && { line7d: sampleSparkline(price, changePct7d, facts.rank, '7d') }),
      currency,
      source: 'demo',
      t,
      simulated: true,
    };
  }
  for (const asset of Object.keys(prices)) if (!KNOWN[asset]) unknown.push(asset);
  return { t, currency, assets, unknown };
}
