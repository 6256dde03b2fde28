/**
 * The relay elements read when they name none: the origin that served this script, so
 * `<script type="module" src="https://relay.example/widgets.js">` needs no other setting.
 * The classic build (`widgets.iife.js`) has no `import.meta`; while it runs, the page's
 * `document.currentScript` is that script (it is null for modules).
 */
const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src || import.meta.url;

export const DEFAULT_RELAY: string = new URL(/* @vite-ignore */ '/', scriptUrl).href;
