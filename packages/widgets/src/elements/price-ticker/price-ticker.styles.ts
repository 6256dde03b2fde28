import { css } from 'lit';

export const priceTickerStyles = css`
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(var(--tickwire-card-min-width, 12rem), 1fr));
    gap: var(--_space);
  }

  /* The status and the moving window share a line; in a narrow box the window wraps below. */
  .tape {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .tape-status {
    display: inline-flex;
    flex: none;
    align-items: center;
    gap: 0.4em;
    padding-inline: 0.75em 0.25em;
  }

  /* Items fade out at both edges instead of being cut. */
  .window {
    display: flex;
    flex: 1 1 8rem;
    min-width: 0;
    overflow: hidden;
    mask-image: linear-gradient(to right, transparent, #000 1.5em, #000 calc(100% - 1.5em), transparent);
  }

  .window:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
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

  .window:hover .track,
  .window:focus-within .track {
    animation-play-state: paused;
  }

  @media (prefers-reduced-motion: reduce) {
    .window {
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

  /* On a right-to-left page the second track sits left of the first: the tape moves right,
     so the second one takes the first's place with no blank stretch. */
  .track:dir(rtl) {
    animation-name: scroll-rtl;
  }

  @keyframes scroll-rtl {
    to {
      transform: translateX(100%);
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

  /* Out of date: every figure on the tape turns muted, which still reads at 4.5:1. */
  :host([state='stale']) .item :is(span:not(.symbol)),
  :host([state='offline']) .item :is(span:not(.symbol)) {
    color: var(--_muted);
  }

  .tape-message {
    margin-top: 0.4em;
  }
`;
