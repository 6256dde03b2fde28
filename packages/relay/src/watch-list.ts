import type { Refusal } from '@tickwire/protocol';

/**
 * The share of the watch list one client address may add to: a quarter, so one reader (ten
 * streams of fifty symbols) cannot take every slot and leave the next one's symbols unpriced.
 */
const ADDRESS_SHARE = 0.25;

/** Settings of a `WatchList`. */
export interface WatchListOptions {
  /** How long a symbol stays watched after its last reader, ms (`WATCH_GRACE`). */
  graceMs: number;
  /** Symbols watched at most beyond the pinned ones (`MAX_WATCHED_SYMBOLS`). */
  maxExtra: number;
  now?: () => number;
}

/**
 * The symbols the relay polls: the configured set, always, plus every symbol a reader asked
 * for — a stream while it is open, a REST read once — until the grace after its last reader
 * has passed (so a page that reloads, or a script that reads every minute, does not start
 * a symbol from nothing each time). Then the symbol is dropped: no longer polled, and the
 * store forgets it. Bounded, so readers cannot make the relay poll without limit.
 */
export class WatchList {
  /** Open streams per symbol. */
  private readonly streams = new Map<string, number>();
  /** Symbols no stream holds, with the time their grace ends, ms. */
  private readonly lingering = new Map<string, number>();
  /** The address each watched symbol (not pinned) is charged to: the one that added it. */
  private readonly addedBy = new Map<string, string>();
  /** Symbols charged to each address. */
  private readonly charged = new Map<string, number>();
  private readonly listeners = new Set<(added: string[]) => void>();
  private readonly pinned: ReadonlySet<string>;
  private readonly now: () => number;

  constructor(
    pinned: readonly string[],
    private readonly options: WatchListOptions,
  ) {
    this.pinned = new Set(pinned);
    this.now = options.now ?? Date.now;
  }

  /**
   * Watches `symbols` for a stream from `address` until the returned function is called, then
   * for the grace. Returns also the symbols that could not be watched, with why.
   */
  add(
    symbols: readonly string[],
    address: string,
  ): { release: () => void; refused: Record<string, Refusal> } {
    const { held, refused } = this.take(symbols, address, (symbol) =>
      this.streams.set(symbol, (this.streams.get(symbol) ?? 0) + 1),
    );
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const graceEnds = this.now() + this.options.graceMs;
      for (const symbol of held) {
        const count = (this.streams.get(symbol) ?? 1) - 1;
        if (count > 0) this.streams.set(symbol, count);
        else {
          this.streams.delete(symbol);
          this.lingering.set(symbol, graceEnds);
        }
      }
    };
    return { release, refused };
  }

  /**
   * Watches `symbols` for a REST read from `address`: for the grace from now. Returns those
   * that could not be, with why.
   */
  read(symbols: readonly string[], address: string): Record<string, Refusal> {
    const graceEnds = this.now() + this.options.graceMs;
    return this.take(symbols, address, (symbol) => {
      if (!this.streams.has(symbol)) this.lingering.set(symbol, graceEnds);
    }).refused;
  }

  /** Every symbol to poll now; symbols whose grace has ended are dropped first. */
  symbols(): string[] {
    const now = this.now();
    for (const [symbol, graceEnds] of this.lingering) {
      if (graceEnds > now) continue;
      this.lingering.delete(symbol);
      this.uncharge(symbol);
    }
    return [...new Set([...this.pinned, ...this.streams.keys(), ...this.lingering.keys()])];
  }

  /** True while `symbol` is polled. */
  has(symbol: string): boolean {
    return this.pinned.has(symbol) || this.streams.has(symbol) || this.lingering.has(symbol);
  }

  /** Calls `listener` with symbols that became watched; returns the unsubscribe function. */
  onAdded(listener: (added: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Applies `hold` to each symbol there is room for, telling the listeners of those new to
   * the list; the rest are refused. A symbol new to the list is charged to `address`, within
   * its share; one already watched costs a reader nothing.
   */
  private take(symbols: readonly string[], address: string, hold: (symbol: string) => void) {
    const added: string[] = [];
    const held: string[] = [];
    const refused: Record<string, Refusal> = {};
    const share = Math.max(1, Math.ceil(this.options.maxExtra * ADDRESS_SHARE));
    for (const symbol of new Set(symbols)) {
      if (this.pinned.has(symbol)) continue;
      if (!this.streams.has(symbol) && !this.lingering.has(symbol)) {
        if (this.streams.size + this.lingering.size >= this.options.maxExtra) {
          refused[symbol] = watchListFull(this.options.maxExtra);
          continue;
        }
        const charged = this.charged.get(address) ?? 0;
        if (charged >= share) {
          refused[symbol] = addressShareFull(share);
          continue;
        }
        this.charged.set(address, charged + 1);
        this.addedBy.set(symbol, address);
        added.push(symbol);
      }
      this.lingering.delete(symbol);
      hold(symbol);
      held.push(symbol);
    }
    if (added.length > 0) for (const listener of this.listeners) listener(added);
    return { held, refused };
  }

  /** A symbol left the list: its address may add another. */
  private uncharge(symbol: string): void {
    const address = this.addedBy.get(symbol);
    if (address === undefined) return;
    this.addedBy.delete(symbol);
    const left = (this.charged.get(address) ?? 1) - 1;
    if (left > 0) this.charged.set(address, left);
    else this.charged.delete(address);
  }
}

/** Why a symbol a source lists is not served: the watch list (`MAX_WATCHED_SYMBOLS`) is full. */
export const watchListFull = (limit: number): Refusal => ({
  code: 'watch_list_full',
  limit,
  message: `This relay is watching as many symbols as it may (MAX_WATCHED_SYMBOLS, ${limit}); try again later.`,
});

/** Why a symbol is not served to one address: it has added its share (`limit`) of the watch list. */
export const addressShareFull = (limit: number): Refusal => ({
  code: 'address_share_full',
  limit,
  message: `Your address is watching as many symbols as one reader may (${limit}, a quarter of MAX_WATCHED_SYMBOLS); close a stream first.`,
});
