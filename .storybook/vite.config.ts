import { defineConfig } from 'vite';

/** What Storybook's Vite needs of ours: RxJS's smaller ES2015 build, as in the bundle. */
export default defineConfig({
  resolve: { conditions: ['es2015', 'module', 'browser', 'development|production'] },
});
