import type { BaseFeed } from './feed.js';
import { feedFor, registerFeed } from './feed-registry.js';
import type { FeedView } from './feed-view.js';
import { ScriptedFeed } from './scripted-feed.js';

let count = 0;

/** A scripted relay of its own, registered for elements to find by URL: no state leaks between tests or stories. */
export function scriptedRelay(name = 'market'): { feed: ScriptedFeed; relay: string } {
  const relay = `scripted://${name}-${++count}/`;
  const feed = new ScriptedFeed(relay);
  registerFeed(feed);
  return { feed, relay };
}

/** The visible text of a shadow part, whitespace folded, without the invisible marks that isolate names in a sentence. */
export function partText(element: Element, part: string): string {
  return visible(element.shadowRoot?.querySelector(`[part~="${part}"]`)?.textContent ?? '');
}

/**
 * Text as a reader sees it: whitespace folded, the invisible marks that keep a name whole
 * (word joiners, U+2060) and isolate it (U+2066–U+2069) dropped.
 */
export const visible = (text: string): string =>
  text
    .replace(/[\u2060\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** How many streams a real relay has open, from its own metrics. */
export async function openStreams(relay: string): Promise<number> {
  const metrics = await (await fetch(new URL('metrics', relay))).text();
  return Number(metrics.match(/^tickwire_sse_clients (\d+)/m)?.[1]);
}

/** What the page's feed for `relay` knows now. */
export function viewOf(relay: string): FeedView {
  return (feedFor(relay) as BaseFeed).view;
}
