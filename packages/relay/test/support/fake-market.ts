/** Starting prices of the fake upstreams, in USD. */
export const FAKE_PRICES: Record<string, number> = {
  BTC: 67_000,
  ETH: 3_500,
  SOL: 150,
  ADA: 0.45,
  DOT: 6.5,
  DOGE: 0.15,
};

/** What one unit of each fiat currency the fakes quote in is worth in dollars. */
export const FAKE_FX: Record<string, number> = { USD: 1, USDT: 1, EUR: 1.1, GBP: 1.3 };

/**
 * Prices that move by a known rule, so a test can say which value a quote must carry:
 * every answer of a fake moves each price up by 0.1 %.
 */
export class FakeMarket {
  private ticks = 0;
  /** Per-symbol overrides: a NaN, a wild jump. */
  readonly overrides = new Map<string, number>();
  /** How far the fake's clock is ahead of the real one in the times it reports, ms. */
  clockAheadMs = 0;
  /** Set by `halt`: the time the fake reports from then on. */
  private haltedAtMs: number | undefined;

  constructor(private readonly prices: Record<string, number> = FAKE_PRICES) {}

  get symbols(): string[] {
    return Object.keys(this.prices);
  }

  /** Moves the market one step, unless it is halted. */
  tick(): void {
    if (this.haltedAtMs === undefined) this.ticks++;
  }

  /**
   * Stops the market as a stuck exchange feed does: prices stand still and every answer
   * repeats the time `atMs` (default: now; a time ahead of the real clock is a stuck clock
   * that is also wrong).
   */
  halt(atMs = this.now()): void {
    this.haltedAtMs = atMs;
  }

  /** Lets a halted market move again, from the prices it stood at. */
  resume(): void {
    this.haltedAtMs = undefined;
  }

  price(symbol: string): number {
    return (
      this.overrides.get(symbol) ??
      Number(((this.prices[symbol] ?? 0) * (1 + 0.001 * this.ticks)).toPrecision(8))
    );
  }

  /** The time the fake reports for now. */
  now(): number {
    return this.haltedAtMs ?? Date.now() + this.clockAheadMs;
  }

  open(symbol: string): number {
    return Number(((this.prices[symbol] ?? 0) * 0.98).toPrecision(8));
  }

  /** `symbol`'s price in `currency`: a fiat currency at `FAKE_FX`, or another asset of the market. */
  priceIn(symbol: string, currency: string): number {
    const value = FAKE_FX[currency] ?? this.price(currency);
    return Number((this.price(symbol) / value).toPrecision(8));
  }

  openIn(symbol: string, currency: string): number {
    const value = FAKE_FX[currency] ?? this.open(currency);
    return Number((this.open(symbol) / value).toPrecision(8));
  }
}
