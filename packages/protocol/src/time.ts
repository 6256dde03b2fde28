/** A minute, ms: the unit of a chart's finest candles and of the demo market's history. */
export const MINUTE_MS = 60_000;
/** An hour, ms. */
export const HOUR_MS = 60 * MINUTE_MS;
/** A day, ms: the span of the 24 h figures. */
export const DAY_MS = 24 * HOUR_MS;
