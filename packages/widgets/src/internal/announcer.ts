/**
 * Decides when a price change is worth saying to a screen reader: the first price, then at
 * most once per `intervalMs`, so a live page does not talk over its reader on every tick.
 */
export class Announcer {
  private lastAt = Number.NEGATIVE_INFINITY;
  text = '';

  constructor(private readonly intervalMs: number) {}

  /** Offers new text; keeps it if enough time has passed. Returns true when it changed. */
  offer(text: string, now = Date.now()): boolean {
    if (this.intervalMs <= 0 || text === this.text || now - this.lastAt < this.intervalMs)
      return false;
    this.text = text;
    this.lastAt = now;
    return true;
  }
}
