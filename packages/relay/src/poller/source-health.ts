import {
  type BackoffPolicy,
  backoffMs,
  MAX_RETRY_AFTER_MS,
  type SourceStatus,
} from '@tickwire/protocol';

/** An upstream that failed is asked again after up to 1 s, then 2, 4 … 5 min: full jitter. */
const UPSTREAM_BACKOFF: BackoffPolicy = { firstMs: 1_000, maxMs: 5 * 60_000, jitter: 1 };
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
  /** When a try is allowed again, ms; 0 after a success. */
  retryAt = 0;

  constructor(private readonly random: () => number = Math.random) {}

  /** True when a try is allowed at `now`. */
  available(now: number): boolean {
    return now >= this.retryAt;
  }

  /**
   * `retryAfterMs`, when the upstream named one (Retry-After, a ban), is waited out in full up
   * to `MAX_RETRY_AFTER_MS`. Returns the wait, ms.
   */
  failed(now: number, retryAfterMs?: number): number {
    this.failures++;
    const named = Math.min(MAX_RETRY_AFTER_MS, Math.max(0, retryAfterMs ?? 0));
    const waitMs = Math.max(named, backoffMs(this.failures, UPSTREAM_BACKOFF, this.random));
    this.retryAt = now + waitMs;
    return waitMs;
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

  /**
   * Records a failure; the source is asked again after its backoff. A wait the upstream named
   * is told in the error, so a reader of `/v1/sources` knows why the source is quiet.
   */
  failed(now: number, error: string, retryAfterMs?: number): void {
    const waitMs = this.backoff.failed(now, retryAfterMs);
    this.lastError =
      retryAfterMs === undefined ? error : `${error}; retrying in ${inWords(waitMs)}`;
  }

  status(): SourceStatus {
    const { failures } = this.backoff;
    const state =
      failures >= DOWN_AFTER_FAILURES
        ? 'down'
        : failures > 0 || this.incomplete
          ? 'degraded'
          : 'ok';
    const { retryAt } = this.backoff;
    return {
      id: this.id,
      state,
      simulated: this.simulated,
      ...(this.lastOkTs !== undefined && { lastOkTs: this.lastOkTs }),
      ...(this.lastError !== undefined && { error: this.lastError }),
      ...(failures > 0 && { retryAt }),
    };
  }
}

/** A wait as a reader says it: `45 s`, `10 min`. */
function inWords(ms: number): string {
  return ms < 90_000 ? `${Math.ceil(ms / 1_000)} s` : `${Math.round(ms / 60_000)} min`;
}
