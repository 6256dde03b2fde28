import {
  bucketCount,
  CANDLE_RANGES,
  open24hOf,
  parseInstrument,
  TICK_WINDOW,
  windowStart,
} from '@tickwire/protocol';
import { html, nothing, type PropertyValues } from 'lit';
import { isSimulated } from '../../feed/feed-view.js';
import { elementState } from '../../internal/element-state.js';
import { FeedElement } from '../../internal/feed-element.js';
import { direction, formatPercent, formatPrice } from '../../internal/format.js';
import { pageLang } from '../../internal/messages/choose.js';
import { en } from '../../internal/messages/en.js';
import { type Messages, words } from '../../internal/messages.js';
import { sharedStyles } from '../../internal/shared.styles.js';
import { assetNames } from '../../internal/show-names.js';
import { simulatedLabel, stateBadge } from '../../internal/state-badge.js';
import { symbolProblems } from '../../internal/symbol-problems.js';
import { symbolLabel } from '../../internal/symbols.js';
import { type ChartRange, isChartRange, sayCandleProblem } from './candle-history.js';
import { type CandleFailure, CandlesController } from './candles-controller.js';
import { SymbolBars } from './chart-bars.js';
import type { Bar, ChartLayout, ChartScale, ChartType, Readout } from './chart-layout.js';
import { ChartLoader } from './chart-loader.js';
import type { ChartRenderer } from './chart-renderer.js';
import { type ChartTheme, readChartTheme, SERIES_COLOURS } from './chart-theme.js';
import { liveChartStyles } from './live-chart.styles.js';

/** How far below the readout the crosshair's point must be for the readout to stay on top, px. */
const READOUT_CLEARANCE_PX = 12;

/**
 * A price chart of one or more assets over a range — the last hour to the last year, from
 * the relay's shared candles, or a tick chart of every update the stream delivers — drawn with lightweight-charts
 * (loaded only when a chart is on the page). The stream keeps the newest bucket moving.
 * With several symbols the axis shows percent change, so they stay comparable; with
 * `layout="tabs"` each symbol is a tab above the one chart, which draws the tab selected.
 *
 * @tag live-chart
 * @summary A live chart: `<live-chart symbols="BTC,ETH" range="24h">`.
 *
 * @fires tickwire-range-change - The reader picked another range; `detail.range` is it.
 * @fires tickwire-symbol-change - With `layout="tabs"`, the reader picked another symbol's tab; `detail.symbol` is it.
 *
 * @csspart chart - The chart's box.
 * @csspart name - Each asset's name in the legend or its tab (`show="name"`).
 * @csspart logo - Each asset's logo in the legend or its tab, served by the relay (`show="logo"`).
 * @csspart legend - Each symbol with its colour, latest price and change over the range shown.
 * @csspart tabs - With `layout="tabs"`, the row of tabs, one per symbol (it scrolls sideways when narrow).
 * @csspart tab - One symbol's tab: the symbol, its latest price and its change over the range shown.
 * @csspart state - The state of the data, in words ("Live" only while it is).
 * @csspart simulated - The label on simulated (demo) prices.
 * @csspart ranges - The range buttons.
 * @csspart plot - The drawing area; focus it and use the arrow keys to read each bucket.
 * @csspart last-value - With several symbols, each one's last value, beside the price axis.
 * @csspart readout - Time and values under the crosshair: at the top of the plot, at its foot while the crosshair is under it.
 * @csspart message - Why some or all symbols cannot be shown, centred on the plot when none can.
 * @csspart footer - What the axis shows, and the chart library's credit.
 * @csspart credit - The link crediting TradingView's lightweight-charts.
 *
 * @cssproperty [--tickwire-series-1=#1d5fd6] - Colour of the first line (up to `--tickwire-series-12`).
 * @cssproperty [--tickwire-bg=#ffffff] - Background (dark theme: #161b22).
 * @cssproperty [--tickwire-fg=#111827] - Text colour.
 * @cssproperty [--tickwire-muted=#556070] - Secondary text, axis labels.
 * @cssproperty [--tickwire-border=#d9dde3] - Borders, grid lines.
 * @cssproperty [--tickwire-up=#0a7d38] - Rising prices and candles.
 * @cssproperty [--tickwire-down=#c22a2a] - Falling prices and candles, errors.
 * @cssproperty [--tickwire-warn=#8a5a00] - Stale data, the simulated label.
 * @cssproperty [--tickwire-accent=#1d5fd6] - Focus rings, the range shown.
 * @cssproperty [--tickwire-radius=0.75rem] - Corner radius.
 * @cssproperty [--tickwire-space=0.75rem] - Inner spacing.
 * @cssproperty [--tickwire-font=system-ui] - Font family, axes included.
 * @cssproperty [--tickwire-font-size=1rem] - Base font size.
 */
