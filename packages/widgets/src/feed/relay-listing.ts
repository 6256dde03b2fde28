import { isSymbol, type SymbolsAnswer } from '@tickwire/protocol';
import type { ReactiveControllerHost } from 'lit';
import type { Feed } from './feed.js';

/** What a relay lists (`GET /v1/symbols`): its default currency, every currency, every pair. */
export type Listing = Pick<SymbolsAnswer, 'currency' | 'currencies' | 'symbols'>;

/** A feed that lists its symbols itself (a scripted market) instead of its relay's `/v1/symbols`. */
interface ListingFeed extends Feed {
  symbols(): Promise<SymbolsAnswer>;
}

const listsItself = (feed: Feed): feed is ListingFeed =>
  typeof (feed as Partial<ListingFeed>).symbols === 'function';

/** Each relay's listing, asked once per page: one entry per feed, which is one per relay. */
const listings = new WeakMap<Feed, Promise<Listing>>();

/**
 * Every symbol and currency the feed's relay lists (`GET /v1/symbols`, protocol README), asked
 * once per page whoever asks (symbol suggestions, the converter's pickers and routes); empty
 * when it cannot be read: a listing is a courtesy, its absence no error.
 */
export function listingOf(feed: Feed): Promise<Listing> {
  let listing = listings.get(feed);
  if (!listing) {
    listing = (
      listsItself(feed)
        ? feed.symbols()
        : fetch(new URL('v1/symbols', feed.relayUrl)).then((response) => response.json())
    ).then(
      (answer: Partial<SymbolsAnswer> | undefined) => ({
        currency: typeof answer?.currency === 'string' ? answer.currency : '',
        currencies: Array.isArray(answer?.currencies)
          ? answer.currencies.filter((code) => typeof code === 'string')
          : [],
        symbols: Array.isArray(answer?.symbols) ? answer.symbols.filter(isSymbol) : [],
      }),
      () => ({ currency: '', currencies: [], symbols: [] }),
    );
    listings.set(feed, listing);
  }
  return listing;
}

/**
 * An element's view of its feed's listing: `ask(feed)` reads it once per feed and updates the
 * element when it arrives; `value` is the last one read (undefined until then).
 */
export class FeedListing {
  value: Listing | undefined;
  private feed: Feed | undefined;

  constructor(private readonly host: ReactiveControllerHost) {}

  ask(feed: Feed | undefined): void {
    if (!feed || feed === this.feed) return;
    this.feed = feed;
    void listingOf(feed).then((listing) => {
      if (this.feed !== feed) return;
      this.value = listing;
      this.host.requestUpdate();
    });
  }
}
