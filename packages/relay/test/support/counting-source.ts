import { DemoSource } from '../../src/sources/demo.js';
import type { FetchedQuote, PriceSource } from '../../src/sources/price-source.js';

/** A real demo market behind a wrapper that counts calls and can be made to fail or stall. */
export class CountingSource implements PriceSource {
  readonly simulated = false;
  readonly calls: string[][] = [];
  inFlight = 0;
  maxInFlight = 0;
  failWith: Error | undefined;
  delayMs = 0;
  private readonly market = new DemoSource({ seed: 3 });

  constructor(
    readonly id: string,
    private readonly only?: ReadonlySet<string>,
  ) {}

  /** `only` names bases, listed in dollars; without it, the demo market's every pair. */
  async listPairs(): Promise<ReadonlySet<string>> {
    return this.only
      ? new Set([...this.only].map((base) => `${base}/USD`))
      : this.market.listPairs();
  }

  /** Records each call's pairs (`BTC/USD`). */
  async fetchQuotes(pairs: readonly string[]): Promise<FetchedQuote[]> {
    this.calls.push([...pairs]);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      if (this.failWith) throw this.failWith;
      return (await this.market.fetchQuotes(pairs)).map((quote) => ({
        ...quote,
        source: this.id,
      }));
    } finally {
      this.inFlight--;
    }
  }
}
