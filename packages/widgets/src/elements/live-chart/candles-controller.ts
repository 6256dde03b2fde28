import {
  type BackoffPolicy,
  backoffMs,
  type CandlesAnswer,
  MAX_RETRY_AFTER_MS,
} from '@tickwire/protocol';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Feed } from '../../feed/feed.js';
import {
  CandleLoadError,
  type CandleProblem,
  type ChartRange,
  loadCandles,
} from './candle-history.js';

/**
 * The chart's retries (its candles, its own code): after up to 4 s, then 8, 16 … 5 min, each
 * wait's later half left to chance, so the charts of many pages that failed together do not
 * ask again in step.
 */
export const CHART_BACKOFF: BackoffPolicy = { firstMs: 4_000, maxMs: 5 * 60_000, jitter: 0.5 };

/** The candles of one symbol over the range shown, or why there are none. */
type CandleSlot = { answer: CandlesAnswer } | { error: CandleProblem };

/** A symbol whose candles could not be loaded, and why. */
export interface CandleFailure {
  symbol: string;
  problem: CandleProblem;
}

/** The candles a chart shows: from the page's feed of its relay, of its symbols, over its range. */
export interface CandlesRequest {
  feed: Feed | undefined;
  symbols: readonly string[];
  range: ChartRange;
  /** The stream's reconnects: a reconnect may have left a gap, so each one loads again. */
  reconnects: number;
}

/** One load of every symbol's candles: aborted when another starts. */
interface Round {
  signal: AbortSignal;
  /** Symbols not answered yet. */
  pending: number;
  /** How long this round waits before it is retried, ms; 0 while nothing failed. */
  retryMs: number;
}

/**
 * Loads a chart's candle history from the relay (`/v1/candles`): again when the relay, the
 * symbols or the range change and after every reconnect; the old load aborted when a new one
 * starts or the host leaves the page. A load that failed for now (a relay failing or busy) is
 * retried after the chart's backoff, or the relay's `Retry-After` if it says longer; a refusal
 * (a range no source has) is kept, not asked again. The host reads what has arrived.
 */
export class CandlesController implements ReactiveController {
  /** Candles per symbol of the chart shown, as they arrive. */
  private slots = new Map<string, CandleSlot>();
  #received = 0;
  private request: CandlesRequest | undefined;
  /** What is loaded (relay, symbols, range), and the load (its reconnects and retries). */
  private chartKey = '';
  private loadKey = '';
  private loading: AbortController | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Loads of this chart failed in a row: each retry waits longer. */
  private failures = 0;
  private retries = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.loading?.abort();
    clearTimeout(this.retryTimer);
    this.chartKey = '';
    this.loadKey = '';
  }

  /**
   * Asks for the candles of `request`: a load starts unless this one is loaded or loading.
   * Another chart starts empty; the same one reloading keeps its candles until new ones come.
   */
  load(request: CandlesRequest): void {
    this.request = request;
    const { feed, symbols, range, reconnects } = request;
    const chart = `${feed?.relayUrl}|${symbols.join()}|${range}`;
    const key = `${chart}|${reconnects}|${this.retries}`;
    if (key === this.loadKey) return;
    if (chart !== this.chartKey) {
      this.slots = new Map();
      this.failures = 0;
    }
    this.chartKey = chart;
    this.loadKey = key;
    this.loading?.abort();
    clearTimeout(this.retryTimer);
    if (!feed || range === 'live') return;
    const loading = new AbortController();
    this.loading = loading;
    const round: Round = { signal: loading.signal, pending: symbols.length, retryMs: 0 };
    for (const symbol of symbols) {
      loadCandles(feed, symbol, range, loading.signal).then(
        (answer) => this.settle(round, symbol, { answer }),
        (error: Error) => {
          if (round.signal.aborted) return;
          // A refusal (a range no source has) is shown for good; only a failure may pass.
          if (!(error instanceof CandleLoadError) || error.retryable) {
            this.retryLater(round, error instanceof CandleLoadError ? error.retryAfterMs : 0);
          }
          const problem: CandleProblem =
            error instanceof CandleLoadError ? error.problem : { reason: 'unavailable' };
          this.settle(round, symbol, { error: problem });
        },
      );
    }
  }

  /** Answers and failures received so far: a change redraws. */
  get received(): number {
    return this.#received;
  }

  /** One symbol's candles, once they have come. */
  answerOf(symbol: string): CandlesAnswer | undefined {
    const slot = this.slots.get(symbol);
    return slot && 'answer' in slot ? slot.answer : undefined;
  }

  /** The symbols whose candles could not be loaded, and why. */
  errors(): CandleFailure[] {
    return [...this.slots].flatMap(([symbol, slot]) =>
      'error' in slot ? [{ symbol, problem: slot.error }] : [],
    );
  }

  /** True while a symbol of a range of candles has neither its candles nor an error. */
  isLoading(): boolean {
    const { symbols = [], range = 'live' } = this.request ?? {};
    return range !== 'live' && symbols.some((symbol) => !this.slots.has(symbol));
  }

  private settle(round: Round, symbol: string, slot: CandleSlot): void {
    if (round.signal.aborted) return;
    this.slots.set(symbol, slot);
    this.#received++;
    // Every symbol has its candles, or a refusal: the next failure waits the shortest again.
    if (--round.pending === 0 && round.retryMs === 0) this.failures = 0;
    this.host.requestUpdate();
  }

  /** Loads again after the round's backoff, or after `retryAfterMs` if the relay asked longer. */
  private retryLater(round: Round, retryAfterMs = 0): void {
    if (round.retryMs === 0) round.retryMs = backoffMs(++this.failures, CHART_BACKOFF);
    round.retryMs = Math.max(round.retryMs, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retries++;
      this.host.requestUpdate();
    }, round.retryMs);
  }
}
