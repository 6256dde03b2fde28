import { fileURLToPath } from 'node:url';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { defineConfig, type Plugin } from 'vite';

const widgets = (path: string) =>
  fileURLToPath(new URL(`./packages/widgets/${path}`, import.meta.url));

/**
 * Builds the widget bundle the relay serves:
 * - `vite build` → `widgets.js`, an ES module that defines the price card and loads every
 *   other element (and the chart library) from hashed chunks the first time it is used;
 *   those chunks import what they share with the card from `widgets.js` itself;
 * - `vite build --mode classic` → `widgets.iife.js`, one classic script with everything,
 *   for pages that cannot use modules.
 */
/**
 * Lit, RxJS, the feed, the price card and the entry itself: what every page needs, in the one
 * file the page asks for. In a chunk of its own, the page would ask for it only once
 * `widgets.js` had arrived and been read: one more round trip before the stream opens.
 */
const CORE = [
  /node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\/(?!directive)/,
  /node_modules\/(rxjs|tslib)\//,
  /\/src\/(feed|internal|elements\/price-card)\//,
  /\/src\/(price-card|widgets)\.ts$/,
];
/**
 * Kept out of the core: what a card loads after its first price (its 24 h line; the page announcer: a
 * reader hears prices now and then), what only the other elements use, what only a
 * refused stream asks (is this URL a relay at all?), what only an unknown symbol asks
 * (which listed one did the page mean?), what only tables and heatmaps of assets read (their
 * list, facts, rows, large figures), names and logos (`show`), how dark the page is (for
 * theme="auto"), and the words of every language but English (each its own chunk, fetched by a
 * page that reads it).
 */
const NOT_CORE =
  /\/src\/(internal\/(asset-list-element|asset-names|asset-logo|panel-header\.styles|sparkline|page-announcer|page-scheme|page-follow|symbol-problems|edit-distance|format-compact|messages\/[\w-]+)|elements\/price-card\/price-flash|feed\/(relay-check|relay-listing|asset-facts|asset-rows|symbol-suggestions))\.ts$/;
function coreChunk(id: string): string | undefined {
  if (NOT_CORE.test(id)) return undefined;
  return CORE.some((pattern) => pattern.test(id)) ? CORE_CHUNK : undefined;
}
const CORE_CHUNK = 'widgets';
/**
 * Rolldown puts what the entry shares with its lazy chunks in a shared chunk, never in the
 * entry's own file. So the entry module goes into the core chunk too, that chunk is written as
 * `widgets.js`, and the entry's file, left a bare re-export of it, is dropped. A shared chunk's
 * exports have one-letter names, and a page imports `setRelay`, `watchQuotes`… by theirs: the
 * re-export says which letter each is, and `widgets.js` exports it under its name too.
 */
const ENTRY_FACADE = 'widgets-entry.js';
const entryIsTheCore: Plugin = {
  name: 'tickwire:entry-is-the-core',
  generateBundle(_options, bundle) {
    const facade = bundle[ENTRY_FACADE];
    const core = bundle['widgets.js'];
    if (facade?.type !== 'chunk' || core?.type !== 'chunk')
      throw new Error('expected widgets.js and its entry facade');
    const named = new Map(
      [...facade.code.matchAll(/([\w$]+) as ([\w$]+)/g)].map(([, letter, name]) => [letter, name]),
    );
    const exports = [...core.code.matchAll(/export\{([^}]*)\}/g)].at(-1);
    if (!exports || exports.index === undefined) throw new Error('widgets.js exports nothing');
    const entries = exports[1]!.split(',');
    for (const entry of [...entries]) {
      const [local, letter = local] = entry.split(' as ');
      const name = named.get(letter!);
      if (name) entries.push(`${local} as ${name}`);
    }
    const [before, after] = [exports.index, exports.index + exports[0].length];
    // The clause ends the code: the source map's earlier positions stay right.
    core.code = `${core.code.slice(0, before)}export{${entries.join(',')}}${core.code.slice(after)}`;
    delete bundle[ENTRY_FACADE];
    delete bundle[`${ENTRY_FACADE}.map`];
  },
};

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
    plugins: [minifyTemplateLiterals(), ...(classic ? [] : [entryIsTheCore])],
    // `public/tickwire.css` lands beside widgets.js: the relay serves it at /tickwire.css.
    publicDir: widgets('public'),
    build: {
      outDir: widgets('dist'),
      emptyOutDir: !classic,
      target: 'es2022',
      sourcemap: true,
      lib: classic
        ? {
            entry: widgets('src/index.ts'),
            formats: ['iife'],
            name: 'Tickwire',
            fileName: () => 'widgets.iife.js',
          }
        : { entry: widgets('src/widgets.ts'), formats: ['es'], fileName: () => ENTRY_FACADE },
      rolldownOptions: {
        output: {
          minify: true,
          // Pure annotations help a bundler that reads this code again; none does (pages load
          // it as it is), so they are bytes for nothing (58 of the card path's gzip). Legal
          // comments were already left out by the minifier: as before.
          comments: false,
          // Everything every element needs (Lit, RxJS, the feed) in `widgets.js`: one request,
          // not five, and not two in a row.
          chunkFileNames: ({ name }) => (name === CORE_CHUNK ? 'widgets.js' : '[name]-[hash].js'),
          ...(classic ? {} : { manualChunks: coreChunk }),
        },
      },
    },
  };
});
