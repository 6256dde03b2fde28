import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { matrixPage, STATES, type State } from './support/element-matrix.js';
import { serveHostPage } from './support/host-page.js';
import { FROZEN_CLOCK, startStillRelay } from './support/still-relay.js';
import { launchBrowser, type TestBrowser, type TestPage } from './support/two-browsers.js';

/**
 * Screenshots of every element in every theme and state, at a narrow and a wide width, in
 * both browsers, against committed baselines (`test/baselines/`): a visual regression fails
 * CI. The page holds still (fixed prices, a frozen clock, a tape that does not move), so
 * the same code draws the same pixels. Every screenshot is compared pixel by pixel, whatever
 * browser build drew it; a missing baseline fails. `npm run baselines` refreshes them on purpose.
 */
const BASELINES = fileURLToPath(new URL('./baselines/', import.meta.url));
const UPDATE = process.env.UPDATE_BASELINES === '1';
const REFRESH = 'npm run baselines';
const WIDTHS = [200, 900];
/** The tick chart's own page: a phone's width, and a wide one. */
const TICK_CHART_WIDTHS = [375, 1_200];
/**
 * Pixels a screenshot may differ by once pixelmatch has set anti-aliased edges aside. Two
 * builds of one browser drew the same pixels (Chromium 156.0.8078.108 and .114: none differed
 * but the chart legend's symbols, which had turned bold in between — 420 pixels on the smallest
 * page, a change the old size-only check let through); a 1-pixel border recoloured on one
 * card is caught (the last test).
 */
const MAX_DIFFERING_PIXELS = 100;
/** Three frames and 100 ms later, run in the page: between two screenshots meant to be alike. */
const FRAMES_LATER = `new Promise((done) => {
  let frames = 3;
  const next = () => (--frames > 0 ? requestAnimationFrame(next) : setTimeout(done, 100));
  requestAnimationFrame(next);
})`;
/** `settle` and `feedRows`, run in the page. */
const CHECKS = readFileSync(new URL('./support/layout-checks.js', import.meta.url), 'utf8');

type StillRelay = Awaited<ReturnType<typeof startStillRelay>>;

/** Differing pixels of `shot` against `baseline` (same size), and a picture of where. */
function compare(baseline: PNG, shot: PNG): { differing: number; diff: PNG } {
  const diff = new PNG({ width: shot.width, height: shot.height });
  const differing = pixelmatch(baseline.data, shot.data, diff.data, shot.width, shot.height, {
    threshold: 0.1,
  });
  return { differing, diff };
}

