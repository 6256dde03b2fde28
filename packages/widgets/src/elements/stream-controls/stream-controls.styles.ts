import { css } from 'lit';

export const streamControlsStyles = css`
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    padding: calc(var(--_space) * 0.75) var(--_space);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-size: 0.9em;
  }

  /* A long translation (a word, an option) shrinks the menu to the box, never past it. */
  label {
    min-width: 0;
    max-width: 100%;
  }

  button,
  select {
    max-width: 100%;
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 0.4em;
    padding: 0.25em 0.75em;
  }

  button {
    cursor: pointer;
    font-weight: 600;
  }

  button:focus-visible,
  select:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .muted {
    color: var(--_muted);
  }

  .sources {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .source-ok {
    color: var(--_up);
  }

  .source-degraded {
    color: var(--_warn);
  }

  .source-down {
    color: var(--_down);
  }

  .source-unknown {
    color: var(--_muted);
  }
`;
