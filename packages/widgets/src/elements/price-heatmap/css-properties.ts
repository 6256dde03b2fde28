import { noChange } from 'lit';
import { Directive, directive, type ElementPart, type PartInfo, PartType } from 'lit/directive.js';

/**
 * Sets an element's style properties through the CSSOM, on its first render too: Lit's
 * `styleMap` writes a `style="…"` attribute first, which a page's CSP without
 * `'unsafe-inline'` blocks (docs/embedding.md: `style-src 'self'`); `style.setProperty` is
 * allowed. Only changed values are set again; one no longer given is removed. Used as `<div ${cssProperties({ left: '10%' })}>`.
 */
class CssProperties extends Directive {
  private readonly shown = new Map<string, string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('cssProperties goes on an element');
  }

  render(_properties: Readonly<Record<string, string>>) {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [Readonly<Record<string, string>>]) {
    const { style } = part.element as HTMLElement;
    for (const name of this.shown.keys()) {
      if (name in properties) continue;
      this.shown.delete(name);
      style.removeProperty(name);
    }
    for (const [name, value] of Object.entries(properties)) {
      if (this.shown.get(name) === value) continue;
      this.shown.set(name, value);
      style.setProperty(name, value);
    }
    return noChange;
  }
}

export const cssProperties = directive(CssProperties);