export class LiveChart extends FeedElement {
  static override styles = [sharedStyles, liveChartStyles];

  static override properties = {
    symbols: { type: String, reflect: true },
    range: { type: String, reflect: true },
    type: { type: String, reflect: true },
    scale: { type: String, reflect: true },
    ranges: { type: String },
    layout: { type: String, reflect: true },
    selected: { type: String, reflect: true },
    show: { type: String },
  };

  /** Comma-separated assets, such as `BTC,ETH`; case-insensitive. */
  declare symbols: string;
  // Spelled out, not `ChartRange` and friends: the generated React and Vue types copy them.
  /**
   * `1h`, `24h`, `7d`, `30d`, `90d`, `1y`, `ytd` (since 1 January), `all` (all the source
   * has, daily), or `live`: a tick chart, each update the stream delivers
   * a point of its own, over the last 5 minutes (at most 3,000 points); it asks the relay for
   * no candles, and its legend gives the 24 h change, the figure the card shows.
   */
  declare range: 'live' | '1h' | '24h' | '7d' | '30d' | '90d' | '1y' | 'ytd' | 'all';
  /** `line`, `area`, or `candles` (one symbol only; several draw lines). */
  declare type: 'line' | 'area' | 'candles';
  /** `percent` change (comparable assets) or `price`; `auto` is percent for several symbols. */
  declare scale: 'auto' | 'price' | 'percent';
  /** The ranges offered as buttons, comma-separated; empty for none. */
  declare ranges: string;
  /**
   * `overlay`: every symbol drawn on the one plot, with a legend; `tabs`: a tab per symbol
   * (its price and change) above the plot, which draws the selected one alone.
   */
  declare layout: 'overlay' | 'tabs';
  /**
   * With `layout="tabs"`, the symbol whose tab is selected, such as `ETH`; the first tab's
   * when empty or not one of `symbols`. The reader's choice sets it.
   */
  declare selected: string;
  /**
   * What to show beside each symbol in the legend or the tabs, comma-separated: `name`,
   * `logo`, or `name,logo`; the relay's facts (`/v1/assets`), asked once per page. Empty
   * (the default): symbols alone.
   */
  declare show: string;

  private shown: string[] = [];
  /** With `layout="tabs"`, a tab per symbol the relay lists; else none. */
  private tabs: string[] = [];
  private problem: string | undefined;
  /** The chart's drawing code, loaded on first use. */
  private readonly loader = new ChartLoader(this, (Renderer) => {
    const plot = this.renderRoot.querySelector<HTMLElement>('.plot');
    const gutter = this.renderRoot.querySelector<HTMLElement>('.gutter');
    if (!plot || !gutter) return undefined;
    const renderer = new Renderer(plot, this.readTheme(), this.locale, gutter);
    renderer.candleWords = this.words.candle;
    renderer.onReadout = (readout) => {
      this.readout = readout;
      this.requestUpdate();
    };
    return renderer;
  });
  /** The candles of the range shown, from the relay. */
  private readonly candles = new CandlesController(this);
  /** The bars per symbol, folded before each render: legend and drawing read the same ones. */
  private bars = new Map<string, SymbolBars>();
  /** What the bars were built from (layout, candle answers, snapshots): a change rebuilds them. */
  private barsKey = '';
  private drawing: ChartLayout | undefined;
  /** What the renderer last drew in full; bars it has not had since, by symbol. */
  private drawnKey = '';
  private moved = new Map<string, Bar[]>();
  private redraw = new Set<string>();
  private readout: Readout | undefined;
  private announcement = '';
  /** The tab row's width when the selected tab was last scrolled into view. */
  private revealedWidth = 0;
  /** Set once the reader scrolls the tab row themselves: then only a new selection scrolls it. */
  private readerScrolledTabs = false;

