import type { PricePoint } from './quote.js';

/**
 * A symbol's price over a stated span, for a card's small line (README, "Sparklines"): the
 * relay draws it from its shared candle history, never from its own ticks, so it means the
 * same thing from the first second a card shows it.
 */
export interface Sparkline {
  /** What it spans: the last 24 hours (the only span sent so far). */
  range: '24h';
  /**
   * `[ms, price]`, oldest first: the price at the start of the span, the closes of the
   * half-hour buckets since, and the latest close, which a client may move with the live price.
   */
  points: PricePoint[];
}

/** Points a client reads of one line at most; a relay sends about 50. */
export const MAX_SPARKLINE_POINTS = 100;
