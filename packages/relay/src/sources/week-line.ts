import { HOUR_MS, isPrice, SPARKLINE_SPAN_MS, type Sparkline } from '@tickwire/protocol';

/** A 7-day line keeps a price every this often: 57 points, plenty for a line a few rem wide. */
const WEEK_STEP_MS = 3 * HOUR_MS;

/**
 * A 7-day line (`AssetFacts.line7d`) from prices evenly spaced over the last 7 days up to
 * `endMs`, oldest first (CoinGecko's `sparkline_in_7d.price`: 168 hourly prices), thinned to
 * one every three hours counted back from the newest, with the oldest kept as the span's start.
 * A price that is none (CoinGecko's `null`, zero, out of bounds) is left out, never filled in;
 * `undefined` with fewer than two left.
 */
export function weekLine(prices: readonly unknown[], endMs: number): Sparkline | undefined {
  if (prices.length < 2 || !Number.isFinite(endMs)) return undefined;
  const spacingMs = SPARKLINE_SPAN_MS['7d'] / (prices.length - 1);
  const every = Math.max(1, Math.round(WEEK_STEP_MS / spacingMs));
  const points: [number, number][] = [];
  prices.forEach((price, index) => {
    const back = prices.length - 1 - index;
    if ((back % every === 0 || index === 0) && isPrice(price))
      points.push([Math.round(endMs - back * spacingMs), price]);
  });
  return points.length > 1 ? { range: '7d', points } : undefined;
}
