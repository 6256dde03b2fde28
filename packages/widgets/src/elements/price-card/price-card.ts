import type { Quote } from '@tickwire/protocol';
import { html, nothing, type PropertyValues } from 'lit';
import { isSimulated, isSourceDown } from '../../feed/feed-view.js';
import { elementState } from '../../internal/element-state.js';
import { FeedElement } from '../../internal/feed-element.js';
import {
  ARROWS,
  direction,
  formatChange,
  formatPercent,
  formatPrice,
  formatTime,
} from '../../internal/format.js';
import type { CardMessages } from '../../internal/messages.js';
import { sharedStyles } from '../../internal/shared.styles.js';
import { assetNames } from '../../internal/show-names.js';
import { simulatedLabel, stateBadge } from '../../internal/state-badge.js';
import { isolated, symbolLabel } from '../../internal/symbols.js';
import { priceCardStyles } from './price-card.styles.js';

/** Where the sparkline goes while there is none yet: the card keeps its height. */
const SPARKLINE_SPACE = html`<div class="sparkline" aria-hidden="true"></div>`;

/**
 * The live price of one asset: price, 24 h change with direction, time and source of the
 * last update, and the state of its data.
 *
 * @tag price-card
 * @summary A live price card: `<price-card symbol="BTC">`.
 *
 * @csspart card - The card's box.
 * @csspart header - The row with the symbol and the state.
 * @csspart symbol - The asset's symbol, with its logo and name when `show` asks for them.
 * @csspart name - The asset's name (`show="name"`).
 * @csspart logo - The asset's logo, served by the relay (`show="logo"`).
 * @csspart state - The state of the data, in words.
 * @csspart price - The latest price.
 * @csspart change - The 24 h change, absolute and in percent.
 * @csspart meta - Time and source of the last update.
 * @csspart source - The source's name.
 * @csspart simulated - The label on simulated (demo) prices.
 * @csspart message - Why there is no price (an unknown symbol, a bad attribute).
 * @csspart sparkline - The line of the last 24 h, and its span; absent when the relay has none for the symbol.
 *
 * @cssproperty [--tickwire-bg=#ffffff] - Background (dark theme: #161b22).
 * @cssproperty [--tickwire-fg=#111827] - Text colour.
 * @cssproperty [--tickwire-muted=#556070] - Secondary text.
 * @cssproperty [--tickwire-border=#d9dde3] - Borders.
 * @cssproperty [--tickwire-up=#0a7d38] - Rising prices, healthy sources.
 * @cssproperty [--tickwire-down=#c22a2a] - Falling prices, errors.
 * @cssproperty [--tickwire-warn=#8a5a00] - Stale data, notable moves, the simulated label.
 * @cssproperty [--tickwire-accent=#1d5fd6] - Focus rings and the paused state.
 * @cssproperty [--tickwire-radius=0.75rem] - Corner radius.
 * @cssproperty [--tickwire-space=0.75rem] - Inner spacing.
 * @cssproperty [--tickwire-font=system-ui] - Font family.
 * @cssproperty [--tickwire-font-size=1rem] - Base font size.
 */
export class PriceCard extends FeedElement {
  static override styles = [sharedStyles, priceCardStyles];

  static override properties = {
    symbol: { type: String, reflect: true },
    announceEvery: { type: Number, attribute: 'announce-every' },
    show: { type: String },
  };

  /** The asset, such as `BTC`; case-insensitive. */
  declare symbol: string;
  /** Seconds between price announcements to screen readers; 0 = never. */
  declare announceEvery: number;
  /**
   * What to show beside the symbol, comma-separated: `name`, `logo`, or `name,logo`; the
   * relay's facts (`/v1/assets`), asked once per page. Empty (the default): the symbol alone.
   */
  declare show: string;

  /** The well-formed symbol shown, from the attribute. */
  private shown = '';
  /** Why no price can be shown, in words for the reader. */
  private problem: string | undefined;
  /** The price last drawn, to flash the next change. */
  private drawnPrice: number | undefined;

  constructor() {
    super();
    this.symbol = '';
    this.announceEvery = 60;
    this.show = '';
  }

  /** The asset's name and logo, once `show` asks for them and their code is in. */
  private get names() {
    return assetNames(this, this.show);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const { symbols, malformed } = this.symbolsOf(this.symbol);
    this.shown = symbols[0] ?? '';
    const watched = this.shown ? [this.shown] : [];
    this.connection.watch(this.relayUrl, watched);
    const { names } = this;
    names?.follow(this.show, this.connection.feed, watched, this.impliedCurrency);
    this.problem =
      this.describeProblem(this.shown, malformed) ?? this.relayProblem ?? names?.problem;
    this.state = elementState(this.connection.view, watched, this.problem);
    this.speak(changed.has('symbol') || changed.has('announceEvery'));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.speak(false);
  }

  /**
   * Tells the page's announcer what this card says (its price now, when it speaks), and the
   * stream's state; a new symbol is heard anew. `announce-every="0"` keeps the card silent.
   */
  private speak(anew: boolean): void {
    const feed = this.isConnected ? this.connection.feed : undefined;
    const everyMs = this.announceEvery * 1000;
    // The announcer's code loads beside the first price of a card that speaks.
    if (!announcerModule && !(feed && everyMs > 0)) return;
    announcerModule ??= import('../../internal/page-announcer.js');
    const { view } = this.connection;
    void announcerModule.then(({ cardSpeaks, describePrice }) =>
      cardSpeaks(this, feed, everyMs, view.connection, anew, () => {
        const quote = this.connection.view.quotes.get(this.shown);
        return (
          quote &&
          describePrice(
            this.label(quote.symbol),
            formatPrice(quote.price, quote.currency, this.locale),
            quote.changePct24h,
            this.locale,
            this,
          )
        );
      }),
    );
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const price = this.connection.view.quotes.get(this.shown)?.price;
    if (price === undefined || price === this.drawnPrice) return;
    const previous = this.drawnPrice;
    this.drawnPrice = price;
    if (previous !== undefined)
      void import('./price-flash.js').then(({ flash }) => flash(this.renderRoot, price > previous));
  }

