/**
 * The relay elements read when they name none: the origin that served this script, so
 * `<script type="module" src="https://relay.example/widgets.js">` needs no other setting.
 */
export const DEFAULT_RELAY: string = new URL(/* @vite-ignore */ '/', import.meta.url).href;
