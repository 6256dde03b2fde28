import {
  type Candle,
  HOUR_MS,
  MINUTE_MS,
  type PricePoint,
  SPARKLINE_SPAN_MS,
  type Sparkline,
  type SparklineRange,
  stepMsOf,
} from '@tickwire/protocol';

/**
 * How each span's line is drawn from the candles of the same range: a point every `stepMs`
 * (48 in a day, enough for a card's width; 57 in a week, as CoinGecko's line is thinned), and
 * the latest start of the candles that still covers the span: the grid keeps the range's
 * buckets, the current one included, so a history may start a bucket or two late; one that
 * starts later is shorter than the span the line would say, and gives none.
 */
const LINES: Record<SparklineRange, { stepMs: number; longestGapMs: number }> = {
  '24h': { stepMs: 30 * MINUTE_MS, longestGapMs: HOUR_MS },
  '7d': { stepMs: 3 * HOUR_MS, longestGapMs: 6 * HOUR_MS },
};

/** A point of the 24 h line every half hour. */
export const LINE_STEP_MS = LINES['24h'].stepMs;

/**
 * A symbol's line over `range` from its candles of that range (on the grid, oldest first,
 * the last one under way: five-minute buckets for 24 h, hourly for 7 days): the close at
 * every step of the line, and the latest close, at the end of its bucket or `now` if sooner.
 * Every point but the newest sits on the line's grid, so the line moves only when a step
 * closes. `undefined` when the candles do not cover the span: never a line that says "24h"
 * (or "7d") over less.
 */
export function candleLine(
  candles: readonly Candle[],
  range: SparklineRange,
  now: number,
): Sparkline | undefined {
  const { stepMs, longestGapMs } = LINES[range];
  const bucketMs = stepMsOf(range);
  const points: PricePoint[] = [];
  for (const [t, , , , close] of candles) {
    const end = t + bucketMs;
    if (end % stepMs === 0 && end <= now) points.push([end, close]);
  }
  const last = candles.at(-1);
  const first = points[0];
  if (!last || !first || first[0] > now - SPARKLINE_SPAN_MS[range] + longestGapMs) return undefined;
  const newest = Math.min(now, last[0] + bucketMs);
  if (newest > points.at(-1)![0]) points.push([newest, last[4]]);
  return { range, points };
}

/** Two lines are the same line where a client sees it: every point but the newest, which follows the live price. */
export function sameLine(a: Sparkline | undefined, b: Sparkline | undefined): boolean {
  if (!a || !b) return a === b;
  const older = (line: Sparkline) => JSON.stringify(line.points.slice(0, -1));
  return older(a) === older(b);
}
