import { after, before, describe, test } from 'node:test';
import { appFixture, checkAppInBrowser } from './support/app-in-browser.js';
import { ourVersions, strictTsconfig } from './support/throwaway-app.js';

/** A Vue 3 single-file component that uses the elements directly, as Vue developers do. */
const APP_VUE = `<script setup lang="ts">
import { ref } from 'vue';

const symbol = ref('BTC');
const shown = ref(true);
const events: string[] = [];
Object.assign(window, {
  app: {
    events,
    setSymbol: (next: string) => { symbol.value = next; },
    unmount: () => { shown.value = false; },
  },
});
</script>

<template>
  <template v-if="shown">
    <price-card :symbol="symbol" locale="en-US" theme="light" />
    <stream-controls
      @tickwire-pause="(event) => events.push(event.type)"
      @tickwire-resume="(event) => events.push(event.type)"
      @tickwire-refresh-change="(event) => events.push(\`refresh \${event.detail.intervalMs}\`)"
    />
  </template>
</template>
`;

const MAIN_TS = `
import { setRelay } from '@tickwire/widgets';
import { createApp } from 'vue';
import App from './App.vue';

setRelay(new URLSearchParams(location.search).get('relay') ?? undefined);
createApp(App).mount('#app');
`;

/** Vue renders the tags as custom elements, not as components it should resolve. */
const VITE_CONFIG = `
import vue from '@vitejs/plugin-vue';
import { ELEMENT_TAGS } from '@tickwire/widgets/allowlist.js';
import { defineConfig } from 'vite';

const tags: readonly string[] = ELEMENT_TAGS;
export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tags.includes(tag) } } })],
});
`;

const ENV_D_TS = `
/// <reference types="@tickwire/widgets/vue" />
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
`;

/**
 * The widgets in a Vue 3 app: packed, installed into a fresh Vue + Vite + TypeScript app,
 * type-checked by vue-tsc with strictTemplates (unknown tags, props and event payloads are
 * errors there), built, and run in Chromium against a real relay.
 */
describe('the widgets in a Vue 3 app', { timeout: 300_000 }, () => {
  let fixture: Awaited<ReturnType<typeof appFixture>>;

  before(async () => {
    fixture = await appFixture({
      name: 'vue-app',
      packages: ['protocol', 'widgets'],
      devDependencies: await ourVersions(
        'vite',
        'typescript',
        'vue',
        'vue-tsc',
        '@vitejs/plugin-vue',
      ),
      files: {
        'tsconfig.json': JSON.stringify({
          ...JSON.parse(strictTsconfig({ types: [] })),
          include: ['src'],
          vueCompilerOptions: { strictTemplates: true },
        }),
        'vite.config.ts': VITE_CONFIG,
        'index.html':
          '<!doctype html><html><body><div id="app"></div><script type="module" src="/src/main.ts"></script></body></html>',
        'src/main.ts': MAIN_TS,
        'src/App.vue': APP_VUE,
        'src/env.d.ts': ENV_D_TS,
      },
    });
  });
  after(() => fixture?.close());

  test('vue-tsc with strictTemplates: the tags, their props and the events are known and typed', async () => {
    await fixture.app.exec('vue-tsc', '-p', 'tsconfig.json');
  });

  test('builds with one copy of Lit, runs live, re-renders on a prop, fires events and closes the stream on unmount', async () => {
    await checkAppInBrowser(fixture.app, fixture.relay, fixture.browser);
  });
});
