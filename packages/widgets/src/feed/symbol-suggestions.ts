import { parseInstrument, symbolOf } from '@tickwire/protocol';
import { editDistance } from '../internal/edit-distance.js';
import type { Feed } from './feed.js';
import type { FeedView } from './feed-view.js';
import { type Listing, listingOf } from './relay-listing.js';

/**
 * The listed symbol a reader most likely meant by `symbol`, which the relay does not list:
 * the asset closest in spelling among those listed in its currency (one edit for names of up
 * to four letters, two for longer), written as the reader wrote theirs (its currency kept,
 * its source left out: that is the element's). Undefined when none is close, or two are
 * equally close.
 */
export function closestListed(
  symbol: string,
  { currency: listed, symbols }: Pick<Listing, 'currency' | 'symbols'>,
): string | undefined {
  const { base, currency } = parseInstrument(symbol);
  const bases = new Set(
    symbols.flatMap((candidate) => {
      const instrument = parseInstrument(candidate);
      return (instrument.currency ?? listed) === (currency ?? listed) ? [instrument.base] : [];
    }),
  );
  const allowed = base.length <= 4 ? 1 : 2;
  let best: string[] = [];
  let bestDistance = allowed + 1;
  for (const candidate of bases) {
    const distance = editDistance(base, candidate);
    if (distance === 0 || distance > allowed || distance > bestDistance) continue;
    if (distance < bestDistance) best = [];
    bestDistance = distance;
    best.push(candidate);
  }
  return best.length === 1 ? symbolOf({ base: best[0]!, currency }) : undefined;
}

/**
 * Puts in the view, through `fold`, the listed symbol each unknown one most likely meant,
 * where one is close in spelling (`DOGEE` → `DOGE`), once the relay's listing is in; elements
 * say it in their reader's words.
 */
export async function suggest(
  feed: Feed,
  fold: (change: (view: FeedView) => FeedView) => void,
): Promise<void> {
  const listing = await listingOf(feed);
  fold((view) => {
    const suggestions = new Map<string, string>();
    for (const symbol of view.unknown) {
      const meant = closestListed(symbol, listing);
      if (meant) suggestions.set(symbol, meant);
    }
    return { ...view, suggestions };
  });
}
