import type { Sparkline } from '@tickwire/protocol';
import { sampleHistory } from './sample-quotes.js';

const HALF_HOUR_MS = 30 * 60_000;

/**
 * A 24 h line as a relay would carry it, for scripted feeds (tests, Storybook): 49 half-hourly
 * points from the price a day ago (`price` less `changePct24h`, as the card's 24 h figure says)
 * to `price` now, along a seeded walk, so the same seed always draws the same line.
 */
export function sampleSparkline(price: number, changePct24h = 0, seed = 1): Sparkline {
  const open = price / (1 + changePct24h / 100);
  const walk = sampleHistory(price, 49, seed).map(([, value]) => value);
  const now = Date.now();
  // The walk ends at `price`; tilted so that it starts at `open`.
  const tilt = open / walk[0]!;
  return {
    range: '24h',
    points: walk.map((value, index) => [
      now - (48 - index) * HALF_HOUR_MS,
      value * tilt ** (1 - index / 48),
    ]),
  };
}
