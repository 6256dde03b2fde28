import { css } from 'lit';

export const marketTableStyles = css`
  /* The host is a container too, so that the box's own padding can give way in a narrow one. */
  :host {
    container: market-table / inline-size;
  }

  .box {
    container-type: inline-size;
  }

  @container market-table (max-width: 15rem) {
    .box {
      padding-inline: calc(var(--_space) / 2);
    }
  }

  .note {
    margin: 0 0 0.4em;
    font-size: max(0.8em, 11px);
    color: var(--_muted);
  }

  /* The last resort for figures wider than the narrowest box: the table scrolls, the page does not. */
  .scroll {
    overflow-x: auto;
  }

  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  th,
  td {
    padding: 0.6em 0.45em;
    text-align: end;
    vertical-align: middle;
    border-bottom: 1px solid color-mix(in srgb, var(--_border) 70%, transparent);
  }

  th:first-child,
  td:first-child {
    padding-inline-start: 0.25em;
  }

  th:last-child,
  td:last-child {
    padding-inline-end: 0.25em;
  }

  /*
   * Each row paints on its own (a positioned box is a paint layer): a price tick repaints its
   * row, and the browser replays the other ninety-nine rows as they were.
   */
  tbody tr {
    position: relative;
  }

  tbody tr:last-child > * {
    border-bottom: 0;
  }

  tbody tr:hover {
    background: color-mix(in srgb, var(--_fg) 4%, transparent);
  }

  thead th {
    padding-block: 0.45em;
    font-size: max(0.85em, 11px);
    font-weight: 600;
    color: var(--_muted);
    border-bottom-color: var(--_border);
  }

  /* The header's words are its button: the whole cell's text sorts, and nothing else. */
  .sort {
    display: inline-flex;
    align-items: center;
    gap: 0.2em;
    margin: 0;
    padding: 0.1em 0.15em;
    border: 0;
    border-radius: 0.25em;
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }

  .sort:hover,
  .sort.ascending,
  .sort.descending {
    color: var(--_fg);
  }

  /* In a column of figures the arrow goes before the words, so that they end where the figures do. */
  th:not(.col-asset) .sort {
    flex-direction: row-reverse;
  }

  .sort:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }

  /* Room for the arrow whether or not the column is sorted: headers do not move when sorted. */
  .sort .arrow {
    display: inline-block;
    width: 1em;
    font-size: max(0.75em, 11px);
    color: var(--_accent);
  }

  .col-asset {
    text-align: start;
    font-weight: normal;
  }

  thead .col-asset {
    font-weight: 600;
  }

  .col-rank {
    width: 1%;
    color: var(--_muted);
  }

  .asset {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    max-width: 100%;
  }

  /* A long name ends in an ellipsis rather than push the figures out of the box. */
  .name {
    max-width: 12em;
    overflow: hidden;
    text-overflow: ellipsis;
    font-weight: 600;
  }

  .symbol {
    color: var(--_muted);
    font-size: max(0.85em, 11px);
  }

  /* Without a name the symbol is the asset's name. */
  .asset > .logo + .symbol {
    color: inherit;
    font-size: inherit;
    font-weight: 600;
  }

  .col-price {
    font-weight: 600;
  }

  /* Smaller than the figure, never under the kit's 11 px. */
  .change .arrow {
    margin-inline-end: 0.2em;
    font-size: max(0.7em, 11px);
  }

  .flat {
    color: var(--_muted);
  }

  .col-chart {
    width: 1%;
  }

  /* The line's span may be longer words than the line is wide ("7 derniers jours"): it wraps. */
  thead .col-chart {
    white-space: normal;
  }

  .sparkline {
    display: block;
    width: 6rem;
    height: 1.75rem;
    margin-inline-start: auto;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
  }

  .sparkline svg {
    display: block;
    width: 100%;
    height: 100%;
  }

  /* On the path itself: on the <svg> it does not apply, and steep segments drew thicker. */
  .sparkline path {
    vector-effect: non-scaling-stroke;
  }

  /* The column's header names the span once for every row. */
  .sparkline .period {
    display: none;
  }

  /* Out of date: figures and lines turn muted, which still reads at 4.5:1. */
  :host([state='stale']) td,
  :host([state='offline']) td,
  tr.stale td {
    color: var(--_muted);
  }

  :host([state='stale']) td :is(.change, .sparkline),
  :host([state='offline']) td :is(.change, .sparkline),
  tr.stale td :is(.change, .sparkline) {
    color: inherit;
  }

  /*
   * Columns give way by priority as the box narrows: asset, price and 24 h always; then the
   * rank, the name beside the symbol, the market cap, the line, 7 d, and last 1 h and volume.
   * The widths leave room for the longest figures of right-to-left locales (Arabic writes
   * "US$ ٦٧٬٢٥٠٫٢٥"), which the layout suite checks.
   */
  .col-rank,
  .name,
  .col-marketCap,
  .col-chart,
  .col-change7d,
  .col-change1h,
  .col-volume {
    display: none;
  }

  /* Phone widths: closer columns; the symbol alone names the asset, as on a phone's coin list. */
  @container (max-width: 28rem) {
    th,
    td {
      padding-inline: 0.3em;
    }
    .symbol {
      color: inherit;
      font-size: inherit;
      font-weight: 600;
    }
  }

  /* The narrowest boxes: colour and sign say the change, and the logo gives its room. */
  @container (max-width: 17.5rem) {
    table {
      font-size: 0.75em;
    }
    th,
    td {
      padding-inline: 0.05em;
    }
    .logo,
    .change .arrow,
    .sort:not(.ascending, .descending) .arrow {
      display: none;
    }
    .sort {
      padding-inline: 0;
    }
  }

  @container (min-width: 20rem) {
    .col-rank {
      display: table-cell;
    }
  }

  /* With only the stream's columns there is room for the line sooner. */
  @container (min-width: 24rem) {
    .sparse .col-chart {
      display: table-cell;
    }
  }

  @container (min-width: 28rem) {
    .name {
      display: inline-block;
      vertical-align: bottom;
    }
  }

  @container (min-width: 30rem) {
    .col-marketCap {
      display: table-cell;
    }
  }

  @container (min-width: 38rem) {
    .col-chart {
      display: table-cell;
    }
  }

  @container (min-width: 46rem) {
    .col-change7d {
      display: table-cell;
    }
  }

  @container (min-width: 54rem) {
    .col-change1h,
    .col-volume {
      display: table-cell;
    }
  }

  /*
   * Every column, just: a shorter line leaves room for figures a digit longer (a change of
   * −13.08 % where it was −3.08 %; the demo market's figures move with the clock).
   */
  @container (min-width: 54rem) and (max-width: 64rem) {
    .sparkline {
      width: 4.5rem;
    }
  }
`;
