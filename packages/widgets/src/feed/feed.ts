import type { StreamMessage } from '@tickwire/protocol';
import { Observable } from 'rxjs';
import { type Clock, pageClock } from './clock.js';
import {
  applyMessage,
  type ConnectionState,
  EMPTY_VIEW,
  expireQuotes,
  type FeedView,
  type RelayProblem,
} from './feed-view.js';
import { Latest } from './latest.js';

/** Where elements get their data: one per relay URL per page, shared by all its elements. */
export interface Feed {
  /** The relay's base URL, ending in `/`. */
  readonly relayUrl: string;
  /**
   * Watches `symbols` (well-formed, upper case) while subscribed: emits the current view at
   * once and again on every change, at most once per animation frame and per `throttleMs`.
   * The connection closes a short while after the last watcher unsubscribes.
   */
  watch(symbols: readonly string[]): Observable<FeedView>;
  /** Stops the stream for every element of this relay until `resume()`; they show `paused`. */
  pause(): void;
  resume(): void;
  readonly paused: boolean;
  /** Shows updates at most this often, ms (0 = once a frame). The relay's poll rate is its operator's. */
  setThrottle(ms: number): void;
  readonly throttleMs: number;
  /**
   * Takes the prices of every element that pins no source of its own from `source` (an id
   * the relay lists), or from the relay's own order when undefined. Watchers hear of it
   * through the view (`source`) and watch their symbols anew.
   */
  chooseSource(source: string | undefined): void;
  readonly source: string | undefined;
}

/**
 * What every feed shares: the view, built by folding stream messages, the count of watchers
 * per symbol, pause and throttle, and one connection held while anyone watches. Subclasses
 * supply the connection. What elements subscribe to is an RxJS `Observable`, and so is each
 * piece of state (`Latest`); the connection's life is a counter and two timers, which cost the
 * card path nothing of RxJS's operators.
 */
export abstract class BaseFeed implements Feed {
  protected readonly view$ = new Latest<FeedView>(EMPTY_VIEW);
  /** Every symbol some element watches, sorted. */
  protected readonly watched$ = new Latest<readonly string[]>([]);
  protected readonly paused$ = new Latest(false);
  /** How long the connection outlives its last watcher, ms: an element moved in the DOM keeps it. */
  protected graceMs = 0;
  private readonly watchers = new Map<string, number>();
  /** Watchers of any symbol; the connection is open while there are some (and a grace after). */
  private holders = 0;
  private disconnect: (() => void) | undefined;
  private graceTimer: ReturnType<typeof setTimeout> | undefined;
  /** Messages folded since the view was last shown, not yet shown. */
  private pending: FeedView | undefined;
  private showScheduled = false;
  /** When the view was last shown, ms. */
  private shownAt = Number.NEGATIVE_INFINITY;
  private throttle = 0;

  constructor(
    readonly relayUrl: string,
    /** What times quotes' arrival and expiry, and the throttle. */
    protected readonly clock: Clock = pageClock,
  ) {}

  /** Opens the connection that delivers messages (through `receive`); returns what closes it. */
  protected abstract connect(): () => void;

  watch(symbols: readonly string[]): Observable<FeedView> {
    return new Observable<FeedView>((subscriber) => {
      this.countWatchers(symbols, +1);
      this.hold();
      const subscription = this.view$.changes.subscribe(subscriber);
      return () => {
        subscription.unsubscribe();
        this.release();
        this.countWatchers(symbols, -1);
      };
    });
  }

  private hold(): void {
    clearTimeout(this.graceTimer);
    this.holders++;
    this.disconnect ??= this.connect();
  }

  private release(): void {
    if (--this.holders > 0) return;
    this.graceTimer = setTimeout(() => {
      this.disconnect?.();
      this.disconnect = undefined;
    }, this.graceMs);
  }

  /** The current view, for inspection. */
  get view(): FeedView {
    return this.view$.value;
  }

  get paused(): boolean {
    return this.paused$.value;
  }

  pause(): void {
    this.paused$.next(true);
  }

  resume(): void {
    this.paused$.next(false);
  }

  get throttleMs(): number {
    return this.throttle;
  }

  get source(): string | undefined {
    return this.view$.value.source;
  }

  chooseSource(source: string | undefined): void {
    if (source === this.source) return;
    this.flush();
    this.view$.next({ ...this.view$.value, source });
  }

  setThrottle(ms: number): void {
    this.throttle = Math.max(0, ms);
  }

  /** Folds `message` into the view and shows it at once, unless a throttle holds it. */
  protected apply(message: StreamMessage): void {
    this.receive(message);
    if (this.throttle === 0) this.flush();
  }

  /**
   * Folds `message` into the view, shown at the next animation frame — or, under a
   * throttle, at the first frame a throttle period after the last showing: however many
   * events arrive, elements render once, with the latest values. A hidden tab has no
   * frames, so its elements render nothing until it is shown, and then the latest view.
   */
  protected receive(message: StreamMessage): void {
    this.fold((view) => applyMessage(view, message, this.clock.now()));
    // What an unknown symbol may have meant (`DOGEE`: `DOGE`) is looked up by code and a
    // listing loaded only then: a page whose symbols are all listed never asks.
    if (message.type === 'snapshot' && message.data.unknown.length > 0) {
      void import('./symbol-suggestions.js').then(({ suggest }) =>
        suggest(this, (change) => this.fold(change)),
      );
    }
  }

  /** Marks stale the prices not heard of in time; a live connection calls it every second. */
  protected expireQuotes(): void {
    this.fold((view) => expireQuotes(view, this.clock.now()));
  }

  /** Changes the view, shown at the next animation frame; an unchanged view shows nothing. */
  private fold(change: (view: FeedView) => FeedView): void {
    const base = this.pending ?? this.view$.value;
    const next = change(base);
    if (next === base) return;
    this.pending = next;
    if (this.showScheduled) return;
    this.showScheduled = true;
    const show = () => {
      this.showScheduled = false;
      this.flush();
    };
    const waitMs = this.shownAt + this.throttle - this.clock.now();
    if (waitMs > 0) setTimeout(() => requestAnimationFrame(show), waitMs);
    else requestAnimationFrame(show);
  }

  /** Says why the relay cannot be read at all (or, `undefined`, that it can), at once. */
  protected setProblem(problem: RelayProblem | undefined): void {
    this.flush();
    if (this.view$.value.problem !== problem) this.view$.next({ ...this.view$.value, problem });
  }

  protected setConnection(connection: ConnectionState): void {
    this.flush();
    if (this.view$.value.connection !== connection)
      this.view$.next({ ...this.view$.value, connection });
  }

  /** Shows the messages received since the last frame, now. */
  private flush(): void {
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return;
    this.shownAt = this.clock.now();
    this.view$.next(pending);
  }

  private countWatchers(symbols: readonly string[], delta: number): void {
    if (symbols.length === 0) return;
    for (const symbol of new Set(symbols)) {
      const count = (this.watchers.get(symbol) ?? 0) + delta;
      if (count > 0) this.watchers.set(symbol, count);
      else this.watchers.delete(symbol);
    }
    this.watched$.next([...this.watchers.keys()].sort());
  }
}
