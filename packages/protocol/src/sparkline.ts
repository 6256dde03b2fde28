import type { PricePoint } from './quote.js';
import { DAY_MS } from './time.js';

/** The spans a line is sent for: the stream's 24 h line, and a table's 7-day line in the facts. */
export type SparklineRange = '24h' | '7d';

/** How long each span is, ms: a line's points are no older than this before its newest. */
export const SPARKLINE_SPAN_MS: Record<SparklineRange, number> = {
  '24h': DAY_MS,
  '7d': 7 * DAY_MS,
};

/**
 * A price over a stated span, for a small line (README, "Sparklines"): the relay draws the
 * stream's 24 h line from its shared candle history, never from its own ticks, so it means the
 * same thing from the first second a card shows it; a 7-day line comes with an asset's facts
 * (`AssetFacts.line7d`), from the facts' source.
 */
export interface Sparkline {
  /** What it spans: the last 24 hours (the stream's lines) or 7 days (in asset facts). */
  range: SparklineRange;
  /**
   * `[ms, price]`, oldest first: the price at the start of the span, the closes since (of the
   * half-hour buckets of a 24 h line, about every three hours on a 7-day one), and the latest
   * close, which a client may move with the live price.
   */
  points: PricePoint[];
}

/** Points a client reads of one line at most; a relay sends about 50. */
export const MAX_SPARKLINE_POINTS = 100;
