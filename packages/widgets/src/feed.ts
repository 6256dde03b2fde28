/**
 * The headless feed (`@tickwire/widgets/feed.js`): the page's live prices without an element,
 * on the same one stream per relay the elements share. For a price in a page title, a
 * framework's own component, a trading bot's browser tab:
 *
 * ```ts
 * import { watchQuotes } from '@tickwire/widgets/feed.js';
 * const subscription = watchQuotes('BTC,ETH').subscribe(({ quotes, state }) => {
 *   document.title = `${quotes.BTC?.price ?? '…'} · ${state}`;
 * });
 * ```
 *
 * The relay-served `widgets.js` exports the same functions, for pages without a build step.
 */
import type { Quote } from '@tickwire/protocol';
import { Observable } from 'rxjs';
import { feedFor } from './feed/feed-registry.js';
import { defaultRelay, NO_RELAY } from './internal/default-relay.js';
import { type ElementState, elementState } from './internal/element-state.js';
import { elementSymbols } from './internal/symbols.js';

export { setRelay } from './config.js';
export { pauseQuotes, resumeQuotes } from './feed/pause-quotes.js';
export type { ElementState } from './internal/element-state.js';

/** What `watchQuotes` emits: on subscribing, then whenever the symbols' data changes. */
export interface QuotesUpdate {
  /** The latest quote of each watched symbol the relay has priced, keyed as asked. */
  quotes: Readonly<Record<string, Quote>>;
  /** The state of these prices, as an element showing them would say it. */
  state: ElementState;
  /** Watched symbols whose price is older than the relay's TTL. */
  stale: readonly string[];
  /** Well-formed symbols the relay does not list. */
  unknown: readonly string[];
  /**
   * Watched symbols the relay will not serve, with why in English, for a developer's log (an
   * element says it in its reader's words from the code: `Refusal` in `@tickwire/protocol`).
   */
  refused: Readonly<Record<string, string>>;
}

/** Options of `watchQuotes`. */
export interface WatchOptions {
  /** Base URL of the relay; default the page's (`setRelay`, the meta tag, or the script's folder). */
  relay?: string;
}

/**
 * The live quotes of `symbols` (`'BTC,ETH/EUR'` or `['BTC', 'ETH/EUR']`) as an Observable
 * (RxJS's, interoperable through `Symbol.observable`): emits at once and on every change, at
 * most once an animation frame. The stream opens with the first subscriber and closes a
 * moment after the last. Errors never end it: a relay URL that is not one, or no relay at
 * all, is an update with state `error` (and the reason in `refused['*']`).
 */
export function watchQuotes(
  symbols: string | readonly string[],
  options: WatchOptions = {},
): Observable<QuotesUpdate> {
  return new Observable<QuotesUpdate>((subscriber) => {
    const relay = options.relay ?? defaultRelay();
    const { symbols: wanted, malformed } = elementSymbols(
      typeof symbols === 'string' ? symbols : symbols.join(','),
    );
    const failed = (why: string): QuotesUpdate => ({
      quotes: {},
      state: 'error',
      stale: [],
      unknown: malformed,
      refused: { '*': why },
    });
    if (!relay) {
      subscriber.next(failed(NO_RELAY || 'No relay set.'));
      return;
    }
    try {
      return feedFor(relay)
        .watch(wanted)
        .subscribe((view) => {
          const quotes: Record<string, Quote> = {};
          for (const symbol of wanted) {
            const quote = view.quotes.get(symbol);
            if (quote) quotes[symbol] = quote;
          }
          subscriber.next({
            quotes,
            state: elementState(view, wanted, undefined),
            stale: wanted.filter((symbol) => view.stale.has(symbol)),
            unknown: [...malformed, ...wanted.filter((symbol) => view.unknown.has(symbol))],
            refused: Object.fromEntries(
              wanted.flatMap((symbol) => {
                const refusal = view.refused.get(symbol);
                return refusal ? [[symbol, refusal.message || refusal.code]] : [];
              }),
            ),
          });
        });
    } catch {
      subscriber.next(failed(`"${relay}" is not a relay URL.`));
      return;
    }
  });
}