  constructor() {
    super();
    this.symbols = '';
    this.range = '24h';
    this.type = 'line';
    this.scale = 'auto';
    this.ranges = '1h,24h,7d,30d,1y';
    this.layout = 'overlay';
    this.selected = '';
    this.show = '';
  }

  override disconnectedCallback(): void {
    // The controllers give back the chart (canvas, observer, timers) and the candles' loads.
    super.disconnectedCallback();
    this.barsKey = '';
    this.drawnKey = '';
  }

  private get renderer(): ChartRenderer | undefined {
    return this.loader.renderer;
  }

  /** The range drawn: an unknown `range` attribute falls back to the default. */
  private get shownRange(): ChartRange {
    return isChartRange(this.range) ? this.range : '24h';
  }

  /** Every word of this element, in its language (English in the core, the rest beside it). */
  protected override get words(): Messages {
    return words.of?.(this, en) ?? en;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const { symbols, malformed } = this.symbolsOf(this.symbols);
    this.connection.watch(this.relayUrl, symbols);
    const { view } = this.connection;
    const known = symbols.filter((symbol) => !view.unknown.has(symbol));
    this.tabs = this.layout === 'tabs' ? known : [];
    // Tabs draw one symbol, and load its candles alone; the stream still prices every tab.
    this.shown =
      this.layout === 'tabs' ? known.slice(this.selectedIndex(known)).slice(0, 1) : known;
    this.candles.load({
      feed: this.connection.feed,
      symbols: this.shown,
      range: this.shownRange,
      // The first load runs beside the stream's first snapshot; later snapshots (reconnects) reload.
      reconnects: Math.max(0, view.snapshots - 1),
    });
    const names = assetNames(this, this.show);
    names?.follow(this.show, this.connection.feed, known, this.impliedCurrency);
    const failed = this.candles.errors();
    const chartFailed = this.loader.failed;
    this.problem =
      this.relayProblem ??
      symbolProblems(this, symbols, malformed, view, this.words) ??
      names?.problem ??
      (chartFailed ? this.words.chartFailed : undefined) ??
      (failed[0] && this.sayCandleFailure(failed[0]));
    const state = elementState(view, symbols, this.relayProblem ?? names?.problem);
    // Offline says more than the failed loads it causes: those are retried on reconnect.
    const noCandles = failed.length > 0 && failed.length === this.shown.length;
    this.state = (noCandles || chartFailed) && state !== 'offline' ? 'error' : state;
    this.foldBars();
  }

  /** Why one symbol's candles are missing, in the chart's words. */
  private sayCandleFailure({ symbol, problem }: CandleFailure): string | undefined {
    const range = this.shownRange;
    if (range === 'live') return undefined;
    const label = symbolLabel(symbol, this.impliedCurrency);
    return sayCandleProblem(
      problem,
      range,
      label,
      this.words,
      this.locale || pageLang(this) || undefined,
    );
  }

