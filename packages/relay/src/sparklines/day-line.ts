import {
  type Candle,
  HOUR_MS,
  MINUTE_MS,
  type PricePoint,
  type Sparkline,
  stepMsOf,
} from '@tickwire/protocol';

/** A point of the line every half hour: 48 in a day, enough for a card's width. */
export const LINE_STEP_MS = 30 * MINUTE_MS;
/**
 * A day of candles may start a bucket late (the grid keeps 288 five-minute buckets, the
 * current one included); a history that starts later than this is shorter than the day the
 * card would say, so it gives no line.
 */
const LONGEST_GAP_MS = HOUR_MS;

/**
 * The 24 h line of a symbol from its 24 h candles (five-minute buckets on the grid, oldest
 * first, the last one under way): the close at every half hour of the day, and the latest
 * close, at the end of its bucket or `now` if sooner. Every point but the newest sits on the
 * half-hour grid, so the line moves only when a half hour closes. `undefined` when the candles
 * do not cover the day: never a line that says "24h" over less.
 */
export function dayLine(candles: readonly Candle[], now: number): Sparkline | undefined {
  const step = stepMsOf('24h');
  const points: PricePoint[] = [];
  for (const [t, , , , close] of candles) {
    const end = t + step;
    if (end % LINE_STEP_MS === 0 && end <= now) points.push([end, close]);
  }
  const last = candles.at(-1);
  const first = points[0];
  if (!last || !first || first[0] > now - 24 * HOUR_MS + LONGEST_GAP_MS) return undefined;
  const newest = Math.min(now, last[0] + step);
  if (newest > points.at(-1)![0]) points.push([newest, last[4]]);
  return { range: '24h', points };
}

/** Two lines are the same line where a client sees it: every point but the newest, which follows the live price. */
export function sameLine(a: Sparkline | undefined, b: Sparkline | undefined): boolean {
  if (!a || !b) return a === b;
  const older = (line: Sparkline) => JSON.stringify(line.points.slice(0, -1));
  return older(a) === older(b);
}
