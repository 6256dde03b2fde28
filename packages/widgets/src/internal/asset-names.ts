import { parseInstrument } from '@tickwire/protocol';
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { type Facts, readFacts } from '../feed/asset-facts.js';
import type { Feed } from '../feed/feed.js';
import { assetLogo, assetLogoStyles } from './asset-logo.js';
import { en } from './messages/en.js';
import { words } from './messages.js';

/** What `show` may ask for beside the symbol, which every element shows. */
export const SHOW_TOKENS = ['name', 'logo'] as const;
export type ShowToken = (typeof SHOW_TOKENS)[number];

const isShowToken = (token: string): token is ShowToken =>
  (SHOW_TOKENS as readonly string[]).includes(token);

/** `show="name,logo"` read: what it asks for, and what it asks for that is none of those. */
export function parseShow(text: string | null | undefined): {
  shown: Set<ShowToken>;
  unknown: string[];
} {
  const tokens = (text ?? '')
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter(Boolean);
  return {
    shown: new Set(tokens.filter(isShowToken)),
    unknown: tokens.filter((token) => !isShowToken(token)),
  };
}

/**
 * An asset's name and symbol as readers hear them and the card is named: `Bitcoin (BTC)`.
 * The brackets are punctuation every catalog's languages read as such.
 */
export const namedLabel = (name: string | undefined, label: string): string =>
  name ? `${name} (${label})` : label;

/**
 * The names, logos and spacing of `show`: adopted by an element when it first shows a name,
 * so a page of elements that show none carries none of it. Names give way (an ellipsis) before
 * the figures do; the logo's box has its size before the image loads.
 */
const namesStyles = css`
  .named {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    min-width: 0;
    max-width: 100%;
    vertical-align: bottom;
  }
  :is(.symbol, header > *):has(> .named) {
    min-width: 0;
    max-width: 100%;
  }
  header > :has(> .named) {
    flex: 1 1 0;
  }
  .named .name {
    min-width: 0;
    max-width: 14em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-weight: 600;
    letter-spacing: normal;
  }
  .named .ticker {
    flex: none;
  }
  .name + .ticker {
    color: var(--_muted);
  }
`;

/** The most assets one page's request for names keeps asking for once nobody reads them. */
const MAX_ASKED = 100;

/** One page's facts of names, per relay and currency: every element that shows names reads it. */
class NamesBook {
  private readonly readers = new Set<{ assets: readonly string[]; read: () => void }>();
  /** The assets of the request running: a reader leaving asks nothing anew. */
  private asked = new Set<string>();
  private stop: (() => void) | undefined;
  private flushing = false;
  facts: Facts | undefined;

  constructor(
    private readonly feed: Feed,
    private readonly currency: string,
  ) {}

  /** Reads the facts of `assets` for `read` (called on every answer); returns the leaving. */
  join(assets: readonly string[], read: () => void): () => void {
    const reader = { assets, read };
    this.readers.add(reader);
    if (assets.some((asset) => !this.asked.has(asset))) this.flushSoon();
    return () => {
      this.readers.delete(reader);
      if (this.readers.size > 0) return;
      this.stop?.();
      this.stop = undefined;
      this.asked = new Set();
    };
  }

  /**
   * Asks once for every asset of the elements that joined in the same task (a page's cards,
   * its tape and its chart upgrade together): one request for the page, not one per element.
   */
  private flushSoon(): void {
    if (this.flushing) return;
    this.flushing = true;
    setTimeout(() => {
      this.flushing = false;
      if (this.readers.size === 0) return;
      // Past the bound, only what the elements read now: a page that cycles through symbols
      // does not grow the request forever.
      const assets = new Set(this.asked.size < MAX_ASKED ? this.asked : []);
      for (const reader of this.readers) for (const asset of reader.assets) assets.add(asset);
      if (this.stop && assets.size === this.asked.size) return;
      this.asked = assets;
      const before = this.stop;
      this.stop = readFacts(
        this.feed,
        { assets: [...assets].sort(), currency: this.currency },
        (facts) => {
          this.facts = facts;
          for (const reader of this.readers) reader.read();
        },
      );
      before?.();
    }, 0);
  }
}

