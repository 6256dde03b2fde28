import { type BackoffPolicy, backoffMs, parseMessage, STREAM_EVENTS } from '@tickwire/protocol';
import type { Clock } from './clock.js';
import { BaseFeed } from './feed.js';

export interface RelayFeedOptions {
  /** How long the connection outlives its last watcher: an element moved in the DOM keeps it. */
  graceMs?: number;
  /** The EventSource class to use; tests pass a subclass that records its instances. */
  eventSource?: typeof EventSource;
  /** The page's clock when absent; tests pass a `FakeClock`. */
  clock?: Clock;
}

/**
 * A dropped or refused stream is opened again after 0.5–1 s, doubling to 15–30 s: half
 * jitter, so the pages a relay restart dropped do not all come back in the same second.
 */
const RECONNECT_BACKOFF: BackoffPolicy = { firstMs: 1_000, maxMs: 30_000, jitter: 0.5 };

/** How often an open stream's quotes are checked for arriving in time, ms. */
const EXPIRY_CHECK_MS = 1_000;

/**
 * The feed of a real relay: one EventSource for every symbol any element of the page
 * watches. It reconnects by itself with backoff and jitter, resuming after the last event
 * it saw, and closes a moment after the last element leaves.
 */
export class RelayFeed extends BaseFeed {
  /** The last event id seen, with the symbols it belongs to: resuming needs both. */
  private cursor: { symbols: string; id: string } | undefined;
  private readonly eventSource: typeof EventSource;

  constructor(relayUrl: string, options: RelayFeedOptions = {}) {
    super(relayUrl, options.clock);
    this.eventSource = options.eventSource ?? EventSource;
    this.graceMs = options.graceMs ?? 1_000;
  }

  /**
   * Follows the watched symbols while not paused. Paused closes the stream; resuming reopens
   * it from the last event id, so the relay replays what was missed (or sends a snapshot).
   */
  protected connect(): () => void {
    let paused: boolean | undefined;
    let close: (() => void) | undefined;
    const pauses = this.paused$.changes.subscribe((now) => {
      if (now === paused) return;
      paused = now;
      close?.();
      close = undefined;
      if (now) this.setConnection('paused');
      else close = this.follow();
    });
    return () => {
      pauses.unsubscribe();
      close?.();
      this.setConnection('connecting');
    };
  }

  /**
   * Keeps one stream open for every watched symbol. Elements of one page connect in the same
   * task: the stream opens once after it. A stream that already carries every wanted symbol
   * is kept; only new symbols reopen it. No symbols means the relay's default set:
   * `<stream-controls>` alone still shows the connection and the sources.
   */
  private follow(): () => void {
    let open: readonly string[] | undefined;
    let closeStream: (() => void) | undefined;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const changes = this.watched$.changes.subscribe(() => {
      clearTimeout(settle);
      // The next task, not a time: the page's own timer, whatever the clock.
      settle = setTimeout(() => {
        const wanted = this.watched$.value;
        if (open && wanted.every((symbol) => open!.includes(symbol))) return;
        open = wanted;
        closeStream?.();
        closeStream = this.stream(wanted);
      });
    });
    return () => {
      changes.unsubscribe();
      clearTimeout(settle);
      closeStream?.();
    };
  }

  /**
   * A stream of `symbols` that reconnects by itself, with backoff and jitter, resuming after
   * the last event id. A browser EventSource reconnects by itself after a dropped connection
   * but gives up for good on any non-200 answer (a proxy's 502 during a deploy): closing it
   * and reconnecting ourselves treats both alike.
   */
  private stream(symbols: readonly string[]): () => void {
    const list = symbols.join(',');
    let attempt = 0;
    let source: EventSource | undefined;
    let cancelRetry: (() => void) | undefined;
    // Quotes the open stream stops bringing turn stale, even if it never errors.
    const stopWatchdog = this.clock.every(EXPIRY_CHECK_MS, () => this.expireQuotes());
    const open = () => {
      const url = new URL('v1/stream', this.relayUrl);
      if (list) url.searchParams.set('symbols', list);
      const resuming = this.cursor?.symbols === list;
      if (resuming) url.searchParams.set('lastEventId', this.cursor!.id);
      const current = new this.eventSource(url.href);
      source = current;
      for (const type of STREAM_EVENTS) {
        current.addEventListener(type, (event) => {
          const message = parseMessage(type, (event as MessageEvent<string>).data);
          if (!message) return;
          const { lastEventId } = event as MessageEvent<string>;
          if (lastEventId) this.cursor = { symbols: list, id: lastEventId };
          // The stream works: the next failure starts the backoff afresh.
          attempt = 0;
          // In the EventSource's own listener: should folding ever throw, the browser
          // reports it and the stream goes on. A snapshot is shown at once (the first
          // price, in the frame it arrives); ticks wait for the next frame.
          if (message.type === 'snapshot') this.apply(message);
          else this.receive(message);
        });
      }
      let opened = false;
      current.addEventListener('open', () => {
        opened = true;
        // A resumed stream sends no snapshot: being open again is being live again.
        if (resuming) this.setConnection('live');
      });
      current.addEventListener('error', () => {
        current.close();
        this.setConnection('offline');
        // Refused before it opened: ask once why, so a URL that is no relay says so.
        if (!opened && attempt === 0) {
          void import('./relay-check.js').then(async ({ notARelay }) =>
            this.setProblem(await notARelay(url, this.relayUrl)),
          );
        }
        cancelRetry = this.clock.after(backoffMs(++attempt, RECONNECT_BACKOFF), open);
      });
    };
    open();
    return () => {
      stopWatchdog();
      cancelRetry?.();
      source?.close();
    };
  }
}
