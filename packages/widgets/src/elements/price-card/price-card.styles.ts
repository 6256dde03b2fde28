import { css } from 'lit';

export const priceCardStyles = css`
  :host {
    min-width: 11rem;
  }

  /* Spare height (a neighbour in the row is taller) goes below the content, so prices in a
     row line up. */
  .card {
    container-type: inline-size;
    display: grid;
    align-content: start;
    gap: 0.3em;
    height: 100%;
  }

  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.1em 0.5em;
  }

  .symbol {
    font-weight: 700;
    letter-spacing: 0.02em;
  }

  /* One line whatever the price: in a narrow card it gets smaller instead of breaking. */
  .price {
    font-size: min(1.6em, 12.5cqi);
    font-weight: 650;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
    line-height: 1.2;
  }

  /* Out of date: price, change and line all turn muted, which still reads at 4.5:1. */
  :host([state='stale']) :is(.price, .change, .sparkline),
  :host([state='offline']) :is(.price, .change, .sparkline) {
    color: var(--_muted);
  }

  .change {
    font-variant-numeric: tabular-nums;
    font-size: 0.9em;
    font-weight: 600;
  }

  .flat {
    color: var(--_muted);
  }

  .period {
    color: var(--_muted);
    font-weight: normal;
  }

  /* The line, and its span ("24h") after it in the meta line's size: 2.25em of that is the
     1.75em the line always had. */
  .sparkline {
    display: flex;
    gap: 0.4em;
    height: 2.25em;
    font-size: 0.78em;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
  }

  svg {
    flex: 1;
  }

  /* On the path itself: on the <svg> it does not apply, and steep segments drew thicker. */
  .sparkline path {
    vector-effect: non-scaling-stroke;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em;
    margin: 0;
    font-size: 0.78em;
    color: var(--_muted);
  }
`;
