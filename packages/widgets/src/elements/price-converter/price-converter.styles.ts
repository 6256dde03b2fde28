import { css } from 'lit';

export const priceConverterStyles = css`
  :host {
    min-width: 11rem;
  }

  .converter {
    container-type: inline-size;
    display: grid;
    gap: 0.5em;
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.1em 0.5em;
  }

  .pair {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    font-weight: 700;
    letter-spacing: 0.02em;
  }

  /* From and to read in the page's direction: on a right-to-left page the arrow points left. */
  :host(:dir(rtl)) .arrow {
    transform: scaleX(-1);
  }

  /* Narrow: the sides stacked, the swap button between them. Wide: side by side. */
  .sides {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    justify-items: stretch;
    gap: 0.4em;
  }

  .side {
    display: grid;
    gap: 0.2em;
    min-width: 0;
  }

  .label {
    font-size: max(0.8em, 11px);
    font-weight: 600;
    color: var(--_muted);
  }

  .fields {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(4.5em, 8em);
    gap: 0.4em;
  }

  input,
  button {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 0.4em;
    min-width: 0;
  }

  input {
    width: 100%;
    padding: 0.35em 0.5em;
    line-height: 1.3;
  }

  .amount {
    font-variant-numeric: tabular-nums;
    font-size: 1.1em;
    font-weight: 600;
  }

  .asset {
    text-transform: uppercase;
    font-weight: 600;
    letter-spacing: 0.02em;
  }

  /* The figure that follows the prices turns muted when they are out of date. */
  .side.stale .amount,
  .result.stale {
    color: var(--_muted);
  }

  input[aria-invalid='true'] {
    border-color: var(--_down);
    border-width: 2px;
  }

  .swap {
    justify-self: center;
    display: inline-grid;
    place-items: center;
    width: 2.25em;
    height: 2.25em;
    padding: 0;
    cursor: pointer;
  }

  .swap svg {
    width: 1.1em;
    height: 1.1em;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.6;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  input:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  @container (min-width: 34rem) {
    .sides {
      grid-template-columns: minmax(0, 1fr) auto minmax(0, 1fr);
      align-items: end;
    }

    .swap {
      transform: rotate(90deg);
    }
  }

  /* At the narrowest the amount and its asset stack too: neither is squeezed unreadable. */
  @container (max-width: 15rem) {
    .fields {
      grid-template-columns: minmax(0, 1fr);
    }
  }

  /* Smaller in a narrow box, so a long figure fits its line; lines break between figures. */
  .result {
    margin: 0;
    font-size: min(1.15em, 8.5cqi);
    font-weight: 650;
    font-variant-numeric: tabular-nums;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.2em 0.6em;
    margin: 0;
    font-size: max(0.78em, 11px);
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .via {
    display: inline-block;
    padding: 0 0.4em;
    border: 1px solid var(--_warn);
    border-radius: 0.3em;
    color: var(--_warn);
    font-weight: 600;
  }
`;
