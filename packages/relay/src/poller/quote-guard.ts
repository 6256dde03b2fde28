import { DAY_MS, isPrice, type PricePoint } from '@tickwire/protocol';
import type { CheckedQuote, FetchedQuote } from '../sources/price-source.js';
import { MAX_CLOCK_AHEAD_MS, QuoteClock } from './quote-clock.js';

/** A move larger than this from the last good price is not believed at once. */
const MAX_JUMP = 0.25;
/** Two prices agree when they are within this of each other. */
const AGREE_WITHIN = 0.05;
/** Answers in a row from one source, agreeing, that confirm a held price on their own. */
export const SUSTAINED_POLLS = 3;
/** A price this far from the source's own 24 h open contradicts its own figures. */
const MAX_RATIO_TO_OPEN = 10;
/** A quote older than this is not news at all. */
const MAX_AGE_MS = DAY_MS;

export type Verdict =
  | { ok: true; quote: CheckedQuote; note?: string }
  | { ok: false; reason: string };

const agree = (a: number, b: number) => Math.abs(a / b - 1) <= AGREE_WITHIN;

/**
 * Checks each quote before it is served (docs/operating.md, "Implausible prices").
 *
 * - The price is a finite number within sane bounds, and the 24 h figures are numbers or
 *   absent. The time is the source's own as `QuoteClock` rules it (it advances only when
 *   the source's does; one ahead of the relay's clock is replaced by the time of receipt),
 *   and one older than a day is refused.
 * - A price more than 25 % from the last good one, or more than ×10 from the source's own
 *   24 h open, is held back until it is confirmed: by another source agreeing within 5 %,
 *   or by the same source repeating it (within 5 %) for three answers in a row while no
 *   other source contradicts it. A real crash shows everywhere and lasts; a bad print does not.
 */
export class QuoteGuard {
  private readonly lastGood = new Map<string, number>();
  /** Per symbol, per source: the held price and how many answers in a row repeated it. */
  private readonly held = new Map<string, Map<string, { price: number; count: number }>>();
  private readonly clock = new QuoteClock();

  /** The quote as it may be served, timed; or why it may not. */
  check(fetched: FetchedQuote, now: number): Verdict {
    const { symbol, price } = fetched;
    if (!isPrice(price)) return { ok: false, reason: `no usable price for ${symbol}` };
    for (const field of ['open24h', 'change24h', 'changePct24h', 'volume24h'] as const) {
      const value = fetched[field];
      if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) {
        return { ok: false, reason: `no usable ${field} for ${symbol}` };
      }
    }
    const timed = this.time(fetched, now);
    if (!timed.ok) return timed;
    const { quote } = timed;
    const last = this.lastGood.get(symbol);
    const open = quote.open24h;
    const implausible =
      (last !== undefined && Math.abs(price / last - 1) > MAX_JUMP) ||
      (open !== null && open > 0 && Math.max(price / open, open / price) > MAX_RATIO_TO_OPEN);
    if (implausible && !this.confirmed(quote)) {
      return {
        ok: false,
        reason: `${symbol} at ${price} from ${quote.source} is implausible (last good ${last ?? 'none'}, 24 h open ${open ?? 'none'}); held back until confirmed`,
      };
    }
    this.accept(symbol, price);
    return timed;
  }

  /** The quote with a time the relay can trust, or why it has none. */
  private time(quote: FetchedQuote, now: number): Verdict {
    // A source that gives no time at all is timed by the clock; a time that is not a number is bad data.
    const sourceTs = quote.ts ?? undefined;
    if (sourceTs !== undefined && (typeof sourceTs !== 'number' || !Number.isFinite(sourceTs))) {
      return { ok: false, reason: `no usable time for ${quote.symbol}` };
    }
    const { ts, note } = this.clock.stamp({ ...quote, ts: sourceTs }, now);
    if (ts < now - MAX_AGE_MS) return { ok: false, reason: `${quote.symbol} is over a day old` };
    return { ok: true, quote: { ...quote, ts }, ...(note && { note }) };
  }

  /** Records `quote` as held; true when that confirms it. */
  private confirmed({ symbol, price, source }: FetchedQuote): boolean {
    let bySource = this.held.get(symbol);
    if (!bySource) {
      bySource = new Map();
      this.held.set(symbol, bySource);
    }
    for (const [other, entry] of bySource) {
      if (other !== source && agree(entry.price, price)) return true;
    }
    const previous = bySource.get(source);
    const count = previous && agree(previous.price, price) ? previous.count + 1 : 1;
    bySource.set(source, { price, count });
    return count >= SUSTAINED_POLLS;
  }

  /**
   * Forgets every pair but `pairs` (those the relay still watches): what the guard knows of a
   * pair nobody reads would otherwise stay for the process's life, one entry for every pair
   * any reader ever asked for.
   */
  forgetExcept(pairs: ReadonlySet<string>): void {
    for (const pair of this.lastGood.keys()) if (!pairs.has(pair)) this.lastGood.delete(pair);
    for (const pair of this.held.keys()) if (!pairs.has(pair)) this.held.delete(pair);
    this.clock.forgetExcept(pairs);
  }

  /** A believed price: the new reference, and held prices that contradict it are forgotten. */
  private accept(symbol: string, price: number): void {
    this.lastGood.set(symbol, price);
    const bySource = this.held.get(symbol);
    if (!bySource) return;
    for (const [source, entry] of bySource) if (!agree(entry.price, price)) bySource.delete(source);
    if (bySource.size === 0) this.held.delete(symbol);
  }
}

/** History points a chart can draw: increasing times no later than now, usable prices. */
export function usablePoints(points: readonly PricePoint[], now: number): PricePoint[] {
  const usable: PricePoint[] = [];
  for (const point of points) {
    if (!Array.isArray(point)) continue;
    const [ms, price] = point;
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms > now + MAX_CLOCK_AHEAD_MS) continue;
    if (!isPrice(price)) continue;
    const last = usable.at(-1);
    if (last && ms <= last[0]) continue;
    usable.push([ms, price]);
  }
  return usable;
}
