import { BehaviorSubject, merge, Observable } from 'rxjs';
import { applyMessage, type ConnectionState, EMPTY_VIEW, type FeedView } from './feed-view.js';
import type { StreamMessage } from './protocol.js';

/** Where elements get their data: one per relay URL per page, shared by all its elements. */
export interface Feed {
  /** The relay's base URL, ending in `/`. */
  readonly relayUrl: string;
  /**
   * Watches `symbols` (well-formed, upper case) while subscribed: emits the current view at
   * once and again on every change. The connection closes a short while after the last
   * watcher unsubscribes.
   */
  watch(symbols: readonly string[]): Observable<FeedView>;
}

/**
 * What every feed shares: the view, built by folding stream messages, and the count of
 * watchers per symbol. Subclasses supply the messages.
 */
export abstract class BaseFeed implements Feed {
  protected readonly view$ = new BehaviorSubject<FeedView>(EMPTY_VIEW);
  /** Every symbol some element watches, sorted. */
  protected readonly watched$ = new BehaviorSubject<readonly string[]>([]);
  /** Subscribed while anyone watches; delivers messages as a side effect. */
  protected abstract readonly connection$: Observable<never>;
  private readonly watchers = new Map<string, number>();

  constructor(readonly relayUrl: string) {}

  watch(symbols: readonly string[]): Observable<FeedView> {
    return new Observable<FeedView>((subscriber) => {
      this.countWatchers(symbols, +1);
      const subscription = merge(this.connection$, this.view$).subscribe(subscriber);
      return () => {
        subscription.unsubscribe();
        this.countWatchers(symbols, -1);
      };
    });
  }

  /** The current view, for inspection. */
  get view(): FeedView {
    return this.view$.value;
  }

  protected apply(message: StreamMessage): void {
    this.view$.next(applyMessage(this.view$.value, message, Date.now()));
  }

  protected setConnection(connection: ConnectionState): void {
    if (this.view$.value.connection !== connection)
      this.view$.next({ ...this.view$.value, connection });
  }

  private countWatchers(symbols: readonly string[], delta: number): void {
    for (const symbol of new Set(symbols)) {
      const count = (this.watchers.get(symbol) ?? 0) + delta;
      if (count > 0) this.watchers.set(symbol, count);
      else this.watchers.delete(symbol);
    }
    this.watched$.next([...this.watchers.keys()].sort());
  }
}
