import { type FeedView, mayShow } from '../feed/feed-view.js';

/** The state every element reflects as `state="..."` and shows to the reader. */
export type ElementState = 'connecting' | 'live' | 'stale' | 'offline' | 'paused' | 'error';

/**
 * The state of an element showing `symbols`: an error if it can show none of them (the relay
 * does not list them or refused them), otherwise the connection's state, and stale when a
 * shown price is older than its TTL. A refused symbol never brings a price: it is not waited for.
 */
export function elementState(
  view: FeedView,
  symbols: readonly string[],
  problem: string | undefined,
): ElementState {
  const shown = symbols.filter((symbol) => mayShow(view, symbol));
  if (problem !== undefined || shown.length === 0) return 'error';
  if (view.connection !== 'live') return view.connection;
  if (shown.some((symbol) => view.stale.has(symbol))) return 'stale';
  if (shown.some((symbol) => !view.quotes.has(symbol))) return 'connecting';
  return 'live';
}