describe('every element looks as it did (baselines in test/baselines)', { concurrency: 2 }, () => {
  const versionsFile = join(BASELINES, 'versions.json');
  let recorded: Record<string, string> = {};
  const compared: string[] = [];
  /** Of those compared, how many were the baseline's very bytes. */
  let identical = 0;

  before(() => {
    mkdirSync(BASELINES, { recursive: true });
    if (existsSync(versionsFile)) recorded = JSON.parse(readFileSync(versionsFile, 'utf8'));
  });
  after(() => {
    if (UPDATE) writeFileSync(versionsFile, `${JSON.stringify(recorded, null, 2)}\n`);
    console.log(
      `screenshots compared pixel by pixel: ${compared.length}, ${identical} of them byte for byte (${[...new Set(compared)].join(', ')})`,
    );
  });

  // The two browsers side by side, each with still relays of its own and one page at a time:
  // a tick one page waits for never moves the prices of another.
  for (const browserName of ['chromium', 'firefox'] as const)
    describe(`in ${browserName}`, { concurrency: 1 }, () => {
      let browser: TestBrowser;
      let live: StillRelay;
      let stale: StillRelay;
      /** A still relay whose history is a minute of updates a second apart: the tick chart's. */
      let ticking: StillRelay;

      before(async () => {
        browser = await launchBrowser(browserName);
        live = await startStillRelay();
        stale = await startStillRelay({ stale: true });
        ticking = await startStillRelay({ historyStepMs: 1_000 });
        if (UPDATE) recorded[browserName] = browser.version;
      });
      after(async () => {
        await browser?.close();
        await live?.close();
        await stale?.close();
        await ticking?.close();
      });

      /**
       * A screenshot of the tick chart (`range="live"`) at a phone's width and a wide one, side
       * by side, once it holds still: a minute of updates, labelled in seconds.
       */
      async function tickChartScreenshot(
        theme: string,
        locale = 'en-US',
        dir = 'ltr',
      ): Promise<Buffer> {
        const background = theme === 'dark' ? '#0d1117' : '#f6f7f9';
        const charts = TICK_CHART_WIDTHS.map(
          (width) =>
            `<div style="width: ${width}px"><live-chart range="live" symbols="BTC" relay="${ticking.url}/" theme="${theme}" locale="${locale}" style="height: 300px"></live-chart></div>`,
        ).join('');
        const host = await serveHostPage(
          `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8">${FROZEN_CLOCK}
<script type="module" src="${ticking.url}/widgets.js"></script>
<style>body { margin: 8px; background: ${background}; font-family: Georgia, serif; display: flex; align-items: flex-start; gap: 24px; }</style></head><body>${charts}</body></html>`,
        );
        const tab = await browser.newPage(1_700, 360);
        try {
          await tab.goto(host.url);
          await tab.run(`${CHECKS}\nsettle('live', false, 0, 0)`);
          return await stillScreenshot(tab);
        } finally {
          await tab.close();
          await host.close();
        }
      }

      /**
       * A screenshot of the matrix page in `state`, once it holds still: every element drawn
       * before the converters (`others`), or only the converters or the market tables, each page
       * with baselines of its own.
       */
      async function screenshot(
        theme: string,
        state: State,
        extraHead = '',
        page: 'others' | 'converters' | 'tables' | 'tabs' | 'heatmaps' = 'others',
      ): Promise<Buffer> {
        const still = state === 'stale' ? stale : live;
        const relay = state === 'offline' ? 'http://127.0.0.1:9/' : `${still.url}/`;
        const host = await serveHostPage(
          matrixPage({
            script: `${live.url}/`,
            relay,
            theme,
            state,
            widths: WIDTHS,
            sideBySide: true,
            converters: page === 'converters' ? 'only' : false,
            tables: page === 'tables' ? 'only' : false,
            tabs: page === 'tabs' ? 'only' : false,
            heatmaps: page === 'heatmaps' ? 'only' : false,
            head: FROZEN_CLOCK + extraHead,
          }),
        );
        // Tall enough that every element is on screen: off screen they skip ticks (by design).
        const tab = await browser.newPage(1_180, 2_600);
        try {
          await tab.goto(host.url);
          // The converters' and the tables' pages hold the snapshot's prices (ticks only turn them
          // stale): with no feed to wait on between ticks, which tick one shows would be a race.
          const ticks =
            page !== 'others'
              ? state === 'stale'
              : state === 'live' || state === 'stale' || state === 'paused';
          if (ticks) {
            // Each tick once the page has shown the one before: the market feed gets its rows.
            await tab.run(`${CHECKS}\nsettle('live', false, 0)`);
            still.tick();
            await tab.run(`${CHECKS}\nfeedRows(4)`);
            still.tick();
          }
          const wanted = state === 'paused' ? 'live' : state;
          await tab.run(`${CHECKS}\nsettle('${wanted}', ${state === 'paused'}, 6, 0)`);
          return await stillScreenshot(tab);
        } finally {
          await tab.close();
          await host.close();
        }
      }

      /**
       * A screenshot once the page holds still: two in a row alike, a few frames apart (as
       * Playwright's `toHaveScreenshot` waits), not a guess at how long the chart library and the
       * tape take to measure themselves. A page that never holds still is compared as it last was,
       * and the comparison shows what moved.
       */
      async function stillScreenshot(tab: TestPage): Promise<Buffer> {
        let last = Buffer.from(await tab.screenshot());
        for (let shots = 1; shots < 20; shots++) {
          await tab.run(FRAMES_LATER);
          const next = Buffer.from(await tab.screenshot());
          if (next.equals(last)) return next;
          last = next;
        }
        return last;
      }

      /** Writes `bytes` as the baseline `name` (refreshing), or fails unless they match it. */
      function matches(name: string, bytes: Buffer): void {
        const file = join(BASELINES, `${name}.png`);
        if (UPDATE) {
          writeFileSync(file, bytes);
          return;
        }
        assert.ok(existsSync(file), `${file} is missing: ${REFRESH} writes it`);
        const expected = readFileSync(file);
        compared.push(`${browserName} ${browser.version}`);
        // The same bytes are the same pixels: a browser build encodes what it drew alike, so
        // most screenshots need no decoding (of 3 megapixels each, twice).
        if (bytes.equals(expected)) {
          identical++;
          return;
        }
        const shot = PNG.sync.read(bytes);
        const baseline = PNG.sync.read(expected);
        const build =
          recorded[browserName] === browser.version
            ? ''
            : ` (baselines drawn by ${browserName} ${recorded[browserName]}, this is ${browser.version}: if the change is the browser's, ${REFRESH})`;
        assert.deepEqual(
          [shot.width, shot.height],
          [baseline.width, baseline.height],
          `${file}: the page's size changed${build}`,
        );
        const { differing, diff } = compare(baseline, shot);
        if (differing > MAX_DIFFERING_PIXELS) {
          const out = join(tmpdir(), `tickwire-visual-${name}`);
          writeFileSync(`${out}-actual.png`, bytes);
          writeFileSync(`${out}-diff.png`, PNG.sync.write(diff));
          assert.fail(
            `${differing} pixels differ from ${file}; see ${out}-actual.png and ${out}-diff.png${build}`,
          );
        }
      }

      for (const theme of ['light', 'dark']) {
        for (const state of STATES) {
          test(`${browserName}, ${theme}, ${state}`, async () => {
            matches(`${browserName}-${theme}-${state}`, await screenshot(theme, state));
          });
          // Baselines of its own: the page of every element above was drawn without it.
          test(`${browserName}, ${theme}, ${state}: <price-converter>`, async () => {
            const bytes = await screenshot(theme, state, '', 'converters');
            matches(`price-converter-${browserName}-${theme}-${state}`, bytes);
          });
          // Baselines of their own too, drawn from the still relay's facts (names, ranks, logos).
          test(`${browserName}, ${theme}, ${state}: <market-table>`, async () => {
            const bytes = await screenshot(theme, state, '', 'tables');
            matches(`market-table-${browserName}-${theme}-${state}`, bytes);
          });
        }
        // Its own baselines, live: the tabs share the chart's states, drawn above.
        test(`${browserName}, ${theme}, live: <live-chart layout="tabs">`, async () => {
          const bytes = await screenshot(theme, 'live', '', 'tabs');
          matches(`live-chart-tabs-${browserName}-${theme}-live`, bytes);
        });
        // Its own baselines: a minute of updates, labelled to the second (the pages above have none).
        test(`${browserName}, ${theme}, live: <live-chart range="live"> at 375 and 1,200 px`, async () => {
          matches(
            `live-chart-ticks-${browserName}-${theme}-live`,
            await tickChartScreenshot(theme),
          );
        });
        // Its own baselines, live, from the still relay's market caps: states are the layout suite's.
        test(`${browserName}, ${theme}, live: <price-heatmap>`, async () => {
          const bytes = await screenshot(theme, 'live', '', 'heatmaps');
          matches(`price-heatmap-${browserName}-${theme}-live`, bytes);
        });
      }

      if (browserName === 'chromium') {
        // Arabic digits and a right-to-left page: the widest labels the tick chart draws.
        test('chromium, light, live: <live-chart range="live"> in ar-EG, right to left', async () => {
          const bytes = await tickChartScreenshot('light', 'ar-EG', 'rtl');
          matches('live-chart-ticks-chromium-light-ar-EG', bytes);
        });

        // Not while refreshing: the baseline it reads is being written.
        if (!UPDATE)
          test('the comparison catches a 1-pixel border changed on one card', async () => {
            const changed = await screenshot(
              'light',
              'live',
              '<style>price-card:first-of-type::part(card) { border-color: #c22a2a; }</style>',
            );
            const baseline = PNG.sync.read(
              readFileSync(join(BASELINES, 'chromium-light-live.png')),
            );
            const { differing } = compare(baseline, PNG.sync.read(changed));
            assert.ok(
              differing > MAX_DIFFERING_PIXELS,
              `a changed border moved ${differing} pixels, no more than the ${MAX_DIFFERING_PIXELS} allowed`,
            );
          });
      }
    });
});
