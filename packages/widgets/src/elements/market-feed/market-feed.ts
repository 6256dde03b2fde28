import { html, nothing, type PropertyValues } from 'lit';
import { isSimulated } from '../../feed/feed-view.js';
import { elementState } from '../../internal/element-state.js';
import { FeedElement } from '../../internal/feed-element.js';
import {
  ARROWS,
  direction,
  formatPercent,
  formatPrice,
  formatTime,
} from '../../internal/format.js';
import { en } from '../../internal/messages/en.js';
import { type Messages, words } from '../../internal/messages.js';
import { panelHeaderStyles } from '../../internal/panel-header.styles.js';
import { sharedStyles } from '../../internal/shared.styles.js';
import { assetNames } from '../../internal/show-names.js';
import { simulatedLabel, stateBadge } from '../../internal/state-badge.js';
import { symbolProblems } from '../../internal/symbol-problems.js';
import { symbolLabel } from '../../internal/symbols.js';
import { marketFeedStyles } from './market-feed.styles.js';

/** One price update as the activity feed lists it. */
interface Entry {
  key: string;
  symbol: string;
  price: number;
  currency: string;
  source: string;
  /** Move since the symbol's previous update, percent. */
  movePct: number;
  ts: number;
}

/**
 * The live activity of a market, newest first: every price update with its symbol, price,
 * direction and time. Moves of at least `threshold` percent since the symbol's previous
 * update are highlighted, in words as well as colour.
 *
 * @tag market-feed
 * @summary An activity feed: `<market-feed symbols="BTC,ETH" limit="20">`.
 *
 * @csspart box - The feed's box.
 * @csspart list - The list of updates.
 * @csspart entry - One update.
 * @csspart notable - An update whose move reached the threshold.
 * @csspart state - The state of the data, in words.
 * @csspart name - Each asset's name (`show="name"`).
 * @csspart logo - Each asset's logo, served by the relay (`show="logo"`).
 * @csspart message - Symbols that cannot be shown.
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
export class MarketFeed extends FeedElement {
  static override styles = [sharedStyles, panelHeaderStyles, marketFeedStyles];
  /** Every update is an entry: the feed renders them even off screen. */
  static everyUpdate = true;

  static override properties = {
    symbols: { type: String, reflect: true },
    limit: { type: Number },
    threshold: { type: Number },
    show: { type: String },
  };

  /** Comma-separated assets, such as `BTC,ETH`. */
  declare symbols: string;
  /** Updates kept, newest first. */
  declare limit: number;
  /** Percent move since the previous update that counts as notable. */
  declare threshold: number;
  /**
   * What to show beside each symbol, comma-separated: `name`, `logo`, or `name,logo`; the
   * relay's facts (`/v1/assets`), asked once per page. Empty (the default): symbols alone.
   */
  declare show: string;

  private entries: Entry[] = [];
  /** Per symbol, the last price and time seen. */
  private readonly seen = new Map<string, { price: number; ts: number }>();
  private problem: string | undefined;

  constructor() {
    super();
    this.symbols = '';
    this.limit = 20;
    this.threshold = 0.5;
    this.show = '';
  }

  /** Every word of this element, in its language (English in the core, the rest beside it). */
  protected override get words(): Messages {
    return words.of?.(this, en) ?? en;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const { symbols, malformed } = this.symbolsOf(this.symbols);
    if (changed.has('symbols')) {
      this.entries = [];
      this.seen.clear();
    }
    this.connection.watch(this.relayUrl, symbols);
    const { view } = this.connection;
    const names = assetNames(this, this.show);
    names?.follow(this.show, this.connection.feed, symbols, this.impliedCurrency);
    this.problem =
      this.relayProblem ??
      symbolProblems(this, symbols, malformed, view, this.words) ??
      names?.problem;
    this.state = elementState(view, symbols, this.relayProblem ?? names?.problem);
    this.collect(symbols);
  }

  protected override render() {
    const limit = Math.max(1, this.limit || 20);
    const { view } = this.connection;
    const simulated = this.entries.some((entry) => isSimulated(view, entry.source));
    const { words } = this;
    return html`<section part="box" class="box panel surface" aria-label=${words.marketActivity}>
      <header>
        <h2>${words.marketActivity}</h2>
        <span class="header-end">
          ${simulated ? simulatedLabel(words) : nothing}
          ${stateBadge(this.state, words)}
        </span>
      </header>
      ${
        this.problem
          ? html`<p part="message" class="message">${this.problem}</p>`
          : this.entries.length === 0
            ? html`<p class="empty">${words.waitingForMoves}</p>`
            : nothing
      }
      ${
        this.entries.length === 0
          ? nothing
          : html`<ol part="list">
              ${this.entries.slice(0, limit).map((entry) => this.renderEntry(entry, words))}
            </ol>`
      }
    </section>`;
  }

  private renderEntry(entry: Entry, words: Messages) {
    // Direction as shown: a move that rounds to 0.00 % is no move.
    const trend = direction(Number(entry.movePct.toFixed(2)));
    const notable = Math.abs(entry.movePct) >= this.threshold;
    const label = symbolLabel(entry.symbol, this.impliedCurrency);
    return html`<li part=${notable ? 'entry notable' : 'entry'} class=${notable ? 'notable' : ''}>
      <span class="symbol">${assetNames(this, this.show)?.mark(entry.symbol, label) ?? label}</span>
      <span class="price"><bdi>${formatPrice(entry.price, entry.currency, this.locale)}</bdi></span>
      <span class="move ${trend}">
        <span aria-hidden="true">${ARROWS[trend]}</span>
        <span class="visually-hidden">${words[trend]}</span>
        <bdi>${formatPercent(entry.movePct, this.locale)}</bdi>${notable ? html`<span class="visually-hidden">, ${words.notableMove}</span>` : nothing}
      </span>
      <time datetime=${new Date(entry.ts).toISOString()}><bdi>${formatTime(entry.ts, this.locale)}</bdi></time>
    </li>`;
  }

  /** Turns quotes newer than the last seen into entries; a symbol's first quote only sets its baseline. */
  private collect(symbols: readonly string[]): void {
    const fresh: Entry[] = [];
    for (const symbol of symbols) {
      const quote = this.connection.view.quotes.get(symbol);
      if (!quote) continue;
      const last = this.seen.get(symbol);
      if (last && quote.ts <= last.ts) continue;
      this.seen.set(symbol, { price: quote.price, ts: quote.ts });
      if (!last || last.price <= 0) continue;
      fresh.push({
        key: `${symbol}@${quote.ts}`,
        symbol,
        price: quote.price,
        currency: quote.currency,
        source: quote.source,
        movePct: ((quote.price - last.price) / last.price) * 100,
        ts: quote.ts,
      });
    }
    if (fresh.length === 0) return;
    fresh.sort((a, b) => b.ts - a.ts);
    this.entries = [...fresh, ...this.entries].slice(0, Math.max(1, this.limit || 20));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'market-feed': MarketFeed;
  }
}
