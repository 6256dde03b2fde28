import type { Quote } from '@tickwire/protocol';
import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { FeedController } from '../feed/feed-controller.js';
import { feedFor } from '../feed/feed-registry.js';
import { defaultRelay } from './default-relay.js';
import type { ElementState } from './element-state.js';
import { type CardMessages, enCard, words } from './messages.js';
import { elementSymbols } from './symbols.js';

/**
 * What every element shares: where its data comes from (`relay`), how it reads (`locale`,
 * `theme`), the state of that data (`state`), and the controller that connects it to the
 * page's shared feed.
 *
 * @fires tickwire-state-change - The state of the element's data changed (the stream's doing, or a reader's); `detail.state` is the new one.
 * @fires tickwire-quotes - New prices of the element's symbols arrived; `detail.quotes` holds each changed quote by symbol.
 */
export class FeedElement extends LitElement {
  static override properties: PropertyDeclarations = {
    relay: { type: String },
    currency: { type: String },
    source: { type: String },
    locale: { type: String },
    theme: { type: String, reflect: true },
    state: { type: String, reflect: true },
  };

  /**
   * Base URL of the relay. Defaults to the page's (`setRelay(url)`, or
   * `<meta name="tickwire-relay" content="…">`), else to where the script was served from.
   */
  declare relay: string | undefined;
  /**
   * Quote currency of every symbol that names none (`EUR`: `BTC` is shown in euros); unset =
   * the relay's default. One of the relay's `CURRENCIES`.
   */
  declare currency: string | undefined;
  /**
   * The one source to show prices from (`binance`, `kraken`: an id of the relay's `SOURCES`),
   * for every symbol that names none: no failover; if it is down, the prices turn stale.
   * Unset = the page's choice in `<stream-controls>`, else the relay's own order.
   */
  declare source: string | undefined;
  /**
   * BCP 47 locale for words, numbers and times. Words default to the page's nearest `lang`,
   * numbers and times to the browser's locale.
   */
  declare locale: string | undefined;
  /**
   * `auto` is light or dark as the page is (its declared `color-scheme`, else the colour
   * behind the element); `transparent` too, with no background of its own: the page shows
   * through. `light` and `dark` are fixed.
   */
  declare theme: 'auto' | 'light' | 'dark' | 'transparent';
  /** The state of the data shown; set by the element, read-only for the page. */
  get state(): ElementState {
    return this.#state;
  }
  protected set state(state: ElementState) {
    this.#state = state;
  }
  // Unset until the constructor's first write, so Lit sees that write as a change and reflects it.
  #state!: ElementState;

  /** The link to the page's shared feed of this relay: its `view`, the `feed` itself, a `problem`. */
  protected readonly connection = new FeedController(this);

  constructor() {
    super();
    this.theme = 'auto';
    this.state = 'connecting';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.followPage();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.followPage();
  }

  /**
   * Called when the colours the element is drawn in change (`theme` auto or transparent on a
   * page that turned dark): a canvas redraws with them.
   */
  schemeChanged(): void {}

  /**
   * Light or dark as the page is (`auto`, `transparent`), in the page's language (else
   * English): the code loads with the first element, a language's words with the first
   * element that reads it.
   */
  private followPage(): void {
    void import('./page-follow.js').then((page) => page.follow(this));
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('theme') || changed.has('locale')) this.followPage();
    const before = changed.get('state');
    if (changed.has('state') && before !== undefined) {
      this.dispatchEvent(
        new CustomEvent('tickwire-state-change', {
          detail: { state: this.state },
          bubbles: true,
          composed: true,
        }),
      );
    }
  }

  /** The words this element reads in (its `locale`, else the page's `lang`), English until they load. */
  protected get words(): CardMessages {
    return words.of?.(this, enCard) ?? enCard;
  }

  /** Why the relay cannot be read (none set, a URL that is none), with the fix, in this element's words. */
  protected get relayProblem(): string | undefined {
    const { problem } = this.connection;
    if (!problem) return undefined;
    const { relay = '', status = 0 } = problem as { relay?: string; status?: number };
    const say = this.words[problem.message];
    return typeof say === 'string' ? say : say(relay, status);
  }

  /** The relay to read: the attribute, else the page's default; `''` when there is none. */
  protected get relayUrl(): string {
    return this.relay ?? defaultRelay();
  }

  /** The symbols of an attribute with this element's currency and source (else the page's). */
  protected symbolsOf(attribute: string | null | undefined) {
    return elementSymbols(attribute, {
      currency: this.currency,
      source: this.source ?? pageSource(this.relayUrl),
    });
  }

  /** The currency a symbol without one is in, here: what its label may leave out. */
  protected get impliedCurrency(): string {
    return this.currency?.trim().toUpperCase() || this.connection.view.currency;
  }
}

/** The source the page chose for `relay`'s elements; none for a relay URL that is not one. */
function pageSource(relay: string): string | undefined {
  try {
    return relay ? feedFor(relay).source : undefined;
  } catch {
    return undefined;
  }
}

declare global {
  /** Every element's events, typed for `addEventListener` anywhere they bubble to. */
  interface GlobalEventHandlersEventMap {
    'tickwire-state-change': CustomEvent<{ state: ElementState }>;
    'tickwire-quotes': CustomEvent<{ quotes: Record<string, Quote> }>;
  }
}
