import type { SourceStatus } from '@tickwire/protocol';

const BASE_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 5 * 60_000;
/** Consecutive failures after which a degraded source is reported down. */
const DOWN_AFTER_FAILURES = 3;

/**
 * The one retry rule of the relay's upstream calls: after each failure the next try waits
 * out an exponential backoff with full jitter (so a failing upstream is not hammered and
 * several relays do not retry in step), or longer if the upstream named a time.
 */
export class Backoff {
  /** Failures since the last success. */
  failures = 0;
  private retryAt = 0;

  constructor(private readonly random: () => number = Math.random) {}

  /** True when a try is allowed at `now`. */
  available(now: number): boolean {
    return now >= this.retryAt;
  }

  /** `retryAfterMs`, when the upstream named one (Retry-After, a ban), is waited out in full. */
  failed(now: number, retryAfterMs?: number): void {
    this.failures++;
    const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (this.failures - 1));
    this.retryAt = now + Math.max(retryAfterMs ?? 0, this.random() * ceiling);
  }

  succeeded(): void {
    this.failures = 0;
    this.retryAt = 0;
  }
}

/** One source's health as the poller sees it: its backoff, its last success and error. */
export class SourceHealth {
  private readonly backoff: Backoff;
  /** The last answer lacked some symbols or held bad data: degraded, but no backoff. */
  private incomplete = false;
  private lastOkTs: number | undefined;
  private lastError: string | undefined;

  constructor(
    readonly id: string,
    readonly simulated: boolean,
    random: () => number = Math.random,
  ) {
    this.backoff = new Backoff(random);
  }

  /** True when the source may be asked at `now`. */
  available(now: number): boolean {
    return this.backoff.available(now);
  }

  succeeded(now: number): void {
    this.incomplete = false;
    this.backoff.succeeded();
    this.lastOkTs = now;
    this.lastError = undefined;
  }

  /** Records an answer that left symbols out or held values that were not believed. */
  partial(now: number, error: string): void {
    this.succeeded(now);
    this.incomplete = true;
    this.lastError = error;
  }

  /** Records a failure; the source is asked again after its backoff. */
  failed(now: number, error: string, retryAfterMs?: number): void {
    this.lastError = error;
    this.backoff.failed(now, retryAfterMs);
  }

  status(): SourceStatus {
    const { failures } = this.backoff;
    const state =
      failures >= DOWN_AFTER_FAILURES
        ? 'down'
        : failures > 0 || this.incomplete
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
