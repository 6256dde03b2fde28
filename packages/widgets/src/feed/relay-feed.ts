import { parseMessage, STREAM_EVENTS, type StreamMessage } from '@tickwire/protocol';
import {
  debounceTime,
  defer,
  distinctUntilChanged,
  finalize,
  NEVER,
  Observable,
  retry,
  share,
  switchMap,
  timer,
} from 'rxjs';
import { BaseFeed } from './feed.js';
import { reconnectDelayMs } from './reconnect-delay.js';

export interface RelayFeedOptions {
  /** How long the connection outlives its last watcher: an element moved in the DOM keeps it. */
  graceMs?: number;
  /** The EventSource class to use; tests pass a subclass that records its instances. */
  eventSource?: typeof EventSource;
}

/** How often an open stream's quotes are checked for arriving in time, ms. */
const EXPIRY_CHECK_MS = 1_000;

/**
 * The feed of a real relay: one EventSource for every symbol any element of the page
 * watches. It reconnects by itself with backoff and jitter, resuming after the last event
 * it saw, and closes a moment after the last element leaves.
 */
export class RelayFeed extends BaseFeed {
  protected readonly connection$: Observable<unknown>;
  /** The last event id seen, with the symbols it belongs to: resuming needs both. */
  private cursor: { symbols: string; id: string } | undefined;
  private readonly eventSource: typeof EventSource;

  constructor(relayUrl: string, options: RelayFeedOptions = {}) {
    super(relayUrl);
    this.eventSource = options.eventSource ?? EventSource;
    const live = this.watched$.pipe(
      // Elements of one page connect in the same task: one connection for all of them.
      debounceTime(0),
      // A connection that already carries every wanted symbol is kept; only new symbols reopen it.
      distinctUntilChanged((open, wanted) => wanted.every((symbol) => open.includes(symbol))),
      // No symbols yet means the relay's default set: `<stream-controls>` alone still shows the
      // connection and the sources. Elements that arrive with symbols replace it.
      switchMap((symbols) =>
        defer(() => this.open(symbols)).pipe(
          // Before `share`: a retry reopens the stream for the same watchers (RxJS `share` docs).
          retry({
            delay: (_error, attempt) => timer(reconnectDelayMs(attempt)),
            resetOnSuccess: true,
          }),
        ),
      ),
    );
    this.connection$ = this.paused$.pipe(
      distinctUntilChanged(),
      // Paused closes the stream; resuming reopens it from the last event id, so the relay
      // replays what was missed (or sends a fresh snapshot).
      switchMap((paused) => (paused ? defer(() => this.markPaused()) : live)),
      finalize(() => this.setConnection('connecting')),
      share({ resetOnRefCountZero: () => timer(options.graceMs ?? 1_000) }),
    );
  }

  private markPaused(): Observable<never> {
    this.setConnection('paused');
    return NEVER;
  }

  private open(symbols: readonly string[]): Observable<StreamMessage> {
    return new Observable<StreamMessage>((subscriber) => {
      const list = symbols.join(',');
      const url = new URL('v1/stream', this.relayUrl);
      if (list) url.searchParams.set('symbols', list);
      const resuming = this.cursor?.symbols === list;
      if (resuming) url.searchParams.set('lastEventId', this.cursor!.id);
      const source = new this.eventSource(url.href);

      for (const type of STREAM_EVENTS) {
        source.addEventListener(type, (event) => {
          const message = parseMessage(type, (event as MessageEvent<string>).data);
          if (!message) return;
          const { lastEventId } = event as MessageEvent<string>;
          if (lastEventId) this.cursor = { symbols: list, id: lastEventId };
          // Here, in the EventSource's own listener, not inside the RxJS chain: should folding
          // ever throw, the browser reports it and the stream goes on.
          this.receive(message);
          // Emitted only so that `retry` knows the stream works and resets its backoff.
          subscriber.next(message);
        });
      }
      source.addEventListener('open', () => {
        // A resumed stream sends no snapshot: being open again is being live again.
        if (resuming) this.setConnection('live');
      });
      source.addEventListener('error', () => {
        // A browser EventSource reconnects by itself after a dropped connection but gives up
        // for good on any non-200 answer (a proxy's 502 during a deploy: readyState CLOSED).
        // Closing it and reconnecting ourselves treats both alike: backoff with jitter, then
        // resume from the last event id.
        source.close();
        this.setConnection('offline');
        subscriber.error(new Error('stream interrupted'));
      });
      // Quotes the open stream stops bringing turn stale, even if it never errors.
      const watchdog = setInterval(() => this.expireQuotes(), EXPIRY_CHECK_MS);
      return () => {
        clearInterval(watchdog);
        source.close();
      };
    });
  }
}
