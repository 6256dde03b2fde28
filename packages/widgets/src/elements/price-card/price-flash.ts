/**
 * A brief tint on a card's price that says "this just changed", up or down; none for readers
 * who prefer reduced motion. Loaded with a card's second price: the first paint needs none of
 * it. The Web Animations API needs no inline style (strict CSP).
 */
export function flash(root: HTMLElement | DocumentFragment, up: boolean): void {
  if (matchMedia('(prefers-reduced-motion: reduce)').matches) return;
  const tint = up ? 'var(--_up)' : 'var(--_down)';
  root
    .querySelector('.price')
    ?.animate([{ color: tint }, { color: 'inherit' }], { duration: 700, easing: 'ease-out' });
}