const books = new WeakMap<Feed, Map<string, NamesBook>>();

function bookOf(feed: Feed, currency: string): NamesBook {
  let byCurrency = books.get(feed);
  if (!byCurrency) {
    byCurrency = new Map();
    books.set(feed, byCurrency);
  }
  let book = byCurrency.get(currency);
  if (!book) {
    book = new NamesBook(feed, currency);
    byCurrency.set(currency, book);
  }
  return book;
}

/**
 * An element's names and logos (`show="name,logo"`): reads what `show` asks for, the names
 * and logos of its symbols from the relay's facts (the page's one request, shared), and draws
 * them beside each symbol. A relay without facts leaves the monogram and the symbol.
 */
export class AssetNames implements ReactiveController {
  /** What `show` asks for. */
  shown = new Set<ShowToken>();
  /** `show` asks for what cannot be shown, in the element's words. */
  problem: string | undefined;
  private book: NamesBook | undefined;
  private leave: (() => void) | undefined;
  private key = '';
  private styled = false;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** Follows `show` and the element's `symbols`: call from `willUpdate`. */
  follow(
    show: string | null | undefined,
    feed: Feed | undefined,
    symbols: readonly string[],
    currency: string,
  ): void {
    const { shown, unknown } = parseShow(show);
    this.shown = shown;
    this.problem =
      unknown.length > 0
        ? (words.of?.(this.host, en) ?? en).unknownShow(unknown.join(','))
        : undefined;
    const assets = [...new Set(symbols.map((symbol) => parseInstrument(symbol).base))];
    const key =
      feed && shown.size > 0 && assets.length > 0
        ? `${feed.relayUrl}|${currency}|${assets.join(',')}`
        : '';
    if (key === this.key) return;
    this.key = key;
    this.leave?.();
    this.leave = undefined;
    if (!feed || !key) return;
    this.book = bookOf(feed, currency);
    this.leave = this.book.join(assets, () => this.host.requestUpdate());
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.leave?.();
    this.leave = undefined;
    this.key = '';
  }

  /** The asset's name, when `show` asks for it and the relay has one. */
  nameOf(symbol: string): string | undefined {
    if (!this.shown.has('name')) return undefined;
    return this.book?.facts?.assets[parseInstrument(symbol).base]?.name || undefined;
  }

  /** What readers hear for the symbol: its name first when shown (`Bitcoin (BTC)`). */
  label(symbol: string, label: string): string {
    return namedLabel(this.nameOf(symbol), label);
  }

  /**
   * The symbol's `label` with its logo and name before it, as `show` asks; the label alone
   * when it asks for nothing. The name is text, whatever the relay sent.
   */
  mark(symbol: string, label: string) {
    if (this.shown.size === 0) return label;
    this.adoptStyles();
    const asset = parseInstrument(symbol).base;
    const name = this.nameOf(symbol);
    const known = this.book?.facts?.assets[asset];
    // Decoration beside the written name; the name itself, to readers, where none is written.
    const logo = this.shown.has('logo')
      ? assetLogo(asset, known?.logo || undefined, name ? '' : known?.name || '')
      : nothing;
    // Spaces between the pieces: a flex box draws none, readers hear separate words. The name's
    // own direction (dir="auto"): a Latin name on a right-to-left page loses its end to the
    // ellipsis, not its start.
    return html`<span class="named">${logo} ${name ? html`<span part="name" class="name" dir="auto" title=${name}>${name}</span>` : nothing} <span class="ticker">${label}</span></span>`;
  }

  /** Adds the names' styles to the element's own, the first time it shows one. */
  private adoptStyles(): void {
    const root = this.host.shadowRoot;
    const sheets = [assetLogoStyles.styleSheet, namesStyles.styleSheet];
    if (this.styled || !root || !sheets.every(Boolean)) return;
    this.styled = true;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...(sheets as CSSStyleSheet[])];
  }
}
