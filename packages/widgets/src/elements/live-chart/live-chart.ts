import { html, nothing, type PropertyValues } from 'lit';
import { elementState } from '../../internal/element-state.js';
import { FeedElement } from '../../internal/feed-element.js';
import { direction, formatPercent, formatPrice } from '../../internal/format.js';
import { sharedStyles } from '../../internal/shared.styles.js';
import { stateBadge } from '../../internal/state-badge.js';
import { parseSymbols, symbolProblems } from '../../internal/symbols.js';
import type { ChartRenderer, ChartScale, ChartTheme } from './chart-renderer.js';
import { liveChartStyles } from './live-chart.styles.js';

const SERIES_COLOURS = 6;

/**
 * A live line chart of one or more assets, drawn with lightweight-charts (loaded only when a
 * chart is on the page). History comes with the stream's snapshot, then every tick is
 * appended. With several symbols the axis shows percent change, so they stay comparable.
 *
 * @tag live-chart
 * @summary A live chart: `<live-chart symbols="BTC,ETH">`.
 *
 * @csspart chart - The chart's box.
 * @csspart legend - Each symbol with its colour, latest price and 24 h change.
 * @csspart state - The state of the data, in words ("Live" only while it is).
 * @csspart simulated - The label on simulated (demo) prices.
 * @csspart plot - The drawing area.
 * @csspart message - Why some or all symbols cannot be shown.
 * @csspart footer - What the axis shows, and the chart library's credit.
 * @csspart credit - The link crediting TradingView's lightweight-charts.
 *
 * @cssproperty [--tickwire-series-1=#1d5fd6] - Colour of the first line (up to `--tickwire-series-6`).
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
export class LiveChart extends FeedElement {
  static override styles = [sharedStyles, liveChartStyles];

  static override properties = {
    symbols: { type: String, reflect: true },
    scale: { type: String, reflect: true },
  };

  /** Comma-separated assets, such as `BTC,ETH`; case-insensitive. */
  declare symbols: string;
  /** `percent` change (comparable assets) or `price`; `auto` is percent for several symbols. */
  declare scale: 'auto' | 'price' | 'percent';

  private shown: string[] = [];
  private problem: string | undefined;
  private renderer: ChartRenderer | undefined;
  private loadingRenderer = false;
  /** What the chart currently draws: redraw from scratch when either changes. */
  private drawn = { symbols: '', scale: '', snapshots: -1 };
  private readonly darkScheme = matchMedia('(prefers-color-scheme: dark)');
  private readonly onSchemeChange = () => this.renderer?.setTheme(this.readTheme());

  constructor() {
    super();
    this.symbols = '';
    this.scale = 'auto';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.darkScheme.addEventListener('change', this.onSchemeChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.darkScheme.removeEventListener('change', this.onSchemeChange);
    // The chart holds a canvas, a ResizeObserver and timers: give them back with the element.
    this.renderer?.dispose();
    this.renderer = undefined;
    this.drawn = { symbols: '', scale: '', snapshots: -1 };
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const { symbols, malformed } = parseSymbols(this.symbols);
    this.connection.watch(this.relayUrl, symbols);
    const { view } = this.connection;
    this.shown = symbols.filter((symbol) => !view.unknown.has(symbol));
    this.problem = this.connection.problem ?? symbolProblems(symbols, malformed, view.unknown);
    this.state = elementState(view, symbols, this.connection.problem);
  }

  protected override render() {
    const { view } = this.connection;
    const simulated = this.shown.some((symbol) => view.quotes.get(symbol)?.source === 'demo');
    return html`<figure part="chart" class="panel surface" aria-label=${`Price chart: ${this.shown.join(', ') || 'no symbols'}`}>
      <header>
        <ul part="legend" class="legend">
          ${this.shown.map((symbol, index) => this.renderLegendItem(symbol, index))}
        </ul>
        <span class="header-end">
          ${simulated ? html`<span part="simulated" class="simulated" title="Simulated prices, not from an exchange">Simulated</span>` : nothing}
          ${stateBadge(this.state)}
        </span>
      </header>
      <div part="plot" class="plot" aria-hidden="true"></div>
      <span class="probe" aria-hidden="true"></span>
      ${this.problem ? html`<p part="message" class="message">${this.problem}</p>` : nothing}
      <p part="footer" class="note">
        <span>${this.effectiveScale() === 'percent' ? 'Change in % since the first point shown.' : `Prices in ${view.quote}.`}</span>
        <a part="credit" href="https://www.tradingview.com/" target="_blank" rel="noopener">Charts by TradingView</a>
      </p>
    </figure>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('theme')) this.renderer?.setTheme(this.readTheme());
    this.syncChart();
  }

  private renderLegendItem(symbol: string, index: number) {
    const quote = this.connection.view.quotes.get(symbol);
    const trend = quote ? direction(quote.changePct24h) : 'flat';
    return html`<li>
      <span class="swatch series-${(index % SERIES_COLOURS) + 1}" aria-hidden="true"></span>
      <span class="symbol">${symbol}</span>
      ${
        quote
          ? html`<span>${formatPrice(quote.price, this.connection.view.quote, this.locale)}</span>
              <span class=${trend}>${formatPercent(quote.changePct24h, this.locale)}</span>`
          : html`<span>—</span>`
      }
    </li>`;
  }

  private effectiveScale(): ChartScale {
    if (this.scale === 'price' || this.scale === 'percent') return this.scale;
    return this.shown.length > 1 ? 'percent' : 'price';
  }

  /** Brings the drawing in line with the view: a full redraw after a snapshot, else appended ticks. */
  private syncChart(): void {
    if (!this.isConnected) return;
    if (!this.renderer) {
      void this.loadRenderer();
      return;
    }
    const { view } = this.connection;
    const symbols = this.shown.join(',');
    const scale = this.effectiveScale();
    const redraw =
      symbols !== this.drawn.symbols ||
      scale !== this.drawn.scale ||
      view.snapshots !== this.drawn.snapshots;
    if (symbols !== this.drawn.symbols) this.renderer.setSymbols(this.shown);
    if (scale !== this.drawn.scale) this.renderer.setScale(scale);
    for (const symbol of this.shown) {
      const points = view.history.get(symbol) ?? [];
      if (redraw) this.renderer.draw(symbol, points);
      else this.renderer.append(symbol, points);
    }
    if (redraw) this.renderer.fit();
    this.drawn = { symbols, scale, snapshots: view.snapshots };
  }

  private async loadRenderer(): Promise<void> {
    if (this.loadingRenderer) return;
    this.loadingRenderer = true;
    try {
      const { ChartRenderer } = await import('./chart-renderer.js');
      const plot = this.renderRoot.querySelector<HTMLElement>('.plot');
      if (!this.isConnected || this.renderer || !plot) return;
      this.renderer = new ChartRenderer(plot, this.readTheme(), this.locale);
      this.syncChart();
    } catch {
      this.problem = 'The chart could not be loaded.';
      this.state = 'error';
      this.requestUpdate();
    } finally {
      this.loadingRenderer = false;
    }
  }

  /**
   * The theme's colours as the chart library needs them: resolved values, not `var()` or
   * `light-dark()`. A hidden probe resolves each token through the CSSOM (fine under a strict CSP).
   */
  private readTheme(): ChartTheme {
    const probe = this.renderRoot.querySelector<HTMLElement>('.probe');
    const resolve = (token: string) => {
      if (!probe) return '';
      probe.style.color = `var(${token})`;
      return getComputedStyle(probe).color;
    };
    return {
      text: resolve('--_muted'),
      grid: resolve('--_border'),
      font: getComputedStyle(this).fontFamily,
      series: Array.from({ length: SERIES_COLOURS }, (_, index) =>
        resolve(`--_series-${index + 1}`),
      ),
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chart': LiveChart;
  }
}
