// Element tests in real Chromium, each test file on its own page, one page at a time so the
// relay's connection counts belong to one file. Run through `node --import tsx` so the
// relay plugin (TypeScript) can start a real relay.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';
import { relayPlugin } from './test/support/relay-plugin.ts';

export default {
  files: ['packages/widgets/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['es2015', 'production'] },
  concurrency: 1,
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    relayPlugin(),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true },
    }),
  ],
  testFramework: { config: { timeout: 10_000 } },
};