  protected override render() {
    const { view } = this.connection;
    const range = this.shownRange;
    const simulated = this.shown.some(
      (symbol) =>
        isSimulated(view, view.quotes.get(symbol)?.source ?? '') ||
        this.candles.answerOf(symbol)?.simulated === true,
    );
    const nothingToDraw = this.shown.length === 0 || this.state === 'error';
    const { words } = this;
    if (this.renderer) this.renderer.candleWords = words.candle;
    const labels = this.shown.map((symbol) => this.label(symbol));
    const many = this.shown.length > 2;
    const tabs = this.tabs.length > 0;
    return html`<figure part="chart" class="panel surface" aria-label=${words.chartLabel(labels.join(', '), words.spans[range])}>
      <header class=${many ? 'many' : ''}>
        ${
          tabs
            ? this.renderTabs(words)
            : html`<ul
                part="legend"
                class=${many ? 'legend many' : 'legend'}
                tabindex=${many ? '0' : nothing}
                @scroll=${this.markScrollEdges}
                @wheel=${this.onLegendWheel}
              >
                ${this.shown.map((symbol, index) => this.renderLegendItem(symbol, index, words))}
              </ul>`
        }
        <span class="header-end">
          ${simulated ? simulatedLabel(words) : nothing}
          ${stateBadge(this.state, words)}
        </span>
      </header>
      ${this.shown.length === 0 ? nothing : this.renderRangeButtons(range, words)}
      <div
        class="stage"
        id="panel"
        role=${tabs ? 'tabpanel' : nothing}
        aria-labelledby=${tabs ? `tab-${this.tabs.indexOf(this.shown[0] ?? '')}` : nothing}
      >
        <div
          part="plot"
          class="plot"
          tabindex=${nothingToDraw ? '-1' : '0'}
          role="img"
          aria-roledescription="chart"
          aria-label=${words.plotHint(this.shown.join(', '), range === 'live')}
          @keydown=${this.onPlotKey}
          @blur=${this.onPlotBlur}
        ></div>
        <div class="gutter" aria-hidden="true"></div>
        ${
          this.readout
            ? html`<p part="readout" class="readout">
                <span class="readout-time">${this.readout.time}</span>
                ${this.readout.values.map(({ symbol, text }) => html`<span><b>${this.label(symbol)}</b> ${text}</span>`)}
              </p>`
            : nothing
        }
        ${this.problem ? html`<p part="message" class=${nothingToDraw ? 'message centred' : 'message'}>${this.problem}</p>` : nothing}
        ${
          !this.problem && this.candles.isLoading()
            ? html`<p part="message" class="message centred quiet">${words.loading}</p>`
            : nothing
        }
      </div>
      <span class="probe" aria-hidden="true"></span>
      <p class="visually-hidden" aria-live="polite">${this.announcement}</p>
      <p part="footer" class="note">
        <span>${nothingToDraw ? '' : this.footerText(range, words)}</span>
        <a part="credit" href="https://www.tradingview.com/" target="_blank" rel="noopener">${words.credit}</a>
      </p>
    </figure>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.markScrollEdges();
    this.revealSelectedTab(changed.has('selected') || changed.has('layout'));
    this.placeReadout();
    if (changed.has('theme')) this.renderer?.setTheme(this.readTheme());
    this.syncChart();
  }

  /**
   * The readout sits at the top of the plot, and drops to its foot while the crosshair's point
   * is under it (a narrow chart's readout is as wide as the plot): never over what it reads.
   */
  private placeReadout(): void {
    const readout = this.renderRoot.querySelector<HTMLElement>('.readout');
    const place = this.readout?.place;
    if (!readout || !place) return;
    const low = place.y < readout.offsetHeight + READOUT_CLEARANCE_PX;
    readout.style.insetBlock = low ? `auto ${place.below}px` : '';
  }

  /** The canvas is drawn in resolved colours: a new scheme redraws it. */
  override schemeChanged(): void {
    this.renderer?.setTheme(this.readTheme());
  }

  private renderLegendItem(symbol: string, index: number, words: Messages) {
    return html`<li>
      <span
        class=${`swatch series-${(index % SERIES_COLOURS) + 1} round-${Math.min(2, Math.floor(index / SERIES_COLOURS))}`}
        aria-hidden="true"
      ></span>
      <span class="symbol">${this.mark(symbol)}</span>
      ${this.renderFigures(symbol, words, 'over')}
    </li>`;
  }

  /** The symbol as readers hear it: with its name when `show` shows that. */
  private label(symbol: string): string {
    const label = symbolLabel(symbol, this.impliedCurrency);
    return assetNames(this, this.show)?.label(symbol, label) ?? label;
  }

  /** The symbol in the legend or its tab, with its logo and name when `show` asks for them. */
  private mark(symbol: string) {
    const label = symbolLabel(symbol, this.impliedCurrency);
    return assetNames(this, this.show)?.mark(symbol, label) ?? label;
  }

  /**
   * A symbol's price and its change over the range shown: the legend's and a tab's, the same
   * figures. `spanClass` shows the span beside the change (`over`) or to readers only.
   */
  private renderFigures(symbol: string, words: Messages, spanClass: 'over' | 'visually-hidden') {
    const quote = this.connection.view.quotes.get(symbol);
    const range = this.shownRange;
    const change = this.changeOf(symbol);
    return html`${
      quote
        ? html`<span class="price"><bdi>${formatPrice(quote.price, quote.currency, this.locale)}</bdi></span>`
        : html`<span>—</span>`
    }
      ${
        change === null
          ? nothing
          : html`<span class=${`change ${direction(change)}`}><bdi>${formatPercent(change, this.locale)}</bdi>
              <span class=${spanClass}>${words.periods[range === 'live' ? '24h' : range]}</span></span>`
      }`;
  }

  /**
   * A symbol's change over the range shown, in its legend entry and its tab. Over 24 h and in
   * the tick chart (whose few minutes are no period to measure a change over), the figure
   * every element of the page shows for the symbol: the quote's own 24 h change. Over other
   * ranges, the window's change, once its bars are in (a tab not selected has none: its
   * candles are not loaded). The percent axis draws from the same base.
   */
  private changeOf(symbol: string): number | null {
    const quote = this.connection.view.quotes.get(symbol);
    return this.countsFromOpen24h() && quote && quote.changePct24h !== null
      ? quote.changePct24h
      : (this.bars.get(symbol)?.changePct ?? null);
  }

  /** The index in `known` of the tab selected: `selected`'s, else the first. */
  private selectedIndex(known: readonly string[]): number {
    const [wanted] = this.symbolsOf(this.selected).symbols;
    return Math.max(0, wanted ? known.indexOf(wanted) : 0);
  }

  /** A tab per symbol (roving tabindex: the selected one is in the page's tab order). */
  private renderTabs(words: Messages) {
    return html`<div
      part="tabs"
      class="tabs"
      role="tablist"
      aria-label=${words.tabsLabel}
      @keydown=${this.onTabKey}
      @scroll=${this.markScrollEdges}
      @wheel=${this.onLegendWheel}
      @pointerdown=${this.onTabsPointerDown}
    >
      ${this.tabs.map((symbol, index) => {
        const selected = symbol === this.shown[0];
        return html`<button
          type="button"
          part="tab"
          role="tab"
          id=${`tab-${index}`}
          aria-selected=${selected ? 'true' : 'false'}
          aria-controls="panel"
          tabindex=${selected ? '0' : '-1'}
          @click=${() => this.pickSymbol(symbol)}
        >
          <span class="symbol">${this.mark(symbol)}</span>
          <span class="figures">${this.renderFigures(symbol, words, 'visually-hidden')}</span>
        </button>`;
      })}
    </div>`;
  }

  private renderRangeButtons(shown: ChartRange, words: Messages) {
    const offered = this.ranges
      .split(',')
      .map((range) => range.trim().toLowerCase())
      .filter(isChartRange);
    if (offered.length === 0) return nothing;
    return html`<div part="ranges" class="ranges" role="group" aria-label=${words.rangesLabel}>
      ${offered.map(
        (range) =>
          html`<button type="button" aria-pressed=${range === shown ? 'true' : 'false'} @click=${() => this.pickRange(range)}>
            ${words.ranges[range]}
          </button>`,
      )}
    </div>`;
  }

  /**
   * What the axis shows, in few words: the range itself is on the buttons and in the label;
   * the tick chart says what its points are (every update) and how far back it reaches.
   */
  private footerText(range: ChartRange, words: Messages): string {
    const quote = this.shownCurrency();
    const percent = this.effectiveScale() === 'percent';
    if (range === 'live') {
      const minutes = new Intl.NumberFormat(this.locale || undefined).format(TICK_WINDOW.minutes);
      return percent
        ? words.percentEveryUpdate(words.periods['24h'], minutes)
        : words.pricesEveryUpdate(quote, minutes);
    }
    if (percent) return words.percentOver(words.periods[range]);
    return words.pricesInBuckets(quote, CANDLE_RANGES[range].resolution / 60);
  }

  /** True where changes count from the quote's `open24h`, as the card's do: over 24 h, and in the tick chart. */
  private countsFromOpen24h(): boolean {
    return this.shownRange === '24h' || this.shownRange === 'live';
  }

  /** The currency of the prices drawn: the first symbol's (several symbols draw percent). */
  private shownCurrency(): string {
    return parseInstrument(this.shown[0] ?? '').currency ?? this.connection.view.currency;
  }

  private pickRange(range: ChartRange): void {
    if (range === this.range) return;
    this.range = range;
    this.dispatchEvent(
      new CustomEvent('tickwire-range-change', {
        detail: { range },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private pickSymbol(symbol: string): void {
    if (symbol === this.shown[0]) return;
    this.selected = symbol;
    this.dispatchEvent(
      new CustomEvent('tickwire-symbol-change', {
        detail: { symbol },
        bubbles: true,
        composed: true,
      }),
    );
  }

  /** The tabs' keys: Left and Right in the reading direction, Home and End; selection follows focus. */
  private readonly onTabKey = (event: KeyboardEvent) => {
    const count = this.tabs.length;
    const at = this.tabs.indexOf(this.shown[0] ?? '');
    const forward = getComputedStyle(this).direction === 'rtl' ? -1 : 1;
    const to: Record<string, number> = {
      ArrowRight: (at + forward + count) % count,
      ArrowLeft: (at - forward + count) % count,
      Home: 0,
      End: count - 1,
    };
    const index = to[event.key];
    const symbol = index === undefined ? undefined : this.tabs[index];
    if (symbol === undefined) return;
    event.preventDefault();
    this.pickSymbol(symbol);
    this.renderRoot.querySelector<HTMLElement>(`#tab-${index}`)?.focus();
  };

