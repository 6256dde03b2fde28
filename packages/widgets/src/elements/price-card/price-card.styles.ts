import { css } from 'lit';

export const priceCardStyles = css`
  :host {
    min-width: 11rem;
  }

  .card {
    display: grid;
    gap: 0.3em;
    height: 100%;
  }

  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
  }

  .symbol {
    font-weight: 700;
    letter-spacing: 0.02em;
  }

  .price {
    font-size: 1.6em;
    font-weight: 650;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
    line-height: 1.2;
  }

  :host([state='stale']) .price,
  :host([state='offline']) .price {
    opacity: 0.55;
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

  .sparkline {
    width: 100%;
    height: 1.75em;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
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
