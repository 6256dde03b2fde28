import { LitElement, type PropertyDeclarations } from 'lit';
import { FeedController } from '../feed/feed-controller.js';
import { defaultRelay } from './default-relay.js';
import type { ElementState } from './element-state.js';

/**
 * What every element shares: where its data comes from (`relay`), how it reads (`locale`,
 * `theme`), the state of that data (`state`), and the controller that connects it to the
 * page's shared feed.
 */
export class FeedElement extends LitElement {
  static override properties: PropertyDeclarations = {
    relay: { type: String },
    locale: { type: String },
    theme: { type: String, reflect: true },
    state: { type: String, reflect: true },
  };

  /**
   * Base URL of the relay. Defaults to the page's (`setRelay(url)`, or
   * `<meta name="tickwire-relay" content="…">`), else to where the script was served from.
   */
  declare relay: string | undefined;
  /** BCP 47 locale for numbers and times; defaults to the browser's. */
  declare locale: string | undefined;
  /** `auto` follows the system's light or dark preference. */
  declare theme: 'auto' | 'light' | 'dark';
  /** The state of the data shown; set by the element, read-only for the page. */
  declare state: ElementState;

  /** The link to the page's shared feed of this relay: its `view`, the `feed` itself, a `problem`. */
  protected readonly connection = new FeedController(this);

  constructor() {
    super();
    this.theme = 'auto';
    this.state = 'connecting';
  }

  /** The relay to read: the attribute, else the page's default; `''` when there is none. */
  protected get relayUrl(): string {
    return this.relay ?? defaultRelay();
  }
}
