import { html, nothing, type PropertyValues } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Row } from '../../feed/asset-rows.js';
import { AssetListElement } from '../../internal/asset-list-element.js';
import { assetLogo, assetLogoStyles } from '../../internal/asset-logo.js';
import { ARROWS, direction, formatPercent, formatPrice } from '../../internal/format.js';
import { formatCompact, formatCount } from '../../internal/format-compact.js';
import type { Messages } from '../../internal/messages.js';
import { panelHeaderStyles } from '../../internal/panel-header.styles.js';
import { sharedStyles } from '../../internal/shared.styles.js';
import { sparkline } from '../../internal/sparkline.js';
import { symbolLabel } from '../../internal/symbols.js';
import { marketTableStyles } from './market-table.styles.js';
import {
  COLUMNS,
  type ColumnId,
  columnsWithData,
  firstDirection,
  lineSpan,
  type SortDirection,
  type SortKey,
  sortRows,
  sortValue,
} from './table-rows.js';

/**
 * A table of assets, CoinGecko's coin list from your own relay: rank, logo, name and symbol,
 * live price, 1 h, 24 h and 7 d change, market cap (circulating supply × the live price),
 * 24 h volume and the 7-day line. Names, logos, market figures and 7-day lines come from the
 * relay's `/v1/assets`, asked once per page for the whole table and again every few minutes; a
 * relay without them leaves those columns out (never a made-up figure), and the table shows
 * what the stream carries: price, 24 h change and, where no row has a week, the 24 h line,
 * headed as such.
 * Headers sort (pointer or keyboard); prices move without reordering rows while the reader's
 * pointer or focus is in the table; narrow boxes drop columns by priority, down to asset,
 * price and 24 h at 200 px.
 *
 * @tag market-table
 * @summary A sortable market table: `<market-table top="20">` or `<market-table symbols="BTC,ETH">`.
 *
 * @csspart box - The table's box.
 * @csspart header - The title, the simulated label and the state.
 * @csspart title - The table's title.
 * @csspart state - The state of the data, in words.
 * @csspart simulated - The label on simulated (demo) prices or figures.
 * @csspart message - Symbols that cannot be shown, or why the table is empty.
 * @csspart note - What the table shows instead when the relay cannot rank by market cap.
 * @csspart table - The `<table>`.
 * @csspart sort - Each header's sort button.
 * @csspart row - Each asset's row.
 * @csspart logo - Each asset's logo, served by the relay.
 * @csspart sparkline - Each row's line: of the last 7 days, or 24 h where the relay has no 7-day lines.
 *
 * @cssproperty [--tickwire-bg=#ffffff] - Background (dark theme: #161b22).
 * @cssproperty [--tickwire-fg=#111827] - Text colour.
 * @cssproperty [--tickwire-muted=#556070] - Secondary text.
 * @cssproperty [--tickwire-border=#d9dde3] - Borders and row separators.
 * @cssproperty [--tickwire-up=#0a7d38] - Rising prices.
 * @cssproperty [--tickwire-down=#c22a2a] - Falling prices, errors.
 * @cssproperty [--tickwire-warn=#8a5a00] - Stale data, the simulated label.
 * @cssproperty [--tickwire-accent=#1d5fd6] - Focus rings, the sorted column and the paused state.
 * @cssproperty [--tickwire-radius=0.75rem] - Corner radius.
 * @cssproperty [--tickwire-space=0.75rem] - Inner spacing.
 * @cssproperty [--tickwire-font=system-ui] - Font family.
 * @cssproperty [--tickwire-font-size=1rem] - Base font size.
 */
export class MarketTable extends AssetListElement {
  static override styles = [sharedStyles, panelHeaderStyles, assetLogoStyles, marketTableStyles];

  /** The reader's sort; none = the attribute's order, or the rank for `top`. */
  private sort: { key: SortKey; dir: SortDirection } | undefined;
  /** The reader's pointer or focus is in the table: rows keep their places. */
  private pointerIn = false;
  private focusIn = false;
  /** The order rows were last shown in, by symbol. */
  private order: string[] = [];
  /** What the last sort was of: the sort, and each row's symbol and value in it. */
  private sortedOf = '';
  /** The reader sorted: reorder now, even while they are in the table. */
  private sortedByReader = false;

