/**
 * Defines `tag` unless the page already has it: a page may load the bundle twice, even from
 * two URLs, and the second definition must not throw.
 */
export function defineElement(tag: string, elementClass: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, elementClass);
}
