import { html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Row } from '../../feed/asset-rows.js';
import { AssetListElement } from '../../internal/asset-list-element.js';
import { namedLabel } from '../../internal/asset-names.js';
import { formatPercent, formatPrice } from '../../internal/format.js';
import { formatCompact } from '../../internal/format-compact.js';
import { panelHeaderStyles } from '../../internal/panel-header.styles.js';
import { sharedStyles } from '../../internal/shared.styles.js';
import { symbolLabel } from '../../internal/symbols.js';
import { cssProperties } from './css-properties.js';
import { HEATMAP_RANGES, type HeatmapRange, tileColours } from './heatmap-colours.js';
import { changeOf, labelFit } from './heatmap-tiles.js';
import { priceHeatmapStyles } from './price-heatmap.styles.js';
import {
  type Direction,
  needsRelayout,
  neighbour,
  type Rect,
  type Sized,
  squarify,
} from './treemap.js';

const KEYS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/**
 * A market heatmap, CoinGecko's and TradingView's from your own relay: a tile per asset, its
 * area in proportion to its market cap (a squarified treemap), its colour the change over
 * `range` — blue for a rise, orange for a fall, a pair colour-blind readers tell apart — with
 * the symbol and the change written on every tile large enough to hold them legibly. Hover or
 * focus shows the asset's name, price, change and market cap. Arrow keys move between tiles;
 * to a screen reader it is a grid of assets with their figures. Prices and changes move live;
 * tiles keep their places until a market cap changes rank or size materially.
 *
 * @tag price-heatmap
 * @summary A market heatmap: `<price-heatmap top="20">` or `<price-heatmap symbols="BTC,ETH,SOL">`.
 *
 * @csspart box - The heatmap's box.
 * @csspart header - The title, the simulated label and the state.
 * @csspart title - The heatmap's title.
 * @csspart state - The state of the data, in words.
 * @csspart simulated - The label on simulated (demo) prices or figures.
 * @csspart message - Symbols that cannot be shown, or why the heatmap is empty.
 * @csspart note - What the heatmap shows instead when the relay has no market caps.
 * @csspart map - The area the tiles fill.
 * @csspart tile - Each asset's tile.
 * @csspart tooltip - The facts of the tile under the pointer or in focus.
 *
 * @cssproperty [--tickwire-bg=#ffffff] - Background (dark theme: #161b22).
 * @cssproperty [--tickwire-fg=#111827] - Text colour.
 * @cssproperty [--tickwire-muted=#556070] - Secondary text.
 * @cssproperty [--tickwire-border=#d9dde3] - Borders.
 * @cssproperty [--tickwire-warn=#8a5a00] - Stale data, the simulated label.
 * @cssproperty [--tickwire-accent=#1d5fd6] - The focus ring and the paused state.
 * @cssproperty [--tickwire-radius=0.75rem] - Corner radius.
 * @cssproperty [--tickwire-space=0.75rem] - Inner spacing.
 * @cssproperty [--tickwire-font=system-ui] - Font family.
 * @cssproperty [--tickwire-font-size=1rem] - Base font size.
 */
export class PriceHeatmap extends AssetListElement {
  static override styles = [sharedStyles, panelHeaderStyles, priceHeatmapStyles];

  static override properties = {
    range: { type: String, reflect: true },
  };

  /**
   * The change tiles are coloured by and written with: `1h`, `24h` or `7d` (1 h and 7 d come
   * from the relay's facts).
   * @defaultValue '24h'
   */
  // Spelled out, not HeatmapRange: the manifest, and the editors' and frameworks' types made
  // from it, list the values.
  declare range: '1h' | '24h' | '7d';

  /** What the tiles were last laid out for, and where they are, by symbol (0–1 of the map). */
  private laidOut: { sized: Sized[]; width: number; height: number; rtl: boolean } | undefined;
  private places = new Map<string, Rect>();
  /** The map's size, px, from the ResizeObserver. */
  private size = { width: 0, height: 0 };
  private resizes: ResizeObserver | undefined;
  /** The tile with the roving tab stop, and the one whose facts show. */
  private current: string | undefined;
  private shownFacts: string | undefined;
  /** The reader's pointer or focus is in the map: tiles keep their places and order. */
  private pointerIn = false;
  private focusIn = false;

