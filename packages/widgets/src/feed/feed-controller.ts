import type { Quote } from '@tickwire/protocol';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Subscription } from 'rxjs';
import { followRelay } from '../internal/default-relay.js';
import type { Feed } from './feed.js';
import { feedFor } from './feed-registry.js';
import { EMPTY_VIEW, type FeedView, type RelayProblem } from './feed-view.js';

/** Which elements are on screen: one observer for the page, a callback per element. */
const onScreen = new WeakMap<Element, (visible: boolean) => void>();
/**
 * Made when the first element connects, never at import: the module imports in Node and
 * under server rendering, where there is no `IntersectionObserver`.
 */
let screen: IntersectionObserver | undefined;
const theScreen = () =>
  (screen ??= new IntersectionObserver((entries) => {
    for (const entry of entries) onScreen.get(entry.target)?.(entry.isIntersecting);
  }));

/**
 * Connects an element to its relay's shared feed while the element is on the page (Lit's
 * controller pattern: symmetric `hostConnected`/`hostDisconnected`). The element never
 * touches the connection; it reads `view` and re-renders when it changes.
 */
export class FeedController implements ReactiveController {
  /** What the feed knows now. */
  view: FeedView = EMPTY_VIEW;
  /** Why nothing can be watched here (no relay, a relay URL that is not one), if so. */
  private setupProblem: RelayProblem | undefined;
  /** Unset until the host calls `watch`. */
  private relay: string | undefined;
  private symbols: readonly string[] = [];
  /** The feed watched, once a relay is set: for controls that pause or throttle it. */
  feed: Feed | undefined;
  private subscription: Subscription | undefined;
  private connected = false;
  private unfollowRelay: (() => void) | undefined;
  /** Off screen, a host renders only when its state may change; the rest waits until it is seen. */
  private visible = true;
  private missed = false;
  /** The quotes last told to the page (`tickwire-quotes`), by symbol. */
  private told = new Map<string, Quote>();

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /**
   * Why nothing can be shown, if so: no relay, a relay URL that is not one, or a URL that
   * answers but not as a relay (a CDN folder).
   */
  get problem(): RelayProblem | undefined {
    return this.setupProblem ?? this.view.problem;
  }

  /**
   * Sets what to watch: call it from `willUpdate`. It resubscribes only when the relay or
   * the symbols changed.
   */
  watch(relay: string, symbols: readonly string[]): void {
    if (relay === this.relay && symbols.join(',') === this.symbols.join(',')) return;
    this.relay = relay;
    this.symbols = symbols;
    if (this.connected) this.subscribe();
  }

  hostConnected(): void {
    this.connected = true;
    // The host reads the page's relay in its update: a new one reaches it through an update.
    this.unfollowRelay = followRelay(() => this.host.requestUpdate());
    onScreen.set(this.host, (visible) => {
      this.visible = visible;
      if (visible && this.missed) this.host.requestUpdate();
      this.missed = false;
    });
    theScreen().observe(this.host);
    this.subscribe();
  }

  /** Tells the page of the host's symbols whose quotes changed since it last did. */
  hostUpdated(): void {
    const changed: Record<string, Quote> = {};
    let any = false;
    for (const symbol of this.symbols) {
      const quote = this.view.quotes.get(symbol);
      if (!quote || this.told.get(symbol) === quote) continue;
      this.told.set(symbol, quote);
      changed[symbol] = quote;
      any = true;
    }
    if (any) {
      this.host.dispatchEvent(
        new CustomEvent('tickwire-quotes', {
          detail: { quotes: changed },
          bubbles: true,
          composed: true,
        }),
      );
    }
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unfollowRelay?.();
    screen?.unobserve(this.host);
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }

  private subscribe(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.setupProblem = undefined;
    this.feed = undefined;
    if (this.relay === undefined) return;
    if (this.relay === '') {
      this.setupProblem = { message: 'noRelay' };
      return;
    }
    // "prices.example.com" would be read as a path on this page's own site, forever 404.
    if (/^[\w-]+(\.[\w-]+)+(:\d+)?(\/|$)/.test(this.relay)) {
      this.setupProblem = { message: 'noScheme', relay: this.relay };
      return;
    }
    let feed: Feed;
    try {
      feed = feedFor(this.relay);
    } catch {
      this.setupProblem = { message: 'notARelayUrl', relay: this.relay };
      return;
    }
    this.feed = feed;
    // The first view arrives synchronously, inside the host's update: assigning it is
    // enough there; later views ask for an update of their own.
    let synchronous = true;
    let shape = '';
    this.subscription = feed.watch(this.symbols).subscribe((view) => {
      this.view = view;
      // What decides an element's state (and its `state` attribute) is never held back.
      const now = `${view.connection}${view.snapshots}/${view.quotes.size}/${view.stale.size}/${view.unknown.size}/${view.source}/${view.problem}`;
      if (synchronous) shape = now;
      else if (
        this.visible ||
        now !== shape ||
        (this.host.constructor as { everyUpdate?: boolean }).everyUpdate
      ) {
        shape = now;
        this.host.requestUpdate();
      } else this.missed = true;
    });
    synchronous = false;
  }
}
