import { css, unsafeCSS } from 'lit';
import { SERIES_COLOURS } from './chart-theme.js';

export const liveChartStyles = css`
  :host {
    height: 20rem;
    min-width: 0;
    /*
     * The chart's palette, one colour per symbol, light and dark: twelve told apart with
     * colour blindness too. Named palettes (Okabe–Ito, Paul Tol's) get much of their range from
     * pale colours (yellow, sand, sky) that draw under 3:1 on white, and lose it when darkened
     * to fit; these were chosen for the chart instead, after Glasbey et al. (2007, "Colour
     * displays for categorical images"): the kit's first two colours, then each time the colour
     * farthest in OKLab from those before it, with normal vision and under simulated deutan,
     * protan and tritan vision alike (Machado et al. 2009), among vivid colours at 3.2:1 or more
     * on the light backgrounds (#ffffff, #f3f4f6) or the dark ones (#161b22, #0d1117, #1f2937)
     * — the themes' own, and a transparent chart's usual pages. So the first few symbols are
     * the most distinct. Past twelve the colours repeat with dashed, then dotted lines.
     */
    --_series-1: var(--tickwire-series-1, light-dark(#1d5fd6, #6ea8fe));
    --_series-2: var(--tickwire-series-2, light-dark(#d9480f, #ffa94d));
    --_series-3: var(--tickwire-series-3, light-dark(#8f0f7c, #f24eb0));
    --_series-4: var(--tickwire-series-4, light-dark(#129b6b, #49f9c3));
    --_series-5: var(--tickwire-series-5, light-dark(#d359ba, #edbdfc));
    --_series-6: var(--tickwire-series-6, light-dark(#804e0b, #71a970));
    --_series-7: var(--tickwire-series-7, light-dark(#9563fe, #b3ef18));
    --_series-8: var(--tickwire-series-8, light-dark(#006644, #00cacf));
    --_series-9: var(--tickwire-series-9, light-dark(#8a5e97, #b37fd2));
    --_series-10: var(--tickwire-series-10, light-dark(#6322bf, #c48d25));
    --_series-11: var(--tickwire-series-11, light-dark(#be245b, #b4d088));
    --_series-12: var(--tickwire-series-12, light-dark(#7286c6, #f08695));
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

  /*
   * Several symbols: one row that scrolls sideways (by touch, wheel or keyboard, once focused)
   * rather than wrapping into lines that take the plot's room; a fade at an edge says more
   * lies that way. Each shows its change, the figure the percent axis draws; its price is
   * still read out to a screen reader, and under the crosshair.
   */
  header.many {
    flex-wrap: nowrap;
    align-items: center;
  }
  /* Positioned, so that the prices hidden in it scroll and clip with it, never past the page. */
  .legend.many {
    position: relative;
    flex: 1 1 0;
    flex-wrap: nowrap;
    gap: 0.85em;
    min-width: 0;
    overflow-x: auto;
    overscroll-behavior-x: contain;
    scrollbar-width: none;
    border-radius: 0.25em;
  }
  .legend.many::-webkit-scrollbar {
    display: none;
  }
  .legend.many li {
    flex-wrap: nowrap;
  }
  .legend.many .price,
  .legend.many .over {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .legend.many:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .more-end {
    mask-image: linear-gradient(to right, #000 calc(100% - 2.5em), transparent);
  }
  .more-start {
    mask-image: linear-gradient(to left, #000 calc(100% - 2.5em), transparent);
  }
  .more-start.more-end {
    mask-image: linear-gradient(to right, transparent, #000 2.5em calc(100% - 2.5em), transparent);
  }
  :host(:dir(rtl)) .more-end {
    mask-image: linear-gradient(to left, #000 calc(100% - 2.5em), transparent);
  }
  :host(:dir(rtl)) .more-start {
    mask-image: linear-gradient(to right, #000 calc(100% - 2.5em), transparent);
  }

  /*
   * layout="tabs": a tab per symbol, one row that scrolls sideways in a narrow box (by touch,
   * wheel, or the arrow keys, which bring the tab selected into view), never wrapping a
   * figure; the same fades as the legend's. The state goes under the tabs when they need the
   * room.
   */
  .tabs {
    display: flex;
    flex: 1 1 12em;
    gap: 0.25em;
    min-width: 0;
    overflow-x: auto;
    overscroll-behavior-x: contain;
    scrollbar-width: none;
    font-variant-numeric: tabular-nums;
  }
  .tabs::-webkit-scrollbar {
    display: none;
  }
  .tabs [part='tab'] {
    flex: none;
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.1em;
    padding: 0.3em 0.6em;
    font: inherit;
    font-size: 0.85em;
    color: inherit;
    text-align: start;
    white-space: nowrap;
    background: transparent;
    border: 0;
    border-block-end: 2px solid transparent;
    border-radius: 0.25em 0.25em 0 0;
    cursor: pointer;
  }
  .tabs [part='tab'][aria-selected='true'] {
    border-block-end-color: var(--_accent);
  }
  .tabs [part='tab']:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  .tabs .symbol {
    font-weight: 700;
  }
  .tabs .figures {
    display: flex;
    gap: 0.5em;
    font-size: 0.9em;
  }

  .legend .over {
    color: var(--_muted);
    font-size: 0.85em;
  }

  .legend .symbol {
    font-weight: 700;
  }

  .swatch {
    flex: none;
    width: 0.8em;
    height: 0.25em;
    border-radius: 0.125em;
    background: var(--_swatch);
  }

  /* Past the palette, the swatch is dashed or dotted as its line. */
  .swatch.round-1 {
    background: repeating-linear-gradient(to right, var(--_swatch) 0 0.3em, transparent 0.3em 0.45em);
  }
  .swatch.round-2 {
    background: repeating-linear-gradient(to right, var(--_swatch) 0 0.15em, transparent 0.15em 0.3em);
  }

  ${unsafeCSS(
    Array.from(
      { length: SERIES_COLOURS },
      (_, index) => `.series-${index + 1} { --_swatch: var(--_series-${index + 1}); }`,
    ).join('\n'),
  )}

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
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    grid-template-rows: minmax(0, 1fr);
  }

  /* The price axis is on the right on every page: so is the gutter beside it. */
  :host(:dir(rtl)) .stage {
    grid-template-columns: auto minmax(0, 1fr);
  }
  :host(:dir(rtl)) .plot {
    grid-column: 2;
  }
  :host(:dir(rtl)) .gutter {
    grid-column: 1;
  }

  /*
   * Several symbols' last values, beside the price axis: the labels share one cell, moved
   * down to their value, so the gutter is as wide as the widest and no wider.
   */
  .gutter {
    position: relative;
    display: grid;
    align-content: start;
    grid-row: 1;
    grid-column: 2;
  }
  /* One column of equal labels: the name at the start, the value at the end. */
  .gutter [part='last-value'] {
    grid-area: 1 / 1;
    display: flex;
    justify-content: space-between;
    padding: 0 0.3em;
    font-size: max(0.6875em, 11px);
    line-height: 1.3;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
    border-radius: 0.2em;
  }
  .gutter [part='last-value'][hidden] {
    display: none;
  }
  .gutter b {
    margin-inline-end: 0.3em;
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
    position: relative;
    grid-row: 1;
    grid-column: 1;
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

  /* A narrow box: the gutter's labels give their value alone (the colour and the legend
     name it); smaller range buttons, on one row. Last in the sheet, so that it wins over the
     rules it narrows. */
  @container (max-width: 36rem) {
    .gutter b {
      display: none;
    }
  }
  @container (max-width: 20rem) {
    .ranges button {
      padding-inline: 0.3em;
      font-size: 0.7em;
    }
  }
`;
