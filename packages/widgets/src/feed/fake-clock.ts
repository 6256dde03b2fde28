import type { Clock } from './clock.js';

interface Timer {
  at: number;
  run: () => void;
  /** Set for a repeating timer. */
  everyMs?: number;
}

/**
 * A clock for tests: time moves only when the test says (`tick`), and every timer due on the
 * way runs at its own moment, in order, so a test says exactly when something happens.
 */
export class FakeClock implements Clock {
  private readonly timers = new Set<Timer>();

  constructor(private nowMs = Date.UTC(2026, 0, 1)) {}

  now = (): number => this.nowMs;

  after(ms: number, run: () => void): () => void {
    return this.add({ at: this.nowMs + Math.max(0, ms), run });
  }

  every(ms: number, run: () => void): () => void {
    return this.add({ at: this.nowMs + ms, run, everyMs: ms });
  }

  /** Moves time on by `ms`, running each timer as its moment comes. */
  tick(ms: number): void {
    const end = this.nowMs + ms;
    for (;;) {
      let next: Timer | undefined;
      for (const timer of this.timers)
        if (timer.at <= end && (!next || timer.at < next.at)) next = timer;
      if (!next) break;
      this.nowMs = next.at;
      if (next.everyMs) next.at += next.everyMs;
      else this.timers.delete(next);
      next.run();
    }
    this.nowMs = end;
  }

  private add(timer: Timer): () => void {
    this.timers.add(timer);
    return () => this.timers.delete(timer);
  }
}
