import type { SourceQuote } from '../sources/price-source.js';

/** A move larger than this between two polls is not believed at once. */
export const MAX_JUMP = 0.25;
/** A held-back price is believed when the next one confirms it, within this. */
const CONFIRM_WITHIN = 0.05;

export type Verdict = { ok: true } | { ok: false; reason: string };

/**
 * Checks each quote before it is served. A price must be a finite, positive number. A price
 * more than 25 % away from the last good one is held back, and believed only when the next
 * poll confirms it (within 5 %): a real crash shows a poll later, a bad print never does.
 */
export class QuoteGuard {
  private readonly lastGood = new Map<string, number>();
  private readonly held = new Map<string, number>();

  check(quote: SourceQuote): Verdict {
    const { symbol, price } = quote;
    if (typeof price !== 'number' || !Number.isFinite(price) || price <= 0) {
      return { ok: false, reason: `no usable price for ${symbol}` };
    }
    for (const field of ['open24h', 'change24h', 'changePct24h', 'volume24h'] as const) {
      const value = quote[field];
      if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) {
        return { ok: false, reason: `no usable ${field} for ${symbol}` };
      }
    }
    const last = this.lastGood.get(symbol);
    if (last !== undefined && Math.abs(price / last - 1) > MAX_JUMP) {
      const held = this.held.get(symbol);
      if (held === undefined || Math.abs(price / held - 1) > CONFIRM_WITHIN) {
        this.held.set(symbol, price);
        return {
          ok: false,
          reason: `${symbol} jumped from ${last} to ${price}; held back until confirmed`,
        };
      }
    }
    this.held.delete(symbol);
    this.lastGood.set(symbol, price);
    return { ok: true };
  }
}
