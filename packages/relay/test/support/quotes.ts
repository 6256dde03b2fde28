import type { SourceQuote } from '../../src/sources/price-source.js';

/** A quote as a source would give it, flat over 24 h, for store and hub tests. */
export const testQuote = (symbol: string, price: number, ts: number): SourceQuote => ({
  symbol,
  currency: 'USD',
  price,
  open24h: price,
  change24h: 0,
  changePct24h: 0,
  volume24h: 1,
  ts,
  source: 'test',
});
