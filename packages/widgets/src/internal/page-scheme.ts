/**
 * Light or dark, as the page an element sits on is: what `theme="auto"` (and `transparent`)
 * follow. A page that declares its `color-scheme` is taken at its word (`light dark` = the
 * reader's system); one that does not is judged by the luminance of what is behind the
 * element — a dark site that never said so still gets dark elements. Loaded with the first
 * such element; one observer for the page.
 */

/** An element that can follow the page: its `theme`, and what redraws it in new colours. */
export interface Follower extends HTMLElement {
  theme: string;
  schemeChanged(): void;
}

/** Elements following the page now. */
const followers = new Set<Follower>();
let watching = false;

/**
 * Keeps `element`'s colour scheme as the page's while it is connected with `theme` auto or
 * transparent (the host's own style, through the CSSOM: fine under a strict CSP, and it
 * outranks :host rules); otherwise leaves it to the stylesheet. Call it on connecting,
 * disconnecting and every change of `theme`.
 */
export function follow(element: Follower): void {
  const fixed = element.theme === 'light' || element.theme === 'dark';
  if (!element.isConnected || fixed) {
    followers.delete(element);
    if (fixed) element.style.removeProperty('color-scheme');
    return;
  }
  followers.add(element);
  apply(element);
  if (!watching) watchPage();
}

function apply(element: Follower): void {
  const scheme = isDarkBehind(element) ? 'dark' : 'light';
  if (element.style.getPropertyValue('color-scheme') === scheme) return;
  element.style.setProperty('color-scheme', scheme);
  element.schemeChanged();
}

/** Sites switch themes by a class or an attribute on <html> or <body>, or follow the system. */
function watchPage(): void {
  watching = true;
  const refresh = () => {
    for (const element of followers) apply(element);
  };
  const changes = new MutationObserver(refresh);
  for (const root of [document.documentElement, document.body]) {
    if (root)
      changes.observe(root, {
        attributes: true,
        attributeFilter: ['class', 'style', 'data-theme', 'data-bs-theme'],
      });
  }
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', refresh);
}

/** True when the page behind `element` is dark, by its declared scheme or its colours. */
export function isDarkBehind(element: HTMLElement): boolean {
  const computed = getComputedStyle(element.parentElement ?? document.documentElement).colorScheme;
  const declared =
    computed && computed !== 'normal'
      ? computed
      : (document.querySelector<HTMLMetaElement>('meta[name="color-scheme"]')?.content ?? '');
  if (/\bdark\b/.test(declared) && !/\blight\b/.test(declared)) return true;
  if (/\blight\b/.test(declared) && !/\bdark\b/.test(declared)) return false;
  if (/\blight\b/.test(declared)) return matchMedia('(prefers-color-scheme: dark)').matches;
  // Below ~0.18, white text reads better on it than black: that is a dark page.
  return luminance(backdropOf(element)) < 0.18;
}

/** The colour behind `element`: its ancestors' backgrounds laid over each other, then the canvas. */
function backdropOf(element: HTMLElement): [number, number, number] {
  const layers: [number, number, number, number][] = [];
  for (let at: Element | null = parentOf(element); at; at = parentOf(at)) {
    const layer = rgba(getComputedStyle(at).backgroundColor);
    if (layer[3] > 0) layers.push(layer);
    if (layer[3] === 1) break;
  }
  let colour: [number, number, number] = [255, 255, 255];
  for (const [r, g, b, a] of layers.reverse()) {
    colour = [
      r * a + colour[0] * (1 - a),
      g * a + colour[1] * (1 - a),
      b * a + colour[2] * (1 - a),
    ];
  }
  return colour;
}

const parentOf = (element: Element): Element | null =>
  element.parentElement ?? ((element.getRootNode() as ShadowRoot).host || null);

/** `rgb(…)`/`rgba(…)` as computed styles write it (other forms count as transparent). */
function rgba(css: string): [number, number, number, number] {
  const [r = 0, g = 0, b = 0, a = 1] = (css.match(/[\d.]+/g) ?? []).map(Number);
  return css.startsWith('rgb') ? [r, g, b, css.startsWith('rgba') ? a : 1] : [0, 0, 0, 0];
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
function luminance([r, g, b]: [number, number, number]): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
