import { css } from 'lit';

export const liveChartStyles = css`
  :host {
    height: 20rem;
    min-width: 0;
    /* The chart's palette, one colour per symbol, light and dark. */
    --_series-1: var(--tickwire-series-1, light-dark(#1d5fd6, #6ea8fe));
    --_series-2: var(--tickwire-series-2, light-dark(#d9480f, #ffa94d));
    --_series-3: var(--tickwire-series-3, light-dark(#2b8a3e, #69db7c));
    --_series-4: var(--tickwire-series-4, light-dark(#862e9c, #da77f2));
    --_series-5: var(--tickwire-series-5, light-dark(#c2255c, #f783ac));
    --_series-6: var(--tickwire-series-6, light-dark(#0b7285, #66d9e8));
  }

  figure {
    container-type: inline-size;
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    height: 100%;
    margin: 0;
  }

  header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: 0.25em 0.75em;
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }

  .legend li {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.35em;
    white-space: nowrap;
  }

  .legend .over {
    color: var(--_muted);
    font-size: 0.85em;
  }

  .legend .symbol {
    font-weight: 700;
  }

  .swatch {
    width: 0.8em;
    height: 0.25em;
    border-radius: 0.125em;
  }

  .series-1 {
    background: var(--_series-1);
  }
  .series-2 {
    background: var(--_series-2);
  }
  .series-3 {
    background: var(--_series-3);
  }
  .series-4 {
    background: var(--_series-4);
  }
  .series-5 {
    background: var(--_series-5);
  }
  .series-6 {
    background: var(--_series-6);
  }

  /* The labels and the state: on a chart too narrow for both, the state goes under. */
  .header-end {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.5em;
    margin-inline-start: auto;
  }

  .ranges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.2em;
  }

  .ranges button {
    padding: 0.2em 0.5em;
    font: inherit;
    font-size: 0.75em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
    background: transparent;
    border: 1px solid var(--_border);
    border-radius: 999px;
    cursor: pointer;
  }

  /* The theme's own background colour, not --_bg: that may be transparent. */
  .ranges button[aria-pressed='true'] {
    color: light-dark(#ffffff, #161b22);
    background: var(--_accent);
    border-color: var(--_accent);
  }

  .ranges button:focus-visible,
  .plot:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  /* The plot takes what the header and footer leave: a chart given a short CSS height keeps
     its footer inside its box, its plot smaller. */
  .stage {
    position: relative;
    flex: 1 1 auto;
    min-height: 3rem;
  }

  .probe {
    display: none;
  }

  /*
   * The chart library's box: its size comes from .stage, never from what it draws, so it may
   * be a layout island. Each chart resizes its canvases and measures them as it is built;
   * without this, every such measure lays out the whole host page (a page of a thousand
   * cards: tens of milliseconds a chart).
   */
  .plot {
    position: absolute;
    inset: 0;
    contain: strict;
    border-radius: 0.25em;
  }

  .readout {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    z-index: 3;
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
    max-width: calc(100% - 4em);
    margin: 0;
    padding: 0.15em 0.4em;
    font-size: 0.75em;
    font-variant-numeric: tabular-nums;
    background: color-mix(in srgb, var(--_bg) 88%, transparent);
    border-radius: 0.25em;
    pointer-events: none;
  }

  .readout-time {
    color: var(--_muted);
  }

  .message {
    margin: 0;
    font-size: 0.85em;
    color: var(--_down);
  }

  .message.centred {
    position: absolute;
    inset: 0;
    z-index: 2;
    display: grid;
    place-items: center;
    padding: 1em;
    text-align: center;
    background: var(--_bg);
  }

  .message.quiet {
    color: var(--_muted);
    background: transparent;
  }

  .stage > .message:not(.centred) {
    position: absolute;
    inset-block-end: 0;
    inset-inline: 0;
    z-index: 2;
    padding: 0.25em 0.5em;
    background: color-mix(in srgb, var(--_bg) 88%, transparent);
  }

  .note {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.5em;
    margin: 0;
    font-size: 0.75em;
    color: var(--_muted);
  }

  .note a {
    color: inherit;
  }

  /* In a narrow box a long translation wraps inside its own line, never past the box. */
  .note > * {
    min-width: 0;
    overflow-wrap: anywhere;
  }

  /* A narrow box: many symbols as one column of symbol and change, so the plot keeps its
     room (the crosshair gives each price); smaller range buttons, on one row. Last in the
     sheet, so that it wins over the rules it narrows. */
  @container (max-width: 20rem) {
    .legend.many {
      display: grid;
    }
    .legend.many .price,
    .legend.many .over {
      display: none;
    }
    .ranges button {
      padding-inline: 0.3em;
      font-size: 0.7em;
    }
  }
`;
