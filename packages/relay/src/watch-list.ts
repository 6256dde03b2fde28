/**
 * The symbols the relay polls: the configured set, always, plus every symbol a connected
 * client asked for, counted per client so that a symbol is dropped when its last watcher
 * leaves. The hub adds to it; the poller reads it. Bounded, so clients cannot make the
 * relay poll without limit.
 */
export class WatchList {
  private readonly counts = new Map<string, number>();
  private readonly listeners = new Set<(added: string[]) => void>();

  constructor(
    private readonly pinned: readonly string[],
    /** Client-requested symbols watched at most, beyond the pinned ones. */
    private readonly maxExtra = 500,
  ) {}

  /**
   * Watches `symbols` until the returned function is called. Symbols beyond the bound are
   * not added (they stay unanswered rather than cost an unbounded upstream call).
   */
  add(symbols: readonly string[]): () => void {
    const added: string[] = [];
    const held: string[] = [];
    for (const symbol of symbols) {
      const count = this.counts.get(symbol) ?? 0;
      if (count === 0 && !this.pinned.includes(symbol)) {
        if (this.counts.size >= this.maxExtra) continue;
        added.push(symbol);
      }
      this.counts.set(symbol, count + 1);
      held.push(symbol);
    }
    if (added.length > 0) for (const listener of this.listeners) listener(added);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const symbol of held) {
        const count = (this.counts.get(symbol) ?? 1) - 1;
        if (count > 0) this.counts.set(symbol, count);
        else this.counts.delete(symbol);
      }
    };
  }

  /** Every symbol to poll now. */
  symbols(): string[] {
    return [...new Set([...this.pinned, ...this.counts.keys()])];
  }

  /** Calls `listener` with symbols that became watched; returns the unsubscribe function. */
  onAdded(listener: (added: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
