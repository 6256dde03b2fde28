import { fileURLToPath } from 'node:url';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { defineConfig } from 'vite';

const widgets = (path: string) =>
  fileURLToPath(new URL(`./packages/widgets/${path}`, import.meta.url));

/**
 * Builds the widget bundle the relay serves:
 * - `vite build` → `widgets.js`, an ES module that defines the price card and loads every
 *   other element (and the chart library) from hashed chunks the first time it is used;
 * - `vite build --mode classic` → `widgets.iife.js`, one classic script with everything,
 *   for pages that cannot use modules.
 */
/** Lit, RxJS, the feed and the price card: what every page needs, in one chunk. */
const CORE = [
  /node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\/(?!directive)/,
  /node_modules\/(rxjs|tslib)\//,
  /\/src\/(feed|internal|elements\/price-card)\//,
  /\/src\/price-card\.ts$/,
];
/**
 * Kept out of the core: what a card loads after its first price (its 24 h line; the page announcer: a
 * reader hears prices now and then), what only the other elements use, what only a
 * refused stream asks (is this URL a relay at all?), what only an unknown symbol asks
 * (which listed one did the page mean?), what only tables and heatmaps of assets read (their
 * list, facts, large figures), names and logos (`show`), how dark the page is (for theme="auto"), and the words of every
 * language but English (each its own chunk, fetched by a page that reads it).
 */
const NOT_CORE =
  /\/src\/(internal\/(asset-list-element|asset-names|asset-logo|panel-header\.styles|sparkline|page-announcer|page-scheme|page-follow|symbol-problems|edit-distance|format-compact|messages\/[\w-]+)|elements\/price-card\/price-flash|feed\/(relay-check|relay-listing|asset-facts|symbol-suggestions))\.ts$/;
function coreChunk(id: string): string | undefined {
  if (NOT_CORE.test(id)) return undefined;
  return CORE.some((pattern) => pattern.test(id)) ? 'tickwire-core' : undefined;
}

export default defineConfig(({ mode }) => {
  const classic = mode === 'classic';
  return {
    resolve: {
      // RxJS's `es2015` build is smaller than its default ES5 one, which also pulls in tslib.
      conditions: ['es2015', 'module', 'browser', 'production'],
    },
    define: {
      // These bundles are served by a relay: elements read it from where the script came from.
      __TICKWIRE_SERVED_BUNDLE__: 'true',
      // A classic script has no import.meta; the code falls back to document.currentScript.
      ...(classic ? { 'import.meta.url': 'undefined' } : {}),
    },
    // Lit's css`` and html`` templates keep their indentation otherwise.
    plugins: [minifyTemplateLiterals()],
    // `public/tickwire.css` lands beside widgets.js: the relay serves it at /tickwire.css.
    publicDir: widgets('public'),
    build: {
      outDir: widgets('dist'),
      emptyOutDir: !classic,
      target: 'es2022',
      sourcemap: true,
      lib: classic
        ? {
            entry: widgets('src/all.ts'),
            formats: ['iife'],
            name: 'Tickwire',
            fileName: () => 'widgets.iife.js',
          }
        : { entry: widgets('src/index.ts'), formats: ['es'], fileName: () => 'widgets.js' },
      rolldownOptions: {
        output: {
          minify: true,
          // Pure annotations help a bundler that reads this code again; none does (pages load
          // it as it is), so they are bytes for nothing (58 of the card path's gzip). Legal
          // comments were already left out by the minifier: as before.
          comments: false,
          chunkFileNames: '[name]-[hash].js',
          // Everything every element needs (Lit, RxJS, the feed) in one chunk: one request, not five.
          ...(classic ? {} : { manualChunks: coreChunk }),
        },
      },
    },
  };
});