  /**
   * Scrolls the tabs, not the page, so the tab selected is in view: `selected="SOL"` in a
   * narrow box shows SOL's tab, not the first ones. Tabs widen when their prices arrive, which
   * can push the selected one out of view again, so until the reader scrolls the row themselves
   * a change in its width scrolls again.
   */
  private revealSelectedTab(selectionChanged: boolean): void {
    const list = this.renderRoot.querySelector<HTMLElement>('.tabs');
    const tab = list?.querySelector<HTMLElement>('[aria-selected="true"]');
    if (!list || !tab) return;
    if (selectionChanged) this.readerScrolledTabs = false;
    else if (this.readerScrolledTabs || list.scrollWidth === this.revealedWidth) return;
    this.revealedWidth = list.scrollWidth;
    const box = list.getBoundingClientRect();
    const { left, right } = tab.getBoundingClientRect();
    if (left < box.left) list.scrollLeft -= box.left - left;
    else if (right > box.right) list.scrollLeft += right - box.right;
    this.markScrollEdges();
  }

  /** A row that scrolls (the legend of many, the tabs) fades at each edge with more beyond it. */
  private readonly markScrollEdges = () => {
    for (const row of this.renderRoot.querySelectorAll<HTMLElement>('.legend, .tabs')) {
      const scrolls = row.classList.contains('many') || row.classList.contains('tabs');
      // Negative on a right-to-left page, where the row starts at the right.
      const scrolled = Math.abs(row.scrollLeft);
      row.classList.toggle('more-start', scrolls && scrolled > 1);
      row.classList.toggle('more-end', scrolls && scrolled + row.clientWidth < row.scrollWidth - 1);
    }
  };