  private shown = {
    rows: [] as Row[],
    /** The rows drawn as tiles: none until they can be placed for good. */
    tiles: [] as Row[],
    problem: undefined as string | undefined,
    note: undefined as string | undefined,
  };

  constructor() {
    super();
    this.range = '24h';
  }

  /** The range asked for, or 24 h when the attribute names none of them. */
  private get shownRange(): HeatmapRange {
    return (HEATMAP_RANGES as readonly string[]).includes(this.range) ? this.range : '24h';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizes?.disconnect();
    this.resizes = undefined;
  }

  protected override firstUpdated(): void {
    this.observeSize();
  }

  /** Follows the map's size: tiles are laid out again for a box of another shape. */
  private observeSize(): void {
    const map = this.renderRoot.querySelector('.map');
    if (!map || this.resizes || typeof ResizeObserver === 'undefined') return;
    this.resizes = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      if (width === this.size.width && height === this.size.height) return;
      this.size = { width, height };
      this.requestUpdate();
    });
    this.resizes.observe(map);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.observeSize();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const { rows, problem, note } = this.readAssets();
    const hasCaps = rows.some((row) => row.marketCap !== undefined);
    const sorted = this.arrange(rows, hasCaps);
    // A relay that answered without facts has none; one that cannot be reached is only offline.
    const withoutCaps =
      !hasCaps && rows.length > 0 && this.facts === null && this.state !== 'offline';
    // Tiles wait for the map's size and the relay's answer on market caps (or that it has
    // none): drawn before, they would all move once these come, a layout shift on the page.
    const ready = this.size.width > 0 && this.size.height > 0 && this.facts !== undefined;
    this.shown = {
      rows: sorted,
      tiles: ready ? sorted : [],
      problem,
      note: note ?? (withoutCaps ? this.words.heatmapEqualSizes : undefined),
    };
    if (ready) this.layOut(sorted, hasCaps);
  }

  /**
   * Largest first: the reading order of the grid, and the treemap's. While the reader's
   * pointer or focus is in the map, the order of the last layout: a tile must not move from
   * under a pointer about to reach it, or from a screen reader's row. Tiles come and go.
   */
  private arrange(rows: readonly Row[], hasCaps: boolean): Row[] {
    const last = this.laidOut?.sized.map((s) => s.key);
    if (this.held && last && sameSet(last, rows)) {
      const place = new Map(last.map((key, index) => [key, index]));
      return [...rows].sort((a, b) => place.get(a.symbol)! - place.get(b.symbol)!);
    }
    return hasCaps ? [...rows].sort((a, b) => (b.marketCap ?? 0) - (a.marketCap ?? 0)) : [...rows];
  }

  private get held(): boolean {
    return this.pointerIn || this.focusIn;
  }

  private hold(pointer: boolean | undefined, focus: boolean | undefined): void {
    const before = this.held;
    if (pointer !== undefined) this.pointerIn = pointer;
    if (focus !== undefined) this.focusIn = focus;
    // Leaving lets the tiles take their places.
    if (before && !this.held) this.requestUpdate();
  }

  /** Lays the tiles out again when the set, an order by size, a size or the box changed materially. */
  private layOut(rows: readonly Row[], hasCaps: boolean): void {
    // Until its market cap is known a tile is the smallest known one's size, not none.
    const smallest = hasCaps ? minimumCap(rows) : 1;
    const sized = rows.map((row) => ({
      key: row.symbol,
      weight: hasCaps ? (row.marketCap ?? smallest) : 1,
    }));
    const { width, height } = this.size;
    const before = this.laidOut;
    if (
      before &&
      before.width === width &&
      before.height === height &&
      before.rtl === rightToLeft(this) &&
      (!needsRelayout(before.sized, sized) ||
        (this.held &&
          sameSet(
            before.sized.map((s) => s.key),
            rows,
          )))
    )
      return;
    const rtl = rightToLeft(this);
    this.laidOut = { sized, width, height, rtl };
    // Laid out in pixels, for the tiles' shape; placed in fractions, so a resize between two
    // layouts stretches them rather than spilling over.
    const rects = squarify(
      sized.map((s) => s.weight),
      { x: 0, y: 0, width: width || 1, height: height || 1 },
    );
    this.places = new Map(
      sized.map((s, i) => {
        const r = rects[i]!;
        const [w, h] = [width || 1, height || 1];
        const [x, across] = [r.x / w, r.width / w];
        // Right to left, the largest tile starts at the top right, where reading starts.
        const place = {
          x: rtl ? 1 - x - across : x,
          y: r.y / h,
          width: across,
          height: r.height / h,
        };
        return [s.key, place];
      }),
    );
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    const { tiles: rows } = this.shown;
    if (rows.length === 0) return;
    const from = Math.max(
      0,
      rows.findIndex((row) => row.symbol === this.current),
    );
    let to = from;
    const direction = KEYS[event.key];
    if (direction) {
      const rects = rows.map((row) => this.places.get(row.symbol) ?? ZERO);
      // Across the box in pixels, so that a move right is a move right on a wide map too.
      const { width, height } = this.size;
      const scaled = rects.map((r) => ({
        x: r.x * width,
        y: r.y * height,
        width: r.width * width,
        height: r.height * height,
      }));
      to = neighbour(scaled, from, direction);
    } else if (event.key === 'Home') to = 0;
    else if (event.key === 'End') to = rows.length - 1;
    else return;
    event.preventDefault();
    this.focusTile(rows[to]!.symbol);
  };

  private focusTile(symbol: string): void {
    this.current = symbol;
    this.shownFacts = symbol;
    this.requestUpdate();
    void this.updateComplete.then(() => {
      this.renderRoot
        .querySelector<HTMLElement>(`[data-symbol="${CSS.escape(symbol)}"] .face`)
        ?.focus();
    });
  }

  private showFacts(symbol: string | undefined): void {
    if (this.shownFacts === symbol) return;
    this.shownFacts = symbol;
    this.requestUpdate();
  }

  protected override render() {
    const { words } = this;
    const { tiles: rows } = this.shown;
    const range = this.shownRange;
    const current = rows.some((row) => row.symbol === this.current)
      ? this.current
      : rows[0]?.symbol;
    const facts = rows.find((row) => row.symbol === this.shownFacts);
    return html`<section part="box" class="box panel surface" aria-labelledby="title">
      ${this.renderTop(
        words.heatmapLabel,
        this.shown,
        html`<span class="range">${words.periods[range]}</span>`,
      )}
      <div
        part="map"
        class="map"
        role=${rows.length ? 'grid' : nothing}
        aria-labelledby=${rows.length ? 'title' : nothing}
        @keydown=${this.onKeyDown}
        @pointerenter=${() => this.hold(true, undefined)}
        @pointerleave=${() => {
          this.hold(false, undefined);
          this.showFacts(this.focusedTile());
        }}
        @focusin=${() => this.hold(undefined, true)}
        @focusout=${(event: FocusEvent) => {
          const next = event.relatedTarget as Node | null;
          const inside = !!next && this.renderRoot.contains(next);
          this.hold(undefined, inside);
          if (!inside) this.showFacts(undefined);
        }}
      >
        ${
          rows.length
            ? html`<div role="row" class="visually-hidden">
                <span role="columnheader">${words.columns.asset}</span>
                <span role="columnheader">${words.periods[range]}</span>
                <span role="columnheader">${words.columns.price}</span>
                <span role="columnheader">${words.columns.marketCap}</span>
              </div>`
            : nothing
        }
        ${repeat(
          rows,
          (row) => row.symbol,
          (row) => this.renderTile(row, range, row.symbol === current),
        )}
        ${facts ? this.renderFacts(facts, range) : nothing}
      </div>
    </section>`;
  }

  /** The symbol of the tile in focus, if one is. */
  private focusedTile(): string | undefined {
    const active = (this.renderRoot as ShadowRoot).activeElement;
    return active?.closest<HTMLElement>('[data-symbol]')?.dataset.symbol;
  }

  private renderTile(row: Row, range: HeatmapRange, tabStop: boolean) {
    const { locale } = this;
    const place = this.places.get(row.symbol) ?? ZERO;
    const change = changeOf(row, range);
    const { fill, ink } = tileColours(change, range);
    const label = symbolLabel(row.symbol, this.impliedCurrency);
    const changeText = change === undefined ? '—' : formatPercent(change, locale);
    const priceText = row.price === undefined ? '—' : formatPrice(row.price, row.currency, locale);
    const capText =
      row.marketCap === undefined ? '—' : formatCompact(row.marketCap, row.currency, locale);
    const fit = labelFit(
      place.width * this.size.width,
      place.height * this.size.height,
      Math.max(label.length, changeText.length),
      priceText.length,
    );
    const style = cssProperties({
      left: `${place.x * 100}%`,
      top: `${place.y * 100}%`,
      width: `${place.width * 100}%`,
      height: `${place.height * 100}%`,
      '--fill': fill,
      '--ink': ink,
      '--label-px': `${fit.fontPx}px`,
    });
    return html`<div
      role="row"
      part="tile"
      class="tile ${row.stale ? 'stale' : ''}"
      data-symbol=${row.symbol}
      ${style}
      @pointerenter=${() => this.showFacts(row.symbol)}
    >
      <span
        role="rowheader"
        class="face"
        tabindex=${tabStop ? 0 : -1}
        @focus=${() => {
          this.current = row.symbol;
          this.showFacts(row.symbol);
        }}
      >
        ${
          fit.lines > 0
            ? html`<span class="label" aria-hidden="true">
                <span class="symbol">${label}</span>
                <bdi class="change">${changeText}</bdi>
                ${fit.lines === 3 && row.price !== undefined ? html`<bdi class="price">${priceText}</bdi>` : nothing}
              </span>`
            : nothing
        }
        <span class="visually-hidden">${namedLabel(row.name, label)}</span>
      </span>
      <span role="gridcell" class="visually-hidden">${changeText}</span>
      <span role="gridcell" class="visually-hidden">${priceText}</span>
      <span role="gridcell" class="visually-hidden">${capText}</span>
    </div>`;
  }

  /** The facts of the tile under the pointer or in focus, beside it, inside the map. */
  private renderFacts(row: Row, range: HeatmapRange) {
    const { locale, words } = this;
    const place = this.places.get(row.symbol) ?? ZERO;
    const change = changeOf(row, range);
    // Above the tile's middle when it is in the lower half, else below: never off the map.
    const below = place.y + place.height / 2 < 0.5;
    const left = Math.min(Math.max(place.x + place.width / 2, 0.2), 0.8);
    const style = cssProperties({
      left: `${left * 100}%`,
      ...(below
        ? { top: `${(place.y + place.height / 2) * 100}%` }
        : { bottom: `${(1 - place.y - place.height / 2) * 100}%` }),
    });
    const label = symbolLabel(row.symbol, this.impliedCurrency);
    return html`<div part="tooltip" class="tooltip" aria-hidden="true" ${style}>
      <strong>${row.name ? html`${row.name} <span class="muted">${label}</span>` : label}</strong>
      <dl>
        <dt>${words.columns.price}</dt>
        <dd><bdi>${row.price === undefined ? '—' : formatPrice(row.price, row.currency, locale)}</bdi></dd>
        <dt>${words.periods[range]}</dt>
        <dd><bdi>${change === undefined ? '—' : formatPercent(change, locale)}</bdi></dd>
        <dt>${words.columns.marketCap}</dt>
        <dd><bdi>${row.marketCap === undefined ? '—' : formatCompact(row.marketCap, row.currency, locale)}</bdi></dd>
      </dl>
    </div>`;
  }
}

const ZERO: Rect = { x: 0, y: 0, width: 0, height: 0 };

/** Whether `keys` are the symbols of `rows`, in any order. */
function sameSet(keys: readonly string[], rows: readonly Row[]): boolean {
  const set = new Set(keys);
  return keys.length === rows.length && rows.every((row) => set.has(row.symbol));
}

/** Whether `element` reads right to left (`:dir()` is newer than the rest of what we use). */
function rightToLeft(element: Element): boolean {
  try {
    return element.matches(':dir(rtl)');
  } catch {
    return getComputedStyle(element).direction === 'rtl';
  }
}

/** The smallest market cap among `rows`, for a tile whose own is not known yet. */
function minimumCap(rows: readonly Row[]): number {
  return Math.min(...rows.flatMap((row) => (row.marketCap === undefined ? [] : [row.marketCap])));
}

declare global {
  interface HTMLElementTagNameMap {
    'price-heatmap': PriceHeatmap;
  }
}
