import { html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { isSimulated, mayShow } from '../../feed/feed-view.js';
import { defineElement } from '../../internal/define-element.js';
import { elementState } from '../../internal/element-state.js';
import { FeedElement } from '../../internal/feed-element.js';
import { ARROWS, direction, formatPercent, formatPrice } from '../../internal/format.js';
import { en } from '../../internal/messages/en.js';
import { type Messages, words } from '../../internal/messages.js';
import { sharedStyles } from '../../internal/shared.styles.js';
import { assetNames } from '../../internal/show-names.js';
import { simulatedLabel, stateBadge } from '../../internal/state-badge.js';
import { symbolProblems } from '../../internal/symbol-problems.js';
import { symbolLabel } from '../../internal/symbols.js';
import { PriceCard } from '../price-card/price-card.js';
import { priceTickerStyles } from './price-ticker.styles.js';

/**
 * Several prices at once: a responsive grid of price cards, or with `layout="tape"` a
 * scrolling ticker tape that stops under the pointer, on focus and for readers who prefer
 * reduced motion.
 *
 * @tag price-ticker
 * @summary A ticker: `<price-ticker symbols="BTC,ETH,SOL">`.
 *
 * @csspart grid - The grid of cards.
 * @csspart card - Each `<price-card>` of the grid (style its own parts with `::part()` on it).
 * @csspart tape - The ticker tape's window.
 * @csspart item - One symbol on the tape.
 * @csspart state - The state of the data, in words.
 * @csspart name - Each asset's name (`show="name"`).
 * @csspart logo - Each asset's logo, served by the relay (`show="logo"`).
 * @csspart message - Symbols that cannot be shown.
 *
 * @cssproperty [--tickwire-card-min-width=12rem] - Narrowest a card of the grid gets.
 * @cssproperty [--tickwire-tape-duration=40s] - Time for the tape to scroll through once.
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
export class PriceTicker extends FeedElement {
  static override styles = [sharedStyles, priceTickerStyles];

  static override properties = {
    symbols: { type: String, reflect: true },
    layout: { type: String, reflect: true },
    show: { type: String },
  };

  /** Comma-separated assets, such as `BTC,ETH,SOL`. */
  declare symbols: string;
  /** `grid` of cards, or a scrolling `tape`. */
  declare layout: 'grid' | 'tape';
  /**
   * What to show beside each symbol, comma-separated: `name`, `logo`, or `name,logo`; the
   * relay's facts (`/v1/assets`), asked once per page. Empty (the default): symbols alone. The grid's cards show the same.
   */
  declare show: string;

  private shown: string[] = [];
  private problem: string | undefined;

  constructor() {
    super();
    this.symbols = '';
    this.layout = 'grid';
    this.show = '';
  }

  /** Every word of this element, in its language (English in the core, the rest beside it). */
  protected override get words(): Messages {
    return words.of?.(this, en) ?? en;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const { symbols, malformed } = this.symbolsOf(this.symbols);
    this.connection.watch(this.relayUrl, symbols);
    const { view } = this.connection;
    this.shown = symbols;
    // In the grid each card says for itself that its symbol is unknown; the tape says it here.
    const unknown = this.layout === 'tape' ? view.unknown : new Set<string>();
    this.problem =
      this.relayProblem ??
      symbolProblems(this, symbols, malformed, { ...view, unknown }, this.words);
    // The grid's cards read names for themselves; the tape reads them here.
    const names = this.layout === 'tape' ? assetNames(this, this.show) : undefined;
    names?.follow(this.show, this.connection.feed, symbols, this.impliedCurrency);
    this.problem ??= names?.problem;
    this.state = elementState(view, symbols, this.relayProblem ?? names?.problem);
  }

  protected override render() {
    if (this.layout === 'tape') return this.renderTape();
    return html`<div part="grid" class="grid surface" role="group" aria-label=${this.words.gridLabel}>
        ${repeat(
          this.shown,
          (symbol) => symbol,
          (symbol) =>
            html`<price-card
              part="card"
              symbol=${symbol}
              currency=${this.currency ?? nothing}
              relay=${this.relayUrl}
              locale=${this.locale ?? nothing}
              theme=${this.theme}
              show=${this.show || nothing}
            ></price-card>`,
        )}
      </div>
      ${this.problem ? html`<p part="message" class="message surface">${this.problem}</p>` : nothing}`;
  }

  private renderTape() {
    // A symbol the relay does not list or refused has no price to show: the message names it.
    const { view } = this.connection;
    const visible = this.shown.filter((symbol) => mayShow(view, symbol));
    const names = assetNames(this, this.show);
    const items = repeat(
      visible,
      (symbol) => symbol,
      (symbol) => {
        const quote = view.quotes.get(symbol);
        const trend = direction(quote?.changePct24h ?? null);
        return html`<li part="item" class="item">
          <span class="symbol">${names?.mark(symbol, symbolLabel(symbol, this.impliedCurrency)) ?? symbolLabel(symbol, this.impliedCurrency)}</span>
          <span><bdi>${quote ? formatPrice(quote.price, quote.currency, this.locale) : '—'}</bdi></span>
          <span class=${trend}><span aria-hidden="true">${ARROWS[trend]}</span> <bdi>${formatPercent(quote?.changePct24h ?? null, this.locale)}</bdi></span>
        </li>`;
      },
    );
    const simulated = visible.some((symbol) => {
      const source = view.quotes.get(symbol)?.source;
      return source !== undefined && isSimulated(view, source);
    });
    // The state and the simulated label sit at the tape's start, outside the moving part. The
    // track is drawn twice so the loop has no gap; readers and the reduced-motion view get it once.
    const { words } = this;
    return html`<div part="tape" class="tape surface" role="group" aria-label=${words.tapeLabel}>
        <span class="tape-status">
          ${stateBadge(this.state, words)}
          ${simulated ? simulatedLabel(words) : nothing}
        </span>
        <div class="window" tabindex="0">
          <ul class="track">${items}</ul>
          <ul class="track" aria-hidden="true">${items}</ul>
        </div>
      </div>
      ${
        // In the kit's type, as the tape above it: it sits outside the tape's box.
        this.problem
          ? html`<p part="message" class="message surface tape-message">${this.problem}</p>`
          : nothing
      }`;
  }
}

// The grid is made of cards: whoever uses a ticker gets the card defined too.
defineElement('price-card', PriceCard);

declare global {
  interface HTMLElementTagNameMap {
    'price-ticker': PriceTicker;
  }
}
