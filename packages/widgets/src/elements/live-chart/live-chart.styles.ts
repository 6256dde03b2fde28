import { css } from 'lit';

export const liveChartStyles = css`
  :host {
    height: 20rem;
    min-width: 16rem;
  }

  figure {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    height: 100%;
    margin: 0;
  }

  header {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: 0.75em;
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
    align-items: center;
    gap: 0.35em;
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

  .header-end {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
  }

  .probe {
    display: none;
  }

  .plot {
    position: relative;
    flex: 1 1 auto;
    min-height: 6rem;
  }

  :host([state='stale']) .plot,
  :host([state='offline']) .plot {
    opacity: 0.6;
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
`;
