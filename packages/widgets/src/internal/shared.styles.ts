import { css } from 'lit';

/**
 * Kit-wide design tokens and the pieces every element shares. Each `--_x` private property
 * reads the public `--tickwire-x` a host page may set, falling back to the theme's value:
 * `light-dark()` picks by the element's colour scheme, which `theme` sets (`auto` and
 * `transparent` as the page is: see `page-scheme.ts`).
 */
export const sharedStyles = css`
  :host {
    color-scheme: light dark;
    --_bg: var(--tickwire-bg, light-dark(#ffffff, #161b22));
    --_fg: var(--tickwire-fg, light-dark(#111827, #e6edf3));
    --_muted: var(--tickwire-muted, light-dark(#556070, #9aa5b1));
    --_border: var(--tickwire-border, light-dark(#d9dde3, #30363d));
    --_up: var(--tickwire-up, light-dark(#0a7d38, #4ac26b));
    --_down: var(--tickwire-down, light-dark(#c22a2a, #ff7b72));
    --_warn: var(--tickwire-warn, light-dark(#8a5a00, #e3b341));
    --_accent: var(--tickwire-accent, light-dark(#1d5fd6, #6ea8fe));
    --_radius: var(--tickwire-radius, 0.75rem);
    --_space: var(--tickwire-space, 0.75rem);
    --_font: var(--tickwire-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);

    display: block;
    box-sizing: border-box;
    font-size: var(--tickwire-font-size, 1rem);
  }

  /*
   * Every element's outer box resets the text styles a host page passes down (or forces on
   * the host element itself, which outranks :host): the layout is the kit's, not the page's.
   */
  .surface {
    font-family: var(--_font);
    font-size: var(--tickwire-font-size, 1rem);
    font-weight: normal;
    font-style: normal;
    line-height: 1.4;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    white-space: normal;
    color: var(--_fg);
  }

  :host([hidden]) {
    display: none;
  }

  :host([theme='light']) {
    color-scheme: light;
  }

  :host([theme='dark']) {
    color-scheme: dark;
  }

  /* The page shows through, and the page may be cream or grey, not white: the light
     colours are a shade deeper, so text keeps 4.5:1 on pale backgrounds too. */
  :host([theme='transparent']) {
    --_bg: var(--tickwire-bg, transparent);
    --_muted: var(--tickwire-muted, light-dark(#4a5462, #9aa5b1));
    --_up: var(--tickwire-up, light-dark(#07692f, #4ac26b));
    --_down: var(--tickwire-down, light-dark(#a82222, #ff7b72));
    --_warn: var(--tickwire-warn, light-dark(#7a4f00, #e3b341));
    --_accent: var(--tickwire-accent, light-dark(#1a55c0, #6ea8fe));
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  /* The box of an element: its background, border and inner spacing. */
  .panel {
    padding: var(--_space);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  /* Small print never below 11 px, whatever the text around it. */
  .state {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    font-size: max(0.75em, 11px);
    font-weight: 600;
    letter-spacing: 0.02em;
    color: var(--_muted);
    white-space: nowrap;
  }

  .state .dot {
    width: 0.55em;
    height: 0.55em;
    border-radius: 50%;
    background: currentColor;
  }

  .state-live {
    color: var(--_up);
  }

  .state-stale {
    color: var(--_warn);
  }

  .state-error {
    color: var(--_down);
  }

  .state-paused {
    color: var(--_accent);
  }

  .state-offline .dot,
  .state-connecting .dot {
    background: transparent;
    border: 1.5px solid currentColor;
  }

  .simulated {
    display: inline-block;
    padding: 0 0.4em;
    border: 1px solid var(--_warn);
    border-radius: 0.3em;
    color: var(--_warn);
    font-size: max(0.75em, 11px);
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }

  .up {
    color: var(--_up);
  }

  .down {
    color: var(--_down);
  }

  .message {
    margin: 0;
    color: var(--_down);
  }
`;