  /** A touch or a pen may drag the tab row: from then on, it stays where the reader left it. */
  private readonly onTabsPointerDown = () => {
    this.readerScrolledTabs = true;
  };

  /** A mouse wheel scrolls a one-row legend or the tabs sideways, as a trackpad does. */
  private readonly onLegendWheel = (event: WheelEvent) => {
    const legend = event.currentTarget as HTMLElement;
    this.readerScrolledTabs ||= legend.classList.contains('tabs');
    if (event.deltaX !== 0 || event.deltaY === 0 || legend.scrollWidth <= legend.clientWidth)
      return;
    const rtl = getComputedStyle(legend).direction === 'rtl';
    legend.scrollLeft += rtl ? -event.deltaY : event.deltaY;
    event.preventDefault();
  };

  private readonly onPlotKey = (event: KeyboardEvent) => {
    const steps: Record<string, number> = {
      ArrowLeft: -1,
      ArrowRight: 1,
      Home: Number.NEGATIVE_INFINITY,
      End: Number.POSITIVE_INFINITY,
    };
    if (event.key === 'Escape') return this.onPlotBlur();
    const delta = steps[event.key];
    if (delta === undefined || !this.renderer) return;
    event.preventDefault();
    this.readout = this.renderer.step(delta);
    this.announcement = this.readout
      ? `${this.readout.time}: ${this.readout.values.map(({ symbol, text }) => `${this.label(symbol)} ${text}`).join('; ')}`
      : '';
    this.requestUpdate();
  };

  private readonly onPlotBlur = () => {
    this.renderer?.clearCrosshair();
    this.readout = undefined;
    this.requestUpdate();
  };

  private effectiveScale(): ChartScale {
    if (this.scale === 'price' || this.scale === 'percent') return this.scale;
    return this.shown.length > 1 ? 'percent' : 'price';
  }

