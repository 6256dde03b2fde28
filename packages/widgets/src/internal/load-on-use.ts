import { defineElement } from './define-element.js';

/** Loads an element's module and returns its class. */
export type ElementLoader = () => Promise<CustomElementConstructor>;

/**
 * Defines each tag the first time it appears in the document, loading its code only then:
 * a page of price cards never downloads the chart, the ticker or the controls. Elements
 * already on the page, or added later, upgrade as soon as their code arrives.
 */
export function loadOnUse(loaders: Record<string, ElementLoader>): void {
  const pending = new Map(Object.entries(loaders).filter(([tag]) => !customElements.get(tag)));
  const scan = () => {
    for (const [tag, load] of pending) {
      if (!document.querySelector(tag)) continue;
      pending.delete(tag);
      void load().then((elementClass) => defineElement(tag, elementClass));
    }
    if (pending.size === 0) observer.disconnect();
  };
  const observer = new MutationObserver(scan);
  observer.observe(document, { childList: true, subtree: true });
  scan();
}
