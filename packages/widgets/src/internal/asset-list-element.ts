import { parseInstrument } from '@tickwire/protocol';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { type Facts, type FactsQuery, readFacts } from '../feed/asset-facts.js';
import { buildRows, type Row, rankedAssets } from '../feed/asset-rows.js';
import { isSimulated } from '../feed/feed-view.js';
import { FeedListing } from '../feed/relay-listing.js';
import { elementState } from './element-state.js';
import { FeedElement } from './feed-element.js';
import { en } from './messages/en.js';
import { type Messages, words } from './messages.js';
import { simulatedLabel, stateBadge } from './state-badge.js';
import { symbolProblems } from './symbol-problems.js';

/** The most assets `top` asks for: a page of a hundred rows or tiles is a full page already. */
const MAX_TOP = 100;

/** What an asset list shows, read from the stream and the relay's facts. */
export interface AssetList {
  rows: Row[];
  /** Symbols that cannot be shown, or why the list is empty; in the element's words. */
  problem: string | undefined;
  /** What `top` shows instead on a relay that cannot rank by market cap. */
  note: string | undefined;
}

/**
 * What `<market-table>` and `<price-heatmap>` share: a list of assets given as `symbols` or
 * as the relay's `top` by market cap, their rows (price from the stream, names, ranks and
 * market figures from the relay's `/v1/assets`, asked once per page), and the list's state.
 */
export class AssetListElement extends FeedElement {
  static override properties: PropertyDeclarations = {
    symbols: { type: String, reflect: true },
    top: { type: Number, reflect: true },
  };

  /** Comma-separated assets, such as `BTC,ETH`, in the order given. Wins over `top`. */
  declare symbols: string;
  /**
   * The first `top` assets by market cap, from the relay's facts (at most 100). A relay
   * without facts shows its own assets in its own order, and says so.
   */
  declare top: number | undefined;

  /** The relay's answer for this list's query: undefined until it comes, null = none. */
  protected facts: Facts | undefined;
  private factsKey = '';
  private stopFacts: (() => void) | undefined;
  /** The rows last shown, by symbol: an unchanged row stays the same object (`buildRows`). */
  private shownRows = new Map<string, Row>();
  /** The relay's listing, read only for `top` on a relay without facts. */
  private readonly listing = new FeedListing(this);

  constructor() {
    super();
    this.symbols = '';
  }

  /** Every word of this element, in its language (English in the core, the rest beside it). */
  protected override get words(): Messages {
    return words.of?.(this, en) ?? en;
  }

  /** How many assets `top` asks for; 0 when the list is `symbols` instead. */
  protected get topCount(): number {
    if (this.symbols.trim() || !(Number(this.top) >= 1)) return 0;
    return Math.min(MAX_TOP, Math.round(Number(this.top)));
  }

  /**
   * Watches the list's symbols, reads their facts and sets the element's state: call from
   * `willUpdate`. Rows are in the attribute's order, or the relay's for `top`.
   */
  protected readAssets(): AssetList {
    const top = this.topCount;
    const { symbols, malformed } = this.symbolsOf(
      top ? this.topAssets(top).join(',') : this.symbols,
    );
    this.connection.watch(this.relayUrl, symbols);
    const { view } = this.connection;
    const currency = listCurrency(symbols, this.impliedCurrency);
    this.followFacts(
      top
        ? { top, currency }
        : { assets: [...new Set(symbols.map((symbol) => parseInstrument(symbol).base))], currency },
    );
    const waitingForTop = top > 0 && symbols.length === 0 && !this.relayProblem;
    const problem =
      this.relayProblem ??
      (waitingForTop ? undefined : symbolProblems(this, symbols, malformed, view, this.words));
    const shownSymbols = symbols.filter((symbol) => !view.unknown.has(symbol));
    this.state = waitingForTop
      ? view.connection === 'live'
        ? 'connecting'
        : view.connection
      : elementState(view, symbols, this.relayProblem);
    const rows = buildRows(shownSymbols, view, this.facts, this.shownRows);
    this.shownRows = new Map(rows.map((row) => [row.symbol, row]));
    return {
      rows,
      problem,
      note:
        top && this.facts === null && symbols.length > 0 ? this.words.topWithoutFacts : undefined,
    };
  }

  /**
   * The list's header (its `title`, `extra` beside the labels, the simulated label when any
   * row's price or facts are the demo market's, and the state), then what cannot be shown
   * and the note of `list`.
   */
  protected renderTop(title: string, list: AssetList, extra: unknown = nothing): TemplateResult {
    const { words } = this;
    const { view } = this.connection;
    const simulated = list.rows.some(
      (row) => row.simulatedFacts || (row.source !== undefined && isSimulated(view, row.source)),
    );
    return html`<header part="header">
        <h2 part="title" id="title">${title}</h2>
        <span class="header-end">
          ${extra}
          ${simulated ? simulatedLabel(words) : nothing}
          ${stateBadge(this.state, words)}
        </span>
      </header>
      ${list.problem ? html`<p part="message" class="message">${list.problem}</p>` : nothing}
      ${list.note ? html`<p part="note" class="note">${list.note}</p>` : nothing}`;
  }

  /**
   * The assets of `top`: the relay's first by market cap, or — when it has no facts — its own
   * listed assets in its own order; none until one of them is known.
   */
  private topAssets(top: number): string[] {
    if (this.facts) return rankedAssets(this.facts).slice(0, top);
    if (this.facts === null) {
      this.listing.ask(this.connection.feed);
      const listed = this.listing.value?.currency;
      const assets = (this.listing.value?.symbols ?? []).flatMap((symbol) => {
        const { base, currency, source } = parseInstrument(symbol);
        return !source && (currency ?? listed) === listed ? [base] : [];
      });
      return [...new Set(assets)].slice(0, top);
    }
    return [];
  }

  /** Reads the facts of `query` from the page's shared reader, once per query. */
  private followFacts(query: FactsQuery): void {
    const { feed } = this.connection;
    const key = feed ? `${feed.relayUrl}|${JSON.stringify(query)}` : '';
    if (key === this.factsKey) return;
    this.factsKey = key;
    this.stopFacts?.();
    this.stopFacts = undefined;
    // A new query of the same list keeps what it showed until the answer comes.
    if (!feed) return;
    this.stopFacts = readFacts(feed, query, (facts) => {
      if (this.factsKey !== key) return;
      this.facts = facts;
      this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopFacts?.();
    this.stopFacts = undefined;
    this.factsKey = '';
  }
}

/**
 * The currency a list's facts are asked in: the one every symbol is quoted in (`BTC/EUR,ETH/EUR`
 * shows euro market caps and weeks beside euro prices), else the element's.
 */
function listCurrency(symbols: readonly string[], implied: string): string {
  const currencies = new Set(symbols.map((symbol) => parseInstrument(symbol).currency ?? implied));
  return currencies.size === 1 ? [...currencies][0]! : implied;
}
