import { css } from 'lit';

export const priceHeatmapStyles = css`
  /*
   * The host's height follows its width (5:3, within bounds), so that the page can reserve it
   * before the element is defined (public/tickwire.css says the same); a page may set a height.
   * The ratio would carry the minimum height across into a width wider than a narrow box
   * (15rem tall → 25rem wide in a 200 px column): max-width keeps it in.
   */
  :host {
    display: block;
    aspect-ratio: 5 / 3;
    max-width: 100%;
    min-height: 15rem;
    max-height: 36rem;
    container: price-heatmap / inline-size;
  }

  .box {
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    height: 100%;
  }

  @container price-heatmap (max-width: 15rem) {
    .box {
      padding-inline: calc(var(--_space) / 2);
    }
  }

  .range {
    font-size: max(0.8em, 11px);
    color: var(--_muted);
  }

  .note,
  .message {
    margin: 0 0 0.4em;
    font-size: max(0.8em, 11px);
  }

  .note {
    color: var(--_muted);
  }

  .map {
    position: relative;
    flex: 1;
    min-height: 0;
    overflow: hidden;
    border-radius: calc(var(--_radius) / 2);
    font-variant-numeric: tabular-nums;
  }

  /* Each tile drawn 1 px in from its place: a hairline of the box's background between tiles. */
  .tile {
    position: absolute;
    box-sizing: border-box;
    padding: 1px;
  }

  .face {
    position: absolute;
    inset: 1px;
    display: flex;
    align-items: center;
    justify-content: center;
    overflow: hidden;
    border-radius: 2px;
    background: var(--fill);
    color: var(--ink);
    outline: none;
    cursor: default;
  }

  .face:focus-visible {
    box-shadow:
      inset 0 0 0 2px var(--_accent),
      inset 0 0 0 4px var(--_bg);
  }

  .label {
    display: flex;
    flex-direction: column;
    align-items: center;
    font-size: var(--label-px);
    line-height: 1.2;
    text-align: center;
    white-space: nowrap;
  }

  .symbol {
    font-weight: 700;
  }

  .change {
    font-weight: 500;
  }

  /* Smaller than the change, never under the smallest label (heatmap-tiles.ts, MIN_LABEL_PX). */
  .price {
    font-size: max(0.8em, 12px);
  }

  /* Out of date: the colours fade, the figures stay readable (black or white on a paler fill). */
  :host([state='stale']) .face,
  :host([state='offline']) .face,
  .tile.stale .face {
    filter: saturate(0.3);
  }

  .tooltip {
    position: absolute;
    z-index: 1;
    transform: translateX(-50%);
    min-width: 10rem;
    margin: 0.5em 0;
    padding: 0.5em 0.65em;
    border: 1px solid var(--_border);
    border-radius: 0.4em;
    background: var(--_bg);
    color: var(--_fg);
    box-shadow: 0 4px 14px rgb(0 0 0 / 0.18);
    font-size: max(0.8em, 12px);
    pointer-events: none;
  }

  :host([theme='transparent']) .tooltip {
    background: light-dark(#ffffff, #161b22);
  }

  .tooltip .muted {
    color: var(--_muted);
    font-weight: normal;
  }

  .tooltip dl {
    display: grid;
    grid-template-columns: auto auto;
    gap: 0.15em 0.75em;
    margin: 0.35em 0 0;
  }

  .tooltip dt {
    color: var(--_muted);
  }

  .tooltip dd {
    margin: 0;
    text-align: end;
    font-weight: 600;
  }
`;
