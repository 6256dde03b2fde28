import type { FetchedQuote } from '../sources/price-source.js';

/** A source clock this far ahead of ours is wrong, not early; its time is replaced by ours. */
export const MAX_CLOCK_AHEAD_MS = 5_000;

/** The time given to a quote, and a line for the log when it is not the source's own. */
export interface Stamp {
  ts: number;
  note?: string;
}

/** What one source last said of one pair, and the time the relay gave it. */
interface Seen {
  sourceTs: number | undefined;
  price: number;
  volume24h: number | null;
  ts: number;
}

/**
 * Times quotes so that a halted feed goes stale at the TTL: a quote's time advances only
 * when the source's own time does (protocol README, "Quote"). Stamping a quote with the time
 * of receipt on every poll would make the same price look new forever.
 *
 * - A source time seen before keeps the time it was given when first seen.
 * - A new source time ahead of the relay's clock is replaced by the time of receipt, once;
 *   its repeats keep that (a source clock a year ahead would otherwise make a price immortal).
 * - A source that gives no time is judged by its values: a price or volume that moved is
 *   timed at receipt, the same values keep the time they had.
 *
 * One entry per source and pair it answered, until the pair is no longer watched.
 */
export class QuoteClock {
  private readonly seen = new Map<string, Seen>();

  /** The time `quote`, answered at `now`, is served with; `quote.ts` must be a number or absent. */
  stamp(quote: FetchedQuote, now: number): Stamp {
    const key = `${quote.source}\u0000${quote.symbol}`;
    const last = this.seen.get(key);
    const stamp = this.decide(quote, last, now);
    this.seen.set(key, {
      sourceTs: quote.ts,
      price: quote.price,
      volume24h: quote.volume24h,
      ts: stamp.ts,
    });
    return stamp;
  }

  /** Forgets every pair but `pairs`, from every source. */
  forgetExcept(pairs: ReadonlySet<string>): void {
    for (const key of this.seen.keys()) {
      if (!pairs.has(key.slice(key.indexOf('\u0000') + 1))) this.seen.delete(key);
    }
  }

  private decide(quote: FetchedQuote, last: Seen | undefined, now: number): Stamp {
    const { ts } = quote;
    if (ts === undefined) {
      const moved = !last || last.price !== quote.price || last.volume24h !== quote.volume24h;
      return { ts: moved || last.sourceTs !== undefined ? now : last.ts };
    }
    if (last && last.sourceTs === ts) return { ts: last.ts };
    if (ts > now + MAX_CLOCK_AHEAD_MS) {
      return {
        ts: now,
        note: `${quote.symbol} from ${quote.source} was timed ${ts - now} ms in the future; timed at receipt instead`,
      };
    }
    return { ts };
  }
}
