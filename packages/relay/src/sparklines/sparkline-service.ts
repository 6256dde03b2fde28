import {
  type CandlesAnswer,
  HOUR_MS,
  type Sparkline,
  type SparklineRange,
} from '@tickwire/protocol';
import type { Logger } from 'pino';
import type { CandleService } from '../candles/candle-service.js';
import { candleLine, sameLine } from './candle-line.js';

/**
 * A line whose candles cannot be read just now (every source in a backoff) is kept while its
 * newest point is younger than this: then it is dropped rather than shown as today's.
 */
const KEPT_WHILE_FAILING_MS = HOUR_MS;

/** Lines that changed: a new one, or `null` where a symbol has none any more. */
export type SparklineChanges = Record<string, Sparkline | null>;

export interface SparklineServiceOptions {
  /** The 24 h and 7-day candles, cached and shared by every relay on one store: the lines cost no call of their own. */
  candles: Pick<CandleService, 'get'>;
  /**
   * How often each watched symbol's line is read again, ms: the 24 h candles' cache time
   * (five minutes), so a refresh costs at most one upstream call per symbol for the fleet.
   */
  refreshMs: number;
  log: Logger;
  now?: () => number;
}

/**
 * The 24 h line of every symbol a stream watches (protocol README, "Sparklines"), drawn from
 * the candle service's 24 h candles, never from the relay's ticks. A symbol's line is read
 * when a stream first watches it and every `refreshMs` after; listeners hear of a line that
 * changed where a client sees it (a half hour closed, a source lost its candles). Bounded by
 * construction: a line lives exactly as long as some stream watches its symbol.
 */
export class SparklineService {
  /** Streams watching each symbol. */
  private readonly watchers = new Map<string, number>();
  private readonly lines = new Map<string, Sparkline>();
  private readonly listeners = new Set<(changes: SparklineChanges) => void>();
  private readonly timer: NodeJS.Timeout;
  private refreshing: Promise<void> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: SparklineServiceOptions) {
    this.now = options.now ?? Date.now;
    this.timer = setInterval(() => void this.refresh(), options.refreshMs);
    this.timer.unref();
  }

  /** Keeps the lines of `symbols` until the returned function is called; new ones are read at once. */
  watch(symbols: readonly string[]): () => void {
    const added: string[] = [];
    for (const symbol of symbols) {
      const count = this.watchers.get(symbol) ?? 0;
      this.watchers.set(symbol, count + 1);
      if (count === 0) added.push(symbol);
    }
    if (added.length > 0) void this.read(added);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const symbol of symbols) {
        const count = (this.watchers.get(symbol) ?? 1) - 1;
        if (count > 0) this.watchers.set(symbol, count);
        else {
          this.watchers.delete(symbol);
          this.lines.delete(symbol);
        }
      }
    };
  }

  /** The lines there are of `symbols`. */
  linesOf(symbols: Iterable<string>): Record<string, Sparkline> {
    const out: Record<string, Sparkline> = {};
    for (const symbol of symbols) {
      const line = this.lines.get(symbol);
      if (line) out[symbol] = line;
    }
    return out;
  }

  /** Calls `listener` with the lines that changed; returns the unsubscribe function. */
  subscribe(listener: (changes: SparklineChanges) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads every watched symbol's line again; one refresh at a time. */
  refresh(): Promise<void> {
    this.refreshing ??= this.read([...this.watchers.keys()]).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  stop(): void {
    clearInterval(this.timer);
    this.listeners.clear();
  }

  /** One symbol after another: a thousand symbols do not become a thousand upstream calls at once. */
  private async read(symbols: readonly string[]): Promise<void> {
    const changes: SparklineChanges = {};
    for (const symbol of symbols) {
      const read = await this.lineOf(symbol);
      // Forgotten while it was read: it stays forgotten.
      if (!this.watchers.has(symbol)) continue;
      const held = this.lines.get(symbol);
      const line = read ?? (held && this.isRecent(held) ? held : undefined);
      if (line) this.lines.set(symbol, line);
      else this.lines.delete(symbol);
      if (!sameLine(held, line)) changes[symbol] = line ?? null;
    }
    if (Object.keys(changes).length === 0) return;
    for (const listener of this.listeners) listener(changes);
  }

  private isRecent(line: Sparkline): boolean {
    return this.now() - line.points.at(-1)![0] < KEPT_WHILE_FAILING_MS;
  }

  /**
   * The 7-day line of `symbol` from its 7-day candles (hourly, cached an hour: one upstream
   * call per symbol an hour for the fleet), for an asset's facts where no source has a line of
   * its own; `undefined` where the candles do not cover the week.
   */
  weekLine(symbol: string): Promise<Sparkline | undefined> {
    return this.candleLineOf(symbol, '7d');
  }

  private lineOf(symbol: string): Promise<Sparkline | undefined> {
    return this.candleLineOf(symbol, '24h');
  }

  private async candleLineOf(
    symbol: string,
    range: SparklineRange,
  ): Promise<Sparkline | undefined> {
    try {
      const cached = await this.options.candles.get(symbol, range);
      if (!cached) return undefined;
      const answer = JSON.parse(cached.body) as CandlesAnswer;
      return candleLine(answer.candles, range, this.now());
    } catch (error) {
      this.options.log.warn({ symbol, range, err: error }, 'no line');
      return undefined;
    }
  }
}
