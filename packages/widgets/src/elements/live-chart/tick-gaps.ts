/**
 * The tick chart's gaps in time. The chart library spaces points by their order, not their
 * time: a minute without updates among updates a second apart would take one slot, as if
 * nothing had been missed. A gap is drawn as one instead: empty slots (the library's
 * whitespace points, where the line breaks) in proportion to the time missed.
 */

/** A pause longer than this many usual intervals is a gap. */
const GAP_INTERVALS = 3;
/** Empty slots at the most for one gap: the tick window holds 3,000 points in all. */
const MAX_GAP_SLOTS = 600;

/** The usual time between two updates, ms: the median interval of `times` (oldest first). */
export function usualInterval(times: readonly number[]): number | undefined {
  const intervals = times
    .slice(1)
    .map((time, i) => time - times[i]!)
    .sort((a, b) => a - b);
  return intervals[Math.floor(intervals.length / 2)];
}

/**
 * The times, ms, of the empty slots between updates at `from` and `to`: none for a usual
 * pause, else one for each usual interval missed (up to `MAX_GAP_SLOTS`), evenly spread.
 */
export function gapSlots(from: number, to: number, interval: number | undefined): number[] {
  if (!interval || to - from <= GAP_INTERVALS * interval) return [];
  const count = Math.min(Math.round((to - from) / interval) - 1, MAX_GAP_SLOTS);
  return Array.from({ length: count }, (_, i) => from + ((to - from) * (i + 1)) / (count + 1));
}
