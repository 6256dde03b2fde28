/**
 * Which relay an element reads when its `relay` attribute is unset, in order:
 * 1. the page-wide relay set with `setRelay(url)`;
 * 2. `<meta name="tickwire-relay" content="https://relay.example/">` in the page;
 * 3. in the bundles a relay serves (`widgets.js`, `widgets.iife.js`), the folder the script
 *    came from — so `<script type="module" src="https://relay.example/widgets.js">` needs no
 *    other setting, nor does a relay mounted on a path. An app's bundler gives no such place:
 *    there, one of the first two is needed, and an element without any says so.
 */

import { pageState } from './page-state.js';

/** Set only by the builds a relay serves (`vite.config.ts`). */
declare const __TICKWIRE_SERVED_BUNDLE__: boolean | undefined;

/** True in the bundles a relay serves; the build folds every test of it away. */
const SERVED = typeof __TICKWIRE_SERVED_BUNDLE__ !== 'undefined';

/**
 * Where the served bundle came from. The classic build has no `import.meta`; while it runs,
 * the page's `document.currentScript` is that script (it is null for modules). Read once, at
 * load: later it is some other script.
 */
const servedFrom = SERVED
  ? new URL(
      /* @vite-ignore */ './',
      (document.currentScript as HTMLScriptElement | null)?.src || import.meta.url,
    ).href
  : undefined;

/** Connected elements of every copy of the bundle, told when the page's relay changes. */
const followers = pageState.relayFollowers;

/**
 * Sets the relay every element of the page reads unless it names its own `relay`. Call it
 * whenever the page knows it — in an app's entry module, or later (a React effect, a Vue
 * `onMounted`, configuration fetched at start): elements already on the page switch to it.
 * `undefined` goes back to the meta tag or the script's own folder.
 */
export function setRelay(url: string | undefined): void {
  if (url === pageState.relay) return;
  pageState.relay = url;
  for (const follower of followers) follower();
}

/** Calls `follower` whenever `setRelay` changes the page's relay; returns what stops it. */
export function followRelay(follower: () => void): () => void {
  followers.add(follower);
  return () => followers.delete(follower);
}

/** The relay an element without a `relay` attribute reads; `''` when the page names none. */
export function defaultRelay(): string {
  // Served bundles run in browsers only; the npm build may be imported by a server renderer.
  const meta =
    SERVED || typeof document !== 'undefined'
      ? document.querySelector<HTMLMetaElement>('meta[name=tickwire-relay]')?.content
      : undefined;
  return pageState.relay ?? (meta || servedFrom || '');
}

/**
 * What an element says in English when neither it nor the page names a relay (`Messages`'
 * `noRelay`). A served bundle always knows one (where it came from), so there the text is
 * left out of the bytes.
 */
export const NO_RELAY = SERVED
  ? ''
  : 'No relay set: give the element a relay attribute, call setRelay(url), or add a tickwire-relay meta tag.';
