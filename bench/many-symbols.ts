import type { FetchedQuote, PriceSource } from '../packages/relay/src/index.js';

export const PAIRS = 100_000;

/** `S0/USD` … `S25ZR/USD`: 100,000 assets that exist only here. */
export const assetOf = (index: number) => `S${index.toString(36).toUpperCase()}`;

/** Every pair answered at once, its price a pure function of the pair and the second. */
export class ManySymbols implements PriceSource {
  readonly id = 'many';
  readonly simulated = false;

  async listPairs(): Promise<ReadonlySet<string>> {
    return new Set(Array.from({ length: PAIRS }, (_, index) => `${assetOf(index)}/USD`));
  }

  async fetchQuotes(pairs: readonly string[]): Promise<FetchedQuote[]> {
    const second = Math.floor(Date.now() / 1000);
    return pairs.map((symbol) => {
      const price = 1 + (hash(symbol) % 10_000) / 100 + (second % 60) / 1000;
      return {
        symbol,
        currency: 'USD',
        price,
        open24h: price * 0.99,
        change24h: price * 0.01,
        changePct24h: 1.01,
        volume24h: 1_000,
        ts: second * 1000,
        source: this.id,
      };
    });
  }

  /** A chart's hour of history per pair, so that forgetting a pair has memory to free. */
  async fetchHistory(pair: string, limit: number): Promise<[number, number][]> {
    const now = Date.now();
    const price = 1 + (hash(pair) % 10_000) / 100;
    return Array.from({ length: Math.min(limit, 60) }, (_, i) => [now - (60 - i) * 60_000, price]);
  }
}

function hash(text: string): number {
  let value = 0;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) >>> 0;
  return value;
}
