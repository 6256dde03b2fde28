import { css } from 'lit';

export const priceTickerStyles = css`
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(var(--tickwire-card-min-width, 12rem), 1fr));
    gap: var(--_space);
  }

  .tape {
    display: flex;
    overflow: hidden;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .track {
    display: flex;
    flex: none;
    gap: 2em;
    margin: 0;
    padding: 0.5em 1em;
    list-style: none;
    white-space: nowrap;
    animation: scroll var(--tickwire-tape-duration, 40s) linear infinite;
  }

  .tape:hover .track,
  .tape:focus-within .track {
    animation-play-state: paused;
  }

  @media (prefers-reduced-motion: reduce) {
    .tape {
      overflow-x: auto;
    }
    .track {
      animation: none;
    }
    .track[aria-hidden='true'] {
      display: none;
    }
  }

  @keyframes scroll {
    to {
      transform: translateX(-100%);
    }
  }

  .item {
    display: inline-flex;
    gap: 0.45em;
    align-items: baseline;
    font-variant-numeric: tabular-nums;
  }

  .item .symbol {
    font-weight: 700;
  }

  .status {
    display: flex;
    justify-content: space-between;
    gap: 0.5em;
    margin-bottom: 0.4em;
  }
`;
