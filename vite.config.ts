import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const widgets = (path: string) =>
  fileURLToPath(new URL(`./packages/widgets/${path}`, import.meta.url));

/**
 * Builds the widget bundle the relay serves at `/widgets.js`: one ES module that defines
 * every element, and hashed chunks beside it (the chart library is one of them, loaded
 * only where a `<live-chart>` is).
 */
export default defineConfig({
  resolve: {
    // RxJS's `es2015` build is smaller than its default ES5 one, which also pulls in tslib.
    conditions: ['es2015', 'module', 'browser', 'production'],
  },
  build: {
    outDir: widgets('dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: widgets('src/index.ts'),
      formats: ['es'],
      fileName: () => 'widgets.js',
    },
    rolldownOptions: {
      output: {
        minify: true,
        chunkFileNames: '[name]-[hash].js',
      },
    },
  },
});