  private effectiveType(): ChartType {
    if (this.type === 'candles')
      return this.shown.length === 1 && this.shownRange !== 'live' ? 'candles' : 'line';
    return this.type === 'area' ? 'area' : 'line';
  }

  /**
   * Folds the stream's new points into the bars, in the update before rendering, so the
   * legend and the drawing show the same numbers in the same frame: bars built afresh when
   * what is drawn changed, else the buckets that moved (a window that slid is drawn afresh).
   */
  private foldBars(): void {
    const { view } = this.connection;
    const range = this.shownRange;
    const layout: ChartLayout = {
      symbols: this.shown,
      type: this.effectiveType(),
      scale: this.effectiveScale(),
      range,
      currency: this.shownCurrency(),
      labels: this.shown.map((symbol) => symbolLabel(symbol, this.impliedCurrency)),
    };
    const sources = range === 'live' ? view.snapshots : this.candles.received;
    const key = `${JSON.stringify(layout)}|${sources}`;
    if (key !== this.barsKey) {
      this.barsKey = key;
      this.drawing = layout;
      this.bars = new Map();
      for (const symbol of this.shown) {
        const answer = this.candles.answerOf(symbol);
        if (range !== 'live' && !answer) continue;
        const bars =
          range === 'live'
            ? SymbolBars.ticks()
            : new SymbolBars(
                CANDLE_RANGES[range].resolution * 1000,
                answer?.candles,
                bucketCount(range),
                (newestMs) => windowStart(range, newestMs),
              );
        bars.fold(view.history.get(symbol) ?? []);
        this.bars.set(symbol, bars);
      }
    } else {
      for (const [symbol, bars] of this.bars) {
        const { changed, slid } = bars.fold(view.history.get(symbol) ?? []);
        if (slid) this.redraw.add(symbol);
        else if (changed.length > 0)
          this.moved.set(symbol, [...(this.moved.get(symbol) ?? []), ...changed]);
      }
    }
    // Over 24 h and in the tick chart, changes count from the quote's open24h, as the card's
    // do; the base moves with the rolling window, and the line is drawn afresh when it does.
    for (const [symbol, bars] of this.bars) {
      const quote = view.quotes.get(symbol);
      const base = this.countsFromOpen24h() && quote ? (open24hOf(quote) ?? undefined) : undefined;
      if (base === bars.base) continue;
      bars.base = base;
      if (layout.scale === 'percent') this.redraw.add(symbol);
    }
  }

  /** Brings the drawing in line with the bars: in full when they were rebuilt, else what moved. */
  private syncChart(): void {
    if (!this.isConnected) return;
    if (!this.renderer) {
      this.loader.load();
      return;
    }
    if (this.drawing && this.drawnKey !== this.barsKey) {
      this.drawnKey = this.barsKey;
      this.renderer.setLayout(this.drawing);
      for (const [symbol, bars] of this.bars) this.drawBars(symbol, bars);
      this.renderer.fit();
    } else {
      for (const symbol of this.redraw) {
        const bars = this.bars.get(symbol);
        if (bars) this.drawBars(symbol, bars);
      }
      for (const [symbol, moved] of this.moved) {
        if (this.redraw.has(symbol)) continue;
        for (const bar of moved) this.renderer.updateBar(symbol, bar);
      }
      // Every update is a point of its own: the tick chart fits its window again as it grows
      // or slides, where a range's fixed count of buckets keeps its place.
      if (this.shownRange === 'live' && (this.redraw.size > 0 || this.moved.size > 0))
        this.renderer.fit();
    }
    this.redraw.clear();
    this.moved.clear();
    this.renderer.setDimmed(this.state === 'stale' || this.state === 'offline');
  }

  private drawBars(symbol: string, bars: SymbolBars): void {
    this.renderer?.setBars(symbol, bars.bars, bars.baseline ?? 1);
  }

  /** The theme as the chart library needs it, resolved from the element's own tokens. */
  private readTheme(): ChartTheme {
    return readChartTheme(this.renderRoot.querySelector<HTMLElement>('.probe'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chart': LiveChart;
  }
  interface GlobalEventHandlersEventMap {
    'tickwire-range-change': CustomEvent<{ range: LiveChart['range'] }>;
    'tickwire-symbol-change': CustomEvent<{ symbol: string }>;
  }
}
