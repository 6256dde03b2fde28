import { html, type TemplateResult } from 'lit';
import { type ElementState, STATE_LABELS } from './element-state.js';

/** The element's state, in words and a dot, so it never relies on colour alone. */
export function stateBadge(state: ElementState): TemplateResult {
  return html`<span part="state" class="state state-${state}"
    ><span class="dot" aria-hidden="true"></span>${STATE_LABELS[state]}</span
  >`;
}
