import { isAsset, parseInstrument, type Quote } from '@tickwire/protocol';
import { html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { isSimulated } from '../../feed/feed-view.js';
import { FeedListing } from '../../feed/relay-listing.js';
import { elementState } from '../../internal/element-state.js';
import { FeedElement } from '../../internal/feed-element.js';
import { formatPrice, formatTime } from '../../internal/format.js';
import { en } from '../../internal/messages/en.js';
import { type Messages, words } from '../../internal/messages.js';
import { sharedStyles } from '../../internal/shared.styles.js';
import { simulatedLabel, stateBadge } from '../../internal/state-badge.js';
import { sourceLine } from '../../internal/symbol-problems.js';
import { formatAmount, parseAmount } from './amount.js';
import {
  type Leg,
  legLabel,
  listedAssets,
  pairSymbol,
  type Route,
  rateOf,
  routeFromListing,
} from './conversion.js';
import { priceConverterStyles } from './price-converter.styles.js';

/** Which field the reader typed in last: the other one shows the conversion. */
type Side = 'from' | 'to';

/** How often a conversion is said again to screen readers while nobody types: never on its own. */
const SPEAK_EVERY_MS = 60_000;

/**
 * Converts an amount of one asset or currency into another at the live price of a pair the
 * relay has (`BTC/EUR`, or `EUR/BTC` upside down). When it has none, and only with `cross`,
 * through a third asset both sides are priced in, labelled so ("via USDT"); never at an
 * invented rate. Either field can be typed in, in the reader's locale (`1,5` in German); the
 * other follows. A stale or simulated price marks the result as the price card does.
 *
 * @tag price-converter
 * @summary A live converter: `<price-converter from="BTC" to="EUR" amount="1">`.
 *
 * @csspart converter - The converter's box.
 * @csspart header - The row with the pair and the state.
 * @csspart pair - What is converted into what.
 * @csspart state - The state of the data, in words.
 * @csspart from - The side converted from: its label, amount and asset.
 * @csspart to - The side converted to.
 * @csspart amount - Each amount field.
 * @csspart asset - Each asset or currency field.
 * @csspart swap - The button that turns the conversion round.
 * @csspart result - The conversion in a sentence: `1.50 BTC = €93,190.89`.
 * @csspart meta - Rate, the third asset of a cross rate, time and source of the prices.
 * @csspart via - The label on a cross rate ("via USDT").
 * @csspart simulated - The label on simulated (demo) prices.
 * @csspart message - Why there is no conversion, or why typed text is not used.
 *
 * @cssproperty [--tickwire-bg=#ffffff] - Background (dark theme: #161b22).
 * @cssproperty [--tickwire-fg=#111827] - Text colour.
 * @cssproperty [--tickwire-muted=#556070] - Secondary text.
 * @cssproperty [--tickwire-border=#d9dde3] - Borders.
 * @cssproperty [--tickwire-up=#0a7d38] - Rising prices, healthy sources.
 * @cssproperty [--tickwire-down=#c22a2a] - Falling prices, errors.
 * @cssproperty [--tickwire-warn=#8a5a00] - Stale data, cross rates, the simulated label.
 * @cssproperty [--tickwire-accent=#1d5fd6] - Focus rings and the paused state.
 * @cssproperty [--tickwire-radius=0.75rem] - Corner radius.
 * @cssproperty [--tickwire-space=0.75rem] - Inner spacing.
 * @cssproperty [--tickwire-font=system-ui] - Font family.
 * @cssproperty [--tickwire-font-size=1rem] - Base font size.
 */
export class PriceConverter extends FeedElement {
  static override styles = [sharedStyles, priceConverterStyles];

  static override properties = {
    from: { type: String, reflect: true },
    to: { type: String, reflect: true },
    amount: { type: Number },
    cross: { type: Boolean },
  };

  /**
   * The asset or currency converted from, such as `BTC`; case-insensitive.
   * @defaultValue `'BTC'`
   */
  declare from: string;
  /**
   * The asset or currency converted to, such as `EUR`; unset = the element's `currency`, else
   * the relay's default currency.
   */
  declare to: string | undefined;
  /**
   * The amount of `from` converted, written as in HTML (`1.5`, whatever the locale); the
   * reader may type another in either field.
   * @defaultValue `1`
   */
  declare amount: number;
  /**
   * Allows a cross rate through a third asset when the relay has no price of the pair
   * itself (`BTC/USDT` and `EUR/USDT`), labelled with that asset. Off: such a pair says so.
   * @defaultValue `false`
   */
  declare cross: boolean;

  /** What the reader typed last, and in which field; none = the `amount` attribute in `from`. */
  private typed: { side: Side; text: string } | undefined;
  /** An asset field the reader typed something in that is not an asset, and the text. */
  private badAsset: { side: Side; text: string } | undefined;
  /** The relay's listing, once asked for (the pickers, and routes when the pair is unknown). */
  private readonly listing = new FeedListing(this);
  /** The route found for `routeKey` (relay, pair, source, cross); null = there is none. */
  private route: Route | null = null;
  private routeKey = '';
  /** The pair was looked up in the listing: the route stays as found. */
  private routeSettled = false;
  /** No price of the pair, but one through a third asset if `cross` were set. */
  private crossWouldDo = false;
  /** The reader acted: the next sentence to screen readers is the conversion. */
  private toSay = false;
  /** The reader acted since the announcer was last told: it hears this converter within a second. */
  private fresh = false;

  /** What this render shows, worked out in `willUpdate`. */
  private shown = {
    fromAsset: '',
    toAsset: '',
    defaultCurrency: 'USD',
    problem: undefined as string | undefined,
  };

  constructor() {
    super();
    this.from = 'BTC';
    this.amount = 1;
    this.cross = false;
  }

  /** Every word of this element, in its language (English in the core, the rest beside it). */
  protected override get words(): Messages {
    return words.of?.(this, en) ?? en;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('amount')) this.typed = undefined;
    const { view } = this.connection;
    const defaultCurrency = view.currency;
    const fromAsset = (this.from ?? '').trim().toUpperCase();
    const toAsset = (this.to ?? this.currency ?? defaultCurrency).trim().toUpperCase();
    const { words } = this;
    let problem = !isAsset(fromAsset)
      ? words.notAnAsset(this.from ?? '')
      : !isAsset(toAsset)
        ? words.notAnAsset(this.to ?? this.currency ?? '')
        : undefined;

    const source = this.pinnedSource(fromAsset, toAsset);
    const key = [this.relayUrl, fromAsset, toAsset, source, this.cross, defaultCurrency].join('|');
    if (key !== this.routeKey) {
      this.routeKey = key;
      this.routeSettled = false;
      this.crossWouldDo = false;
      this.route =
        problem || fromAsset === toAsset
          ? { legs: [] }
          : {
              legs: [
                { symbol: pairSymbol(fromAsset, toAsset, defaultCurrency, source), invert: false },
              ],
            };
    }
    // The pair the reader named is tried first; only when the relay says it does not have
    // it is the listing read for the pair upside down or, with `cross`, a third asset.
    const direct = this.route?.legs[0]?.symbol;
    if (!this.routeSettled && direct && view.unknown.has(direct)) {
      const listing = this.listing.value;
      if (listing) {
        this.routeSettled = true;
        this.route = routeFromListing(fromAsset, toAsset, listing, this.cross, source) ?? null;
        // Allowing a cross is advice only where one exists: an asset listed nowhere has none.
        this.crossWouldDo =
          this.route === null &&
          !this.cross &&
          !!routeFromListing(fromAsset, toAsset, listing, true, source);
      }
    }
    const watched = this.route?.legs.map((leg) => leg.symbol) ?? [];
    this.connection.watch(this.relayUrl, problem ? [] : watched);
    // After `watch`: the feed is known from the first update on. A converter whose pair the
    // page already watched gets no news of its own (off screen, none at all) to ask later.
    this.listing.ask(this.connection.feed);
    // What the feed knows now: a first watch of a shared feed brings its view at once (offline
    // already, or live), and no later news may come to update this one.
    const now = this.connection.view;
    if (now.currency !== defaultCurrency) void this.updateComplete.then(() => this.requestUpdate());
    // Word joiners: Firefox would break "NOPE/SHIB" after its slash.
    const pair = `${fromAsset}\u2060/\u2060${toAsset}`;
    problem ??= this.relayProblem;
    if (!problem && this.route === null)
      problem = this.crossWouldDo ? words.noPair(pair) : words.noRoute(pair);
    if (!problem && this.routeSettled && watched.some((symbol) => now.unknown.has(symbol)))
      problem = words.noRoute(pair);
    this.shown = { fromAsset, toAsset, defaultCurrency, problem };
    // Waiting for the listing after the relay refused the pair: still connecting, not an error.
    const looking = !this.routeSettled && direct !== undefined && now.unknown.has(direct);
    this.state = problem
      ? 'error'
      : looking
        ? 'connecting'
        : watched.length === 0
          ? now.connection
          : elementState(now, watched, undefined);
    this.speak();
  }

  /** The source the prices are pinned to: the `source` attribute, else the page's choice. */
  private pinnedSource(fromAsset: string, toAsset: string): string | undefined {
    if (!isAsset(fromAsset) || !isAsset(toAsset)) return undefined;
    return parseInstrument(this.symbolsOf(`${fromAsset}/${toAsset}`).symbols[0] ?? '').source;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.speak();
  }

  /**
   * Tells the page's announcer what this converter says: the conversion (or why there is
   * none), once, a second after the reader last changed something; nothing on its own.
   */
  private speak(): void {
    const feed = this.isConnected ? this.connection.feed : undefined;
    // Anew once per change: told again on every price, the announcer would wait forever.
    const anew = this.fresh;
    this.fresh = false;
    if (!announcerModule && !(feed && anew)) return;
    announcerModule ??= import('../../internal/page-announcer.js');
    const state = this.connection.view.connection;
    void announcerModule.then(({ cardSpeaks }) =>
      cardSpeaks(this, feed, SPEAK_EVERY_MS, state, anew, () => {
        if (!this.toSay) return undefined;
        this.toSay = false;
        return this.sentence();
      }),
    );
  }

  /** What a screen reader hears of the converter now. */
  private sentence(): string | undefined {
    const { words } = this;
    const conversion = this.conversion();
    if (conversion.error) return conversion.error;
    if (this.shown.problem) return this.shown.problem;
    if (conversion.fromValue === undefined || conversion.toValue === undefined) return undefined;
    const { fromAsset, toAsset } = this.shown;
    return words.spokenConversion(
      formatPrice(conversion.fromValue, fromAsset, this.locale),
      formatPrice(conversion.toValue, toAsset, this.locale),
      this.state === 'stale' || this.state === 'offline',
    );
  }

  /** The two amounts now: the one typed and the one converted, and why typed text is not used. */
  private conversion(): {
    fromValue?: number;
    toValue?: number;
    rate?: number;
    error?: string;
  } {
    const { view } = this.connection;
    const rate = this.route && !this.shown.problem ? rateOf(this.route, view.quotes) : undefined;
    const side: Side = this.typed?.side ?? 'from';
    let typedValue: number | undefined;
    let error: string | undefined;
    if (this.typed) {
      const parsed = parseAmount(this.typed.text, this.locale);
      if (parsed === 'invalid')
        error = this.words.notAnAmount(this.typed.text, formatAmount(1.5, '', this.locale));
      else if (parsed !== 'empty') typedValue = parsed.value;
    } else if (Number.isFinite(this.amount) && this.amount >= 0) typedValue = this.amount;
    else error = this.words.notAnAmount(String(this.amount), formatAmount(1.5, '', this.locale));
    if (typedValue === undefined) return { rate, error };
    const other =
      rate === undefined ? undefined : side === 'from' ? typedValue * rate : typedValue / rate;
    return side === 'from'
      ? { fromValue: typedValue, toValue: other, rate, error }
      : { fromValue: other, toValue: typedValue, rate, error };
  }

  protected override render() {
    const { words } = this;
    const { fromAsset, toAsset, problem } = this.shown;
    const conversion = this.conversion();
    const error = this.badAsset ? words.notAnAsset(this.badAsset.text) : conversion.error;
    const errorSide: Side | undefined =
      this.badAsset?.side ?? (error ? (this.typed?.side ?? 'from') : undefined);
    const assets = this.listing.value ? listedAssets(this.listing.value) : [];
    return html`<div part="converter" class="converter panel surface" role="group" aria-label=${words.converterLabel(fromAsset, toAsset)}>
      <div part="header" class="header">
        <span part="pair" class="pair"><bdi>${fromAsset || '—'}</bdi><span class="arrow" aria-hidden="true">→</span><bdi>${toAsset || '—'}</bdi></span>
        ${stateBadge(this.state, words)}
      </div>
      <div class="sides">
        ${this.renderSide('from', fromAsset, conversion.fromValue, errorSide, error)}
        <button part="swap" class="swap" type="button" aria-label=${words.swap} title=${words.swap} @click=${this.swap}>
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M5 2v11M2 10l3 3 3-3M11 14V3M8 6l3-3 3 3" /></svg>
        </button>
        ${this.renderSide('to', toAsset, conversion.toValue, errorSide, error)}
      </div>
      <datalist id="assets">${assets.map((asset) => html`<option value=${asset}></option>`)}</datalist>
      ${error ? html`<p id="error" part="message" class="message">${error}</p>` : nothing}
      ${problem ? html`<p part="message" class="message">${problem}</p>` : this.renderResult(conversion)}
    </div>`;
  }

  private renderSide(
    side: Side,
    asset: string,
    value: number | undefined,
    errorSide: Side | undefined,
    error: string | undefined,
  ) {
    const { words, locale } = this;
    const typedHere = this.typed?.side === side || (!this.typed && side === 'from');
    const text =
      this.typed?.side === side
        ? this.typed.text
        : value === undefined
          ? ''
          : formatAmount(value, asset, locale);
    const amountInvalid = error !== undefined && errorSide === side && !this.badAsset;
    const assetInvalid = this.badAsset?.side === side;
    const stale = !typedHere && (this.state === 'stale' || this.state === 'offline');
    return html`<div part=${side} class="side ${stale ? 'stale' : ''}">
      <label class="label" for="${side}-amount">${side === 'from' ? words.convertFrom : words.convertTo}</label>
      <div class="fields">
        <input
          id="${side}-amount"
          part="amount"
          class="amount"
          type="text"
          inputmode="decimal"
          autocomplete="off"
          spellcheck="false"
          .value=${live(text)}
          aria-invalid=${amountInvalid ? 'true' : 'false'}
          aria-describedby=${amountInvalid ? 'error' : nothing}
          @input=${(event: Event) => this.onAmount(side, event)}
        />
        <input
          part="asset"
          class="asset"
          type="text"
          list="assets"
          autocomplete="off"
          spellcheck="false"
          autocapitalize="characters"
          aria-label=${side === 'from' ? words.fromAsset : words.toAsset}
          .value=${live(this.badAsset?.side === side ? this.badAsset.text : asset)}
          aria-invalid=${assetInvalid ? 'true' : 'false'}
          aria-describedby=${assetInvalid ? 'error' : nothing}
          @change=${(event: Event) => this.onAsset(side, event)}
        />
      </div>
    </div>`;
  }

  private renderResult(conversion: ReturnType<PriceConverter['conversion']>) {
    const { words, locale } = this;
    const { fromAsset, toAsset, defaultCurrency } = this.shown;
    const { view } = this.connection;
    const legs = this.route?.legs ?? [];
    const quotes = legs
      .map((leg) => view.quotes.get(leg.symbol))
      .filter((quote) => !!quote) as Quote[];
    const ready = conversion.rate !== undefined;
    const simulated = quotes.some((quote) => isSimulated(view, quote.source));
    const stale = this.state === 'stale' || this.state === 'offline';
    const newest = quotes.reduce((latest, quote) => Math.max(latest, quote.ts), 0);
    const sources = [
      ...new Set(quotes.map((quote) => sourceLine(view, quote.source, this.words))),
    ].join(', ');
    const via = this.route?.via;
    const result =
      conversion.fromValue !== undefined && conversion.toValue !== undefined
        ? html`<bdi>${formatPrice(conversion.fromValue, fromAsset, locale)}</bdi> = <bdi>${formatPrice(conversion.toValue, toAsset, locale)}</bdi>`
        : '—';
    // Plain text, not an <output>: that is a live region, and every tick would be read out;
    // the page announcer says the result once the reader has changed something.
    return html`<p part="result" class="result ${stale ? 'stale' : ''}">
        ${ready ? result : '—'}
      </p>
      <p part="meta" class="meta">
        ${
          // The rate, unless the result already is it (an amount of 1); each figure isolated,
          // as in the result, so both read in the page's direction.
          !ready
            ? fromAsset === toAsset
              ? nothing
              : html`<span>${words.waitingForPrice}</span>`
            : conversion.fromValue === 1
              ? nothing
              : html`<span><bdi>${formatPrice(1, fromAsset, locale)}</bdi> = <bdi>${formatPrice(conversion.rate!, toAsset, locale)}</bdi></span>`
        }
        ${via ? html`<span part="via" class="via" title=${words.crossTitle(legs.map((leg: Leg) => legLabel(leg, defaultCurrency)).join(', '))}>${words.via(via)}</span>` : nothing}
        ${newest ? html`<time datetime=${new Date(newest).toISOString()}><bdi>${formatTime(newest, locale)}</bdi></time>` : nothing}
        ${sources ? html`<span class="source">${sources}</span>` : nothing}
        ${simulated ? simulatedLabel(words) : nothing}
      </p>`;
  }

  private onAmount(side: Side, event: Event): void {
    this.typed = { side, text: (event.target as HTMLInputElement).value };
    this.toSay = true;
    this.fresh = true;
    this.requestUpdate();
  }

  private onAsset(side: Side, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    const asset = text.trim().toUpperCase();
    this.toSay = true;
    this.fresh = true;
    if (!isAsset(asset)) {
      this.badAsset = { side, text };
      this.requestUpdate();
      return;
    }
    this.badAsset = undefined;
    // The amount typed stays in its field; the other follows the new rate.
    if (side === 'from') this.from = asset;
    else this.to = asset;
    this.requestUpdate();
  }

  /** Turns the conversion round: what was the result is now the amount converted. */
  private swap(): void {
    const { fromAsset, toAsset } = this.shown;
    const { toValue } = this.conversion();
    this.typed =
      toValue === undefined
        ? this.typed && { side: this.typed.side === 'from' ? 'to' : 'from', text: this.typed.text }
        : { side: 'from', text: formatAmount(toValue, toAsset, this.locale) };
    this.badAsset = undefined;
    this.from = toAsset;
    this.to = fromAsset;
    this.toSay = true;
    this.fresh = true;
  }
}

/** The page announcer's code, once a converter has something to say. */
let announcerModule: Promise<typeof import('../../internal/page-announcer.js')> | undefined;

declare global {
  interface HTMLElementTagNameMap {
    'price-converter': PriceConverter;
  }
}