  /** What this render shows, worked out in `willUpdate`. */
  private shown = {
    rows: [] as Row[],
    columns: new Set<ColumnId>(),
    span: '24h' as '7d' | '24h',
    problem: undefined as string | undefined,
    note: undefined as string | undefined,
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('symbols') || changed.has('top')) this.sort = undefined;
    const { rows, problem, note } = this.readAssets();
    this.shown = {
      rows: this.arrange(rows),
      columns: columnsWithData(rows),
      span: lineSpan(rows),
      problem,
      note,
    };
  }

  /**
   * The rows in the reader's order — or, while their pointer or focus is in the table, in the
   * places they had: a row must not move from under a pointer about to click it, or from
   * beside the cell a screen reader is reading. Rows come and go; only their order waits.
   */
  private arrange(rows: Row[]): Row[] {
    const held = (this.pointerIn || this.focusIn) && !this.sortedByReader;
    this.sortedByReader = false;
    const place = new Map(this.order.map((symbol, index) => [symbol, index]));
    const inPlace = (list: Row[]) =>
      list
        .map((row, index) => ({ row, at: place.get(row.symbol) ?? this.order.length + index }))
        .sort((a, b) => a.at - b.at)
        .map(({ row }) => row);
    // Held rows keep their places and the sort waits: it runs when the reader leaves.
    const next = !held && this.orderChanged(rows) ? this.sorted(rows) : inPlace(rows);
    this.order = next.map((row) => row.symbol);
    return next;
  }

  /** The rows in the reader's sort, else the rank for `top`, else the attribute's order. */
  private sorted(rows: Row[]): Row[] {
    if (this.sort) return sortRows(rows, this.sort.key, this.sort.dir);
    return this.topCount ? sortRows(rows, 'rank', 'ascending') : rows;
  }

  /**
   * Whether anything the order depends on changed since the rows were last sorted: the sort,
   * the rows, or a figure sorted by. A price tick moves no row of a table sorted by name.
   */
  private orderChanged(rows: Row[]): boolean {
    const key = this.sort?.key ?? (this.topCount ? 'rank' : undefined);
    const of = `${key}|${this.sort?.dir}|${rows.map((row) => `${row.symbol}:${key ? sortValue(row, key) : ''}`).join(',')}`;
    if (of === this.sortedOf) return false;
    this.sortedOf = of;
    return true;
  }

  /** Sorts by `key`: a first click in the column's natural direction, the next one reversed. */
  private sortBy(key: SortKey): void {
    this.sort =
      this.sort?.key === key
        ? { key, dir: this.sort.dir === 'ascending' ? 'descending' : 'ascending' }
        : { key, dir: firstDirection(key) };
    this.sortedByReader = true;
    this.requestUpdate();
  }

  /** The column's `aria-sort`: only the sorted one has it (ARIA: one at a time). */
  private sortOf(key: ColumnId): SortDirection | undefined {
    if (this.sort) return this.sort.key === key ? this.sort.dir : undefined;
    return this.topCount && key === 'rank' ? 'ascending' : undefined;
  }

  private hold(pointer: boolean | undefined, focus: boolean | undefined): void {
    const before = this.pointerIn || this.focusIn;
    if (pointer !== undefined) this.pointerIn = pointer;
    if (focus !== undefined) this.focusIn = focus;
    // Leaving lets the rows take their order.
    if (before && !(this.pointerIn || this.focusIn)) this.requestUpdate();
  }

  private readonly onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    this.hold(undefined, !!next && this.renderRoot.contains(next));
  };

  protected override render() {
    const { words } = this;
    const { rows, columns, span } = this.shown;
    const shown = COLUMNS.filter((column) => columns.has(column));
    const shownKey = `${shown.join()}|${span}`;
    // With only the stream's columns there is room for the line sooner.
    const sparse = !columns.has('marketCap') && !columns.has('rank');
    return html`<section part="box" class="box panel surface ${sparse ? 'sparse' : ''}" aria-labelledby="title">
      ${this.renderTop(words.tableLabel, this.shown)}
      ${
        rows.length === 0
          ? nothing
          : html`<div class="scroll"><table
              part="table"
              aria-labelledby="title"
              @pointerenter=${() => this.hold(true, undefined)}
              @pointerleave=${() => this.hold(false, undefined)}
              @focusin=${() => this.hold(undefined, true)}
              @focusout=${this.onFocusOut}
            >
              <thead>
                <tr>${shown.map((column) => this.renderHeader(column))}</tr>
              </thead>
              <tbody>
                ${repeat(
                  rows,
                  (row) => row.symbol,
                  // A row is drawn again only when its figures or what it is drawn with change.
                  (row) =>
                    guard([row, shownKey, this.locale, words, this.impliedCurrency], () =>
                      this.renderRow(row, shown, words, span),
                    ),
                )}
              </tbody>
            </table></div>`
      }
    </section>`;
  }

  /** A column's header: a button that sorts by it, but for the line's. */
  private renderHeader(column: ColumnId) {
    const { words } = this;
    const label =
      column === 'change1h'
        ? words.periods['1h']
        : column === 'change24h'
          ? words.periods['24h']
          : column === 'change7d'
            ? words.periods['7d']
            : column === 'chart' && this.shown.span === '7d'
              ? words.columns.chart7d
              : words.columns[column];
    if (column === 'chart') return html`<th scope="col" class="col-${column}">${label}</th>`;
    const sorted = this.sortOf(column);
    // The rank reads "#" on screen, its word to screen readers.
    const text =
      column === 'rank'
        ? html`<span aria-hidden="true">#</span><span class="visually-hidden">${label}</span>`
        : label;
    return html`<th scope="col" class="col-${column}" aria-sort=${sorted ?? nothing}>
      <button part="sort" type="button" class="sort ${sorted ?? ''}" @click=${() => this.sortBy(column)}>
        ${text}<span class="arrow" aria-hidden="true">${sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}</span>
      </button>
    </th>`;
  }

  private renderRow(row: Row, columns: readonly ColumnId[], words: Messages, span: '7d' | '24h') {
    return html`<tr part="row" class=${row.stale ? 'stale' : ''}>
      ${columns.map((column) => this.renderCell(row, column, words, span))}
    </tr>`;
  }

  private renderCell(row: Row, column: ColumnId, words: Messages, span: '7d' | '24h') {
    const { locale } = this;
    const cell = (content: unknown) => html`<td class="col-${column}">${content}</td>`;
    switch (column) {
      case 'rank':
        return cell(html`<bdi>${formatCount(row.rank, locale)}</bdi>`);
      case 'asset':
        return html`<th scope="row" class="col-asset">
          <span class="asset">
            ${
              // Decorative: the name beside it says what it is (alt="").
              assetLogo(row.asset, row.logo)
            }
            ${row.name ? html`<span class="name">${row.name}</span>` : nothing}
            <span class="symbol">${symbolLabel(row.symbol, this.impliedCurrency)}</span>
          </span>
        </th>`;
      case 'price':
        return cell(
          row.price === undefined
            ? html`<span class="flat">—</span>`
            : html`<bdi>${formatPrice(row.price, row.currency, locale)}</bdi>`,
        );
      case 'change1h':
      case 'change24h':
      case 'change7d':
        return cell(change(row[column], locale));
      case 'marketCap':
        return cell(html`<bdi>${formatCompact(row.marketCap, row.currency, locale)}</bdi>`);
      case 'volume':
        return cell(html`<bdi>${formatCompact(row.volume, row.currency, locale)}</bdi>`);
      case 'chart': {
        // One span for the column, as its header says: a row without that line has none.
        const line = span === '7d' ? row.line7d : row.line;
        const period = span === '7d' ? words.periods['7d'] : words.period24h;
        return cell(
          line && row.price !== undefined ? sparkline(line, row.price, words, period) : nothing,
        );
      }
    }
  }
}

/** A percent change with its arrow and colour; a dash when the source has none. */
function change(percent: number | undefined, locale: string | undefined) {
  if (percent === undefined) return html`<span class="flat">—</span>`;
  // Direction as shown: a move that rounds to 0.00 % is no move.
  const trend = direction(Number(percent.toFixed(2)));
  return html`<span class="change ${trend}"><span class="arrow" aria-hidden="true">${ARROWS[trend]}</span><bdi>${formatPercent(percent, locale)}</bdi></span>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'market-table': MarketTable;
  }
}
