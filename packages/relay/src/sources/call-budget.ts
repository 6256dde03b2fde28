/** At most `limit` calls in any window of `windowMs`: a sliding log of call times. */
export class CallBudget {
  private readonly calls: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Spends one call if the window has room; false when it has none. */
  take(): boolean {
    this.forget();
    if (this.calls.length >= this.limit) return false;
    this.calls.push(this.now());
    return true;
  }

  remaining(): number {
    this.forget();
    return this.limit - this.calls.length;
  }

  private forget(): void {
    const since = this.now() - this.windowMs;
    while (this.calls.length > 0 && this.calls[0]! <= since) this.calls.shift();
  }
}
