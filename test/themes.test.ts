import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { matrixPage } from './support/element-matrix.js';
import { serveHostPage } from './support/host-page.js';
import { relayAndChromium } from './support/relay-and-chromium.js';

/** `settle` and `layoutProblems`, run in the page. */
const CHECKS = readFileSync(new URL('./support/layout-checks.js', import.meta.url), 'utf8');
const MIN_FONT_PX = 11;

/** The colour scheme each element is drawn in, as the page sees it. */
const SCHEMES = `[...document.querySelectorAll('price-card, live-chart, price-ticker, stream-controls, market-feed, price-converter, market-table, price-heatmap')]
  .map((element) => getComputedStyle(element).colorScheme)`;

/**
 * `theme="auto"` follows the page, not the reader's system: a light blog gets light elements
 * for a reader whose system is dark, a dark site dark ones for a reader whose system is light;
 * `theme="transparent"` lets the page's own background through and keeps text at 4.5:1 on it.
 */
describe('themes that follow the page', () => {
  const started = relayAndChromium();

  /** The matrix page on `background`, its elements in `theme`, read with the system in `system`. */
  async function look(theme: string, background: string, system: 'light' | 'dark', head = '') {
    const page = await started.browser.newPage({
      viewport: { width: 1_300, height: 900 },
      colorScheme: system,
    });
    const host = await serveHostPage(
      matrixPage({
        script: `${started.relay.url}/`,
        relay: `${started.relay.url}/`,
        theme,
        state: 'live',
        widths: [320, 900],
        heatmaps: true,
        head: `<style>html, body { background: ${background} !important; }</style>${head}`,
      }),
    );
    try {
      await page.goto(host.url);
      await page.evaluate(`${CHECKS}\nsettle('live', false)`);
      return {
        schemes: [...new Set((await page.evaluate(SCHEMES)) as string[])],
        problems: (await page.evaluate(`${CHECKS}\nlayoutProblems(${MIN_FONT_PX})`)) as string[],
      };
    } finally {
      await page.close();
      await host.close();
    }
  }

  test('auto on a light page is light for a reader whose system is dark', async () => {
    const { schemes, problems } = await look('auto', '#fbf7ee', 'dark');
    assert.deepEqual(schemes, ['light']);
    assert.deepEqual(problems, []);
  });

  test('auto on a dark page that declares nothing is dark for a reader whose system is light', async () => {
    const { schemes, problems } = await look('auto', '#0d1117', 'light');
    assert.deepEqual(schemes, ['dark']);
    assert.deepEqual(problems, []);
  });

  test("auto takes a page's declared color-scheme at its word", async () => {
    const dark = await look(
      'auto',
      '#ffffff',
      'light',
      '<meta name="color-scheme" content="dark">',
    );
    assert.deepEqual(dark.schemes, ['dark']);
    const either = await look(
      'auto',
      '#ffffff',
      'dark',
      '<style>:root { color-scheme: light dark; }</style>',
    );
    assert.deepEqual(either.schemes, ['dark'], 'light dark: as the reader’s system is');
  });

  for (const [name, background] of [
    ['cream', '#f5ecd7'],
    ['white', '#ffffff'],
    ['black', '#000000'],
    ['navy', '#0b1f4b'],
  ] as const) {
    test(`transparent on ${name}: the page shows through, text at 4.5:1 on it`, async () => {
      const { schemes, problems } = await look('transparent', background, 'light');
      const dark = name === 'black' || name === 'navy';
      assert.deepEqual(schemes, [dark ? 'dark' : 'light']);
      assert.deepEqual(problems, []);
    });
  }
});
