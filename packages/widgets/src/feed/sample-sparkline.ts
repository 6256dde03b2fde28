import { SPARKLINE_SPAN_MS, type Sparkline, type SparklineRange } from '@tickwire/protocol';
import { sampleHistory } from './sample-quotes.js';

/** Steps of each span's line, as a relay sends it: half-hourly over a day, three-hourly over a week. */
const STEPS: Record<SparklineRange, number> = { '24h': 48, '7d': 56 };

/**
 * A line as a relay would carry it, for scripted feeds (tests, Storybook): a day's 49
 * half-hourly points (or a week's 57 three-hourly ones, `range: '7d'`) from the price at the
 * span's start (`price` less `changePct`, as the span's figure says) to `price` now, along a
 * seeded walk, so the same seed always draws the same line.
 */
export function sampleSparkline(
  price: number,
  changePct = 0,
  seed = 1,
  range: SparklineRange = '24h',
): Sparkline {
  const steps = STEPS[range];
  const stepMs = SPARKLINE_SPAN_MS[range] / steps;
  const open = price / (1 + changePct / 100);
  const walk = sampleHistory(price, steps + 1, seed).map(([, value]) => value);
  const now = Date.now();
  // The walk ends at `price`; tilted so that it starts at `open`.
  const tilt = open / walk[0]!;
  return {
    range,
    points: walk.map((value, index) => [
      now - (steps - index) * stepMs,
      value * tilt ** (1 - index / steps),
    ]),
  };
}
