import type { Feed } from '../feed/feed.js';
import type { CardMessages } from './messages.js';

/**
 * What the page shares, whichever copy of the bundle wrote it. A page may run two copies of
 * the same modules: `widgets.js?v=2` beside the `./widgets.js` its lazy elements import, the
 * relay's `widgets.js` beside a CDN's, the classic script beside the module. Each copy has
 * module variables of its own, so page-wide state lives on one global symbol instead, where
 * every copy finds it: one feed (one stream) per relay, one `setRelay`, one choice of words.
 */
interface PageState {
  /** The page's feed for each relay URL (`feed-registry.ts`). */
  readonly feeds: Map<string, Feed>;
  /** What `setRelay` set (`default-relay.ts`). */
  relay: string | undefined;
  /** Connected elements, told when `relay` changes. */
  readonly relayFollowers: Set<() => void>;
  /** How an element finds its words (`messages.ts`). */
  readonly words: { of?: <T extends CardMessages>(host: HTMLElement, english: T) => T };
}

/**
 * The shape's version is in the name: a copy whose state (or `Feed`) looks otherwise keeps its
 * own. Raise it when either changes.
 */
const KEY = Symbol.for('tickwire.page.1');

const scope = globalThis as { [KEY]?: PageState };

scope[KEY] ??= { feeds: new Map(), relay: undefined, relayFollowers: new Set(), words: {} };

export const pageState: PageState = scope[KEY];
