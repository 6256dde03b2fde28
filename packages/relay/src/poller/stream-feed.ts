import { type BackoffPolicy, backoffMs, type SourceStatus } from '@tickwire/protocol';
import type { Logger } from 'pino';
import type { RelayMetrics } from '../metrics.js';
import type { FetchedQuote } from '../sources/price-source.js';
import type { QuoteStream } from '../sources/quote-stream.js';

/** A broken stream is tried again after up to 1 s, then 2, 4 … 1 min: full jitter, as REST calls. */
const STREAM_BACKOFF: BackoffPolicy = { firstMs: 1_000, maxMs: 60_000, jitter: 1 };

/** Where a feed is: not streaming (another relay leads, or paused), streaming, or polling while it reconnects. */
type FeedState = 'idle' | 'streaming' | 'fallback';

export interface StreamFeedOptions {
  /** The streaming source's id, as in `SOURCES` and in quotes. */
  sourceId: string;
  stream: QuoteStream;
  /** Publishes streamed quotes by the poller's own path: the quote guard, the routes, the store. */
  publish(quotes: FetchedQuote[]): Promise<void>;
  /** The feed's state changed (a fault, a recovery): the poller writes the sources' status again. */
  changed(): void;
  /** Publishes at most this many times a second, each pair's latest quote (`MAX_EVENTS_PER_SECOND`). */
  maxEventsPerSecond: number;
  /**
   * A socket with no message for this long is broken, though open; a pair with no quote for
   * this long is polled by REST again, ms.
   */
  stallMs: number;
  metrics: RelayMetrics;
  log: Logger;
  now: () => number;
}

/**
 * One streaming source as the poller drives it. The lease holder follows the pairs it
 * watches; a relay that does not lead follows none (one socket for the fleet). Quotes are
 * coalesced per pair and published at most `maxEventsPerSecond` times a second, so readers
 * get one event per publish, one encoded frame per symbol set, however fast the exchange
 * ticks. A pair the stream has not priced within `stallMs` is not `covered`: the poller asks
 * REST for it, so a dropped, failing or silent stream falls back within one poll interval,
 * and the stream is tried again after a backoff.
 */
export class StreamFeed {
  private state: FeedState = 'idle';
  /** The pairs followed now. */
  private following = new Set<string>();
  /** When the socket last said anything, or the feed (re)started, ms. */
  private lastMessageAt = 0;
  /** When each followed pair was last priced by the stream, ms. */
  private readonly pricedAt = new Map<string, number>();
  private failures = 0;
  private retryAt = 0;
  private error: string | undefined;
  /** Each pair's latest quote not yet published. */
  private readonly pending = new Map<string, FetchedQuote>();
  private flushTimer: NodeJS.Timeout | undefined;
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  private publishing = false;

  constructor(private readonly options: StreamFeedOptions) {
    options.stream.open({
      quote: (quote) => this.received(quote),
      fault: (reason) => this.broke(reason),
    });
  }

  /**
   * Follows `pairs` while `leading`, none otherwise; called on every poll and when the watch
   * list grows. A stream silent past its deadline is a fault here; a broken one is tried again
   * once its backoff has passed.
   */
  sync(leading: boolean, pairs: readonly string[]): void {
    const { now, stallMs } = this.options;
    if (!leading) {
      this.halt();
      return;
    }
    const t = now();
    if (this.state === 'streaming' && this.following.size > 0 && t - this.lastMessageAt > stallMs) {
      this.broke(`stalled: no message in ${Math.round((t - this.lastMessageAt) / 1_000)} s`);
    }
    if (this.state === 'fallback' && t < this.retryAt) return;
    if (this.state === 'fallback') this.options.metrics.streamReconnects.inc(this.label);
    const starting = this.state !== 'streaming' || this.following.size === 0;
    if (this.state !== 'streaming') {
      this.state = 'streaming';
      this.options.changed();
    }
    // A stream just (re)started has its whole deadline for a first message.
    if (starting && pairs.length > 0) this.lastMessageAt = t;
    this.following = new Set(pairs);
    for (const pair of this.pricedAt.keys())
      if (!this.following.has(pair)) this.pricedAt.delete(pair);
    this.options.stream.follow(pairs);
    this.gauge();
  }

