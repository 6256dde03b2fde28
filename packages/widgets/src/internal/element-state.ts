import type { FeedView } from '../feed/feed-view.js';

/** The state every element reflects as `state="..."` and shows to the reader. */
export type ElementState = 'connecting' | 'live' | 'stale' | 'offline' | 'paused' | 'error';

/**
 * The state of an element showing `symbols`: an error if it can show none of them,
 * otherwise the connection's state, and stale when a shown price is older than its TTL.
 */
export function elementState(
  view: FeedView,
  symbols: readonly string[],
  problem: string | undefined,
): ElementState {
  if (problem !== undefined || symbols.length === 0) return 'error';
  if (symbols.every((symbol) => view.unknown.has(symbol))) return 'error';
  if (view.connection !== 'live') return view.connection;
  const shown = symbols.filter((symbol) => !view.unknown.has(symbol));
  if (shown.some((symbol) => view.stale.has(symbol))) return 'stale';
  if (shown.some((symbol) => !view.quotes.has(symbol))) return 'connecting';
  return 'live';
}
