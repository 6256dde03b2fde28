import { feedFor } from '../feed/feed-registry.js';
import { EMPTY_VIEW } from '../feed/feed-view.js';
import { defaultRelay } from './default-relay.js';
import { defineElement } from './define-element.js';
import { elementSymbols } from './symbols.js';

/** Loads an element's module and returns its class. */
export type ElementLoader = () => Promise<CustomElementConstructor>;

/**
 * Defines each tag the first time it appears in the document, loading its code only then:
 * a page of price cards never downloads the chart, the ticker or the controls. Elements
 * already on the page, or added later, upgrade as soon as their code arrives.
 *
 * While their code loads, their symbols are watched already: the page's first stream carries
 * every symbol on it, instead of opening for the cards and reopening when the chart arrives.
 */
export function loadOnUse(loaders: Record<string, ElementLoader>): void {
  const pending = new Map(Object.entries(loaders).filter(([tag]) => !customElements.get(tag)));
  const scan = () => {
    for (const [tag, load] of pending) {
      const waiting = document.querySelectorAll(tag);
      if (waiting.length === 0) continue;
      pending.delete(tag);
      const held = [...waiting].map(watchEarly);
      void load()
        .then((elementClass) => defineElement(tag, elementClass))
        .finally(() => {
          for (const release of held) release?.();
        });
    }
    if (pending.size === 0) observer.disconnect();
  };
  const observer = new MutationObserver(scan);
  observer.observe(document, { childList: true, subtree: true });
  scan();
}

/** Watches what `element` will watch, until it does; returns the release. */
function watchEarly(element: Element): (() => void) | undefined {
  const relay = element.getAttribute('relay') ?? defaultRelay();
  if (!relay) return undefined;
  try {
    const feed = feedFor(relay);
    const converter = element.localName === 'price-converter';
    const named = converter
      ? converterPair(element, EMPTY_VIEW.currency)
      : (element.getAttribute('symbols') ?? element.getAttribute('symbol'));
    const { symbols } = elementSymbols(named, {
      // A converter's currency is its `to`, in the pair already.
      currency: converter ? null : element.getAttribute('currency'),
      source: element.getAttribute('source') ?? feed.source,
    });
    if (symbols.length === 0) return undefined;
    const watching = feed.watch(symbols).subscribe();
    return () => watching.unsubscribe();
  } catch {
    // No relay, or not a URL: the element says so itself once defined.
    return undefined;
  }
}

/**
 * The pair a converter tries first (price-converter.ts): `from` in `to`, leaving out the
 * relay's default currency as the converter does — USD until the relay's snapshot says.
 */
function converterPair(element: Element, defaultCurrency: string): string {
  const from = element.getAttribute('from') ?? 'BTC';
  const to = (element.getAttribute('to') ?? element.getAttribute('currency'))?.trim().toUpperCase();
  return to && to !== defaultCurrency ? `${from}/${to}` : from;
}
