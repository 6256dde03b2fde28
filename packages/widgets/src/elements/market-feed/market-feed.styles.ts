import { css } from 'lit';

export const marketFeedStyles = css`
  .box {
  }

  header {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 0.5em;
    margin-bottom: 0.4em;
  }

  h2 {
    margin: 0;
    font-size: 1em;
  }

  ol {
    display: grid;
    gap: 0.15em;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.9em;
    font-variant-numeric: tabular-nums;
  }

  li {
    display: grid;
    grid-template-columns: 4.5em 1fr auto auto;
    gap: 0.75em;
    align-items: baseline;
    padding: 0.2em 0.4em;
    border-radius: 0.3em;
  }

  li.notable {
    background: color-mix(in srgb, var(--_warn) 14%, transparent);
    font-weight: 600;
  }

  .symbol {
    font-weight: 700;
  }

  time,
  .empty {
    color: var(--_muted);
  }

  .empty {
    margin: 0;
    font-size: 0.9em;
  }
`;
