import { html, type TemplateResult } from 'lit';
import type { ElementState } from './element-state.js';
import type { CardMessages } from './messages.js';

/** The element's state, in words and a dot, so it never relies on colour alone. */
export function stateBadge(state: ElementState, words: CardMessages): TemplateResult {
  return html`<span part="state" class="state state-${state}"
    ><span class="dot" aria-hidden="true"></span>${words[state]}</span
  >`;
}

/** The label on simulated (demo) prices, with why in its title. */
export function simulatedLabel(words: CardMessages): TemplateResult {
  return html`<span part="simulated" class="simulated" title=${words.simulatedTitle}>${words.simulated}</span>`;
}
