/**
 * What the tick chart (`range="live"`) draws: every update of the last `minutes`, never more
 * than `maxPoints` of them (5 minutes at 10 updates a second). A relay keeps each symbol's
 * history that long (`tickHistoryPoints`), so a reader who reconnects is drawn the same window.
 */
export const TICK_WINDOW = { minutes: 5, maxPoints: 3_000 } as const;

/** The tick window, ms. */
export const TICK_WINDOW_MS = TICK_WINDOW.minutes * 60_000;

/**
 * Points a relay keeps per symbol to fill the tick window when it publishes a symbol at most
 * `eventsPerSecond` times a second: 1,200 at 4 a second; never more than the chart draws.
 */
export const tickHistoryPoints = (eventsPerSecond: number): number =>
  Math.min(TICK_WINDOW.maxPoints, Math.ceil((eventsPerSecond * TICK_WINDOW_MS) / 1_000));
