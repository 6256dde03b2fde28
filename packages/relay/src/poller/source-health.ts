import type { SourceStatus } from '../quote.js';

const BASE_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 5 * 60_000;
/** Consecutive failures after which a degraded source is reported down. */
const DOWN_AFTER_FAILURES = 3;

/**
 * One source's health as the poller sees it: failures push the next try out with
 * exponential backoff and full jitter, so a failing upstream is not hammered and several
 * relays do not retry in step; one success restores it.
 */
export class SourceHealth {
  private failures = 0;
  /** The last answer lacked some symbols or held bad data: degraded, but no backoff. */
  private incomplete = false;
  private retryAt = 0;
  private lastOkTs: number | undefined;
  private lastError: string | undefined;

  constructor(
    readonly id: string,
    readonly simulated: boolean,
    private readonly random: () => number = Math.random,
  ) {}

  /** True when the source may be asked at `now`. */
  available(now: number): boolean {
    return now >= this.retryAt;
  }

  succeeded(now: number): void {
    this.incomplete = false;
    this.failures = 0;
    this.retryAt = 0;
    this.lastOkTs = now;
    this.lastError = undefined;
  }

  /** Records an answer that left symbols out or held values that were not believed. */
  partial(now: number, error: string): void {
    this.succeeded(now);
    this.incomplete = true;
    this.lastError = error;
  }

  /**
   * Records a failure. `retryAfterMs`, when the upstream named one (Retry-After, a ban),
   * is waited out in full.
   */
  failed(now: number, error: string, retryAfterMs?: number): void {
    this.failures++;
    this.lastError = error;
    const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (this.failures - 1));
    const backoff = Math.max(retryAfterMs ?? 0, this.random() * ceiling);
    this.retryAt = now + backoff;
  }

  status(): SourceStatus {
    const state =
      this.failures >= DOWN_AFTER_FAILURES
        ? 'down'
        : this.failures > 0 || this.incomplete
          ? 'degraded'
          : 'ok';
    return {
      id: this.id,
      state,
      simulated: this.simulated,
      ...(this.lastOkTs !== undefined && { lastOkTs: this.lastOkTs }),
      ...(this.lastError !== undefined && { error: this.lastError }),
    };
  }
}
