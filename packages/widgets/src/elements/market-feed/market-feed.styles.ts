import { css } from 'lit';

export const marketFeedStyles = css`
  .box {
    container-type: inline-size;
  }

  /* One grid for the whole list, each row a subgrid of it: columns line up across rows
     whatever a row holds (a bold notable row included). */
  ol {
    display: grid;
    grid-template-columns: [symbol] auto [price] 1fr [move] auto [time] auto;
    column-gap: 0.75em;
    row-gap: 0.15em;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.9em;
    font-variant-numeric: tabular-nums;
  }

  li {
    display: grid;
    grid-column: 1 / -1;
    grid-template-columns: subgrid;
    align-items: baseline;
    padding: 0.2em 0.4em;
    border-radius: 0.3em;
    white-space: nowrap;
  }

  /* A mark at the start and a faint tint: noticed at a glance, every colour on it still at 4.5:1. */
  li.notable {
    background: color-mix(in srgb, var(--_warn) 7%, transparent);
    box-shadow: inset 3px 0 0 var(--_warn);
    font-weight: 600;
  }

  .symbol {
    font-weight: 700;
  }

  .price,
  .move {
    text-align: end;
  }

  time,
  .empty {
    color: var(--_muted);
  }

  .empty {
    margin: 0;
    font-size: 0.9em;
  }

  :host([state='stale']) :is(.price, .move),
  :host([state='offline']) :is(.price, .move) {
    color: var(--_muted);
  }

  /* Narrow: two lines per update, symbol and price above, time and move below. */
  @container (max-width: 22rem) {
    ol {
      grid-template-columns: [symbol time] 1fr [price move] auto;
      column-gap: 0.4em;
      font-size: 0.8em;
    }
    li {
      grid-template-rows: auto auto;
      padding-inline: 0.15em;
    }
    /* Bold would widen the tightest column; the mark and the tint say it. */
    li.notable {
      font-weight: inherit;
    }
    .symbol,
    .price {
      grid-row: 1;
    }
    time,
    .move {
      grid-row: 2;
      font-size: max(0.9em, 11px);
    }
    .symbol,
    time {
      grid-column: symbol;
    }
    .price,
    .move {
      grid-column: price;
    }
  }
`;