  /** True when the stream priced `pair` within its deadline: the poller leaves it to the stream. */
  covers(pair: string): boolean {
    if (this.state !== 'streaming') return false;
    const at = this.pricedAt.get(pair);
    return at !== undefined && at > this.options.now() - this.options.stallMs;
  }

  /** What `/v1/sources` says of the transport: streaming, or polling while the stream reconnects. */
  status(): Pick<SourceStatus, 'transport' | 'streamError'> {
    if (this.state === 'streaming') return { transport: 'stream' };
    return {
      transport: 'poll',
      ...(this.state === 'fallback' && this.error !== undefined && { streamError: this.error }),
    };
  }

  /** Stops following (the lease lost, a pause, shutdown); the next `sync` while leading starts again. */
  halt(): void {
    if (this.state === 'idle') return;
    this.state = 'idle';
    this.following.clear();
    this.pricedAt.clear();
    this.gauge();
    void this.options.stream.stop();
  }

  /** Ends the feed for good: no timer left. */
  close(): void {
    this.halt();
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.pending.clear();
  }

  private get label() {
    return { source: this.options.sourceId };
  }

  private received(quote: FetchedQuote): void {
    // A late frame from a stream already stopped, or of a pair let go, is not news.
    if (this.state !== 'streaming' || !this.following.has(quote.symbol)) return;
    const t = this.options.now();
    this.lastMessageAt = t;
    this.options.metrics.streamMessages.inc(this.label);
    if (this.failures > 0 || this.error !== undefined) {
      // The socket works again: the next fault starts the backoff from its first step.
      this.failures = 0;
      this.error = undefined;
    }
    this.pricedAt.set(quote.symbol, t);
    this.pending.set(quote.symbol, quote);
    this.scheduleFlush();
  }

  private broke(reason: string): void {
    if (this.state !== 'streaming') return;
    const { now, log, metrics } = this.options;
    this.failures++;
    const waitMs = backoffMs(this.failures, STREAM_BACKOFF);
    this.retryAt = now() + waitMs;
    this.error = reason;
    this.state = 'fallback';
    this.following.clear();
    this.pricedAt.clear();
    metrics.streamFallback.set(this.label, 1);
    log.warn(
      { source: this.options.sourceId, reason, retryInMs: waitMs },
      'stream broke; polling by REST until it is back',
    );
    void this.options.stream.stop();
    this.options.changed();
  }

  /** Publishes now if the last publish is a full gap ago, else when it is; one publish at a time. */
  private scheduleFlush(): void {
    if (this.flushTimer || this.publishing) return;
    const gapMs = 1_000 / this.options.maxEventsPerSecond;
    const waitMs = Math.max(0, this.lastFlushAt + gapMs - this.options.now());
    // Even at 0 a timer: frames read together are published together.
    this.flushTimer = setTimeout(() => void this.flush(), waitMs);
  }

  private async flush(): Promise<void> {
    this.flushTimer = undefined;
    if (this.pending.size === 0) return;
    this.lastFlushAt = this.options.now();
    const quotes = [...this.pending.values()];
    this.pending.clear();
    this.publishing = true;
    try {
      await this.options.publish(quotes);
    } catch (error) {
      this.options.log.error(
        { err: error, source: this.options.sourceId },
        'streamed quotes not published',
      );
    } finally {
      this.publishing = false;
    }
    // What came while the store was writing waits for the next slot, never piles up behind it.
    if (this.pending.size > 0) this.scheduleFlush();
  }

  private gauge(): void {
    const { metrics } = this.options;
    metrics.streamFallback.set(this.label, this.state === 'fallback' ? 1 : 0);
  }
}
