/**
 * The relay elements read when they name none: where this script was served from, so
 * `<script type="module" src="https://relay.example/widgets.js">` needs no other setting —
 * nor does a relay mounted on a path (`https://example.com/prices/widgets.js`).
 * The classic build (`widgets.iife.js`) has no `import.meta`; while it runs, the page's
 * `document.currentScript` is that script (it is null for modules).
 */
const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src || import.meta.url;

export const DEFAULT_RELAY: string = new URL(/* @vite-ignore */ './', scriptUrl).href;