  protected override render() {
    const symbol = this.shown;
    const label = symbol && symbolLabel(symbol, this.impliedCurrency);
    const { words, names } = this;
    return html`<article part="card" class="card panel surface" aria-label=${words.cardLabel(symbol && this.label(symbol))}>
      <header part="header">
        <span part="symbol" class="symbol">${(symbol && names?.mark(symbol, label)) || label || '—'}</span>
        ${stateBadge(this.state, words)}
      </header>
      ${
        this.problem
          ? html`<p part="message" class="message">${this.problem}</p>`
          : this.renderQuote(this.connection.view.quotes.get(symbol), words)
      }
    </article>`;
  }

  private renderQuote(quote: Quote | undefined, words: CardMessages) {
    if (!quote) {
      // The live card's shape, empty: its first price moves nothing on the page.
      return html`<div part="price" class="price" aria-hidden="true">—</div>
        <div part="change" class="change flat" aria-hidden="true">&nbsp;</div>
        ${SPARKLINE_SPACE}
        <p part="meta" class="meta">${words.waitingForPrice}</p>`;
    }
    const { locale } = this;
    const trend = direction(quote.change24h);
    const simulated = isSimulated(this.connection.view, quote.source);
    const currency = quote.currency;
    const line = this.connection.view.sparklines.get(quote.symbol);
    // The line's code loads with the first line to draw, off the card path: price first.
    if (line && !drawLine) {
      lineModule ??= import('../../internal/sparkline.js').then((module) => {
        drawLine = module.sparkline;
      });
      void lineModule.then(() => this.requestUpdate());
    }
    // Each figure in a <bdi>: on a right-to-left page "−1.52%" stays "−1.52%", not "1.52%−".
    return html`<div part="price" class="price"><bdi>${formatPrice(quote.price, currency, locale)}</bdi></div>
      ${
        quote.change24h === null
          ? html`<div part="change" class="change flat">${words.noChange24h(quote.source)}</div>`
          : html`<div part="change" class="change ${trend}">
              <span aria-hidden="true">${ARROWS[trend]}</span>
              <span class="visually-hidden">${words[trend]}</span>
              <bdi>${formatChange(quote.change24h, quote.price, locale, currency)}</bdi> (<bdi>${formatPercent(quote.changePct24h, locale)}</bdi>)
              <span class="period">${words.period24h}</span>
            </div>`
      }
      ${(line && drawLine?.(line, quote.price, words)) || SPARKLINE_SPACE}
      <p part="meta" class="meta">
        <time datetime=${new Date(quote.ts).toISOString()}><bdi>${formatTime(quote.ts, locale)}</bdi></time>
        <span aria-hidden="true">·</span>
        <span part="source" title=${quote.market ? words.market(quote.market) : nothing}>${this.sourceText(quote.source)}</span>
        ${simulated ? simulatedLabel(words) : nothing}
      </p>`;
  }

  /** The symbol as readers hear it: with its name when `show` shows that. */
  private label(symbol: string): string {
    const label = symbolLabel(symbol, this.impliedCurrency);
    return this.names?.label(symbol, label) ?? label;
  }

  private describeProblem(symbol: string, malformed: string[]): string | undefined {
    const { words } = this;
    if (malformed.length > 0) return words.notASymbol(isolated(malformed[0]!));
    if (!symbol) return words.noSymbol;
    const { view } = this.connection;
    const unknown = view.unknown.has(symbol);
    if (!view.refused.has(symbol) && !(unknown && view.suggestions.has(symbol)))
      return unknown ? words.notListed(symbolLabel(symbol, undefined)) : undefined;
    // Why the relay refused it, or what it was likely meant to be: said by code (and its
    // English words) loaded only then; meanwhile an unknown symbol is said unlisted.
    if (!problems) {
      this.loadProblems();
      return unknown ? words.notListed(symbolLabel(symbol, undefined)) : undefined;
    }
    return problems.cardProblem(this, symbol, view);
  }

  /** The price's source, and that it is down when it is (words loaded only then). */
  private sourceText(source: string): string {
    const { view } = this.connection;
    if (!isSourceDown(view, source)) return source;
    if (!problems) {
      this.loadProblems();
      return source;
    }
    return problems.cardSourceLine(this, view, source);
  }

  private loadProblems(): void {
    problemModule ??= import('../../internal/symbol-problems.js').then((module) => {
      problems = module;
    });
    void problemModule.then(() => this.requestUpdate());
  }
}

/** The 24 h line's drawing code, once a card has a line to draw. */
let lineModule: Promise<void> | undefined;
let drawLine: typeof import('../../internal/sparkline.js').sparkline | undefined;

/** What a card says of a refused or misspelt symbol, or a source down, once it has one to say. */
let problemModule: Promise<void> | undefined;
let problems: typeof import('../../internal/symbol-problems.js') | undefined;

/** The page announcer's code, once a card has asked for it. */
let announcerModule: Promise<typeof import('../../internal/page-announcer.js')> | undefined;

declare global {
  interface HTMLElementTagNameMap {
    'price-card': PriceCard;
  }
}
