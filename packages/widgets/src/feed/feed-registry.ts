import { pageState } from '../internal/page-state.js';
import type { Feed } from './feed.js';
import { RelayFeed } from './relay-feed.js';

/** Shared by every copy of the bundle on the page: one stream per relay, whoever asks. */
const { feeds } = pageState;

/** A relay URL in one spelling: absolute, with a path that ends in `/`. Throws if it is not a URL. */
function normalizeRelayUrl(relay: string): string {
  const url = new URL(relay, document.baseURI);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url.href;
}

/** The page's one feed for `relay`, created on first use. */
export function feedFor(relay: string): Feed {
  const url = normalizeRelayUrl(relay);
  let feed = feeds.get(url);
  if (!feed) {
    feed = new RelayFeed(url);
    feeds.set(url, feed);
  }
  return feed;
}

/** Makes `feed` the one elements get for its URL: a scripted market in tests and Storybook. */
export function registerFeed(feed: Feed): void {
  feeds.set(normalizeRelayUrl(feed.relayUrl), feed);
}
