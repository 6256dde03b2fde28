import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { matrixPage, STATES } from './support/element-matrix.js';
import { serveHostPage } from './support/host-page.js';
import { FROZEN_CLOCK, startStillRelay } from './support/still-relay.js';
import { launchBrowsers, type TestBrowser } from './support/two-browsers.js';

/**
 * Screenshots of every element in every theme and state, at a narrow and a wide width, in
 * both browsers, against committed baselines (`test/baselines/`): a visual regression fails
 * CI. The page holds still (fixed prices, a frozen clock, a tape that does not move), so
 * the same code draws the same pixels. `npm run baselines` refreshes them on purpose.
 */
const BASELINES = fileURLToPath(new URL('./baselines/', import.meta.url));
const UPDATE = process.env.UPDATE_BASELINES === '1';
const WIDTHS = [200, 900];
/** Pixels a screenshot may differ by (antialiasing), as a share of all. */
const TOLERANCE = 0.002;
/** The tape crawls one pixel in days: it holds still for the picture. */
const STILL_STYLE = '<style>:root { --tickwire-tape-duration: 1000000s; }</style>';

interface Versions {
  chromium: string;
  firefox: string;
}

describe('every element looks as it did (baselines in test/baselines)', () => {
  let browsers: TestBrowser[];
  let live: Awaited<ReturnType<typeof startStillRelay>>;
  let stale: Awaited<ReturnType<typeof startStillRelay>>;
  const versionsFile = join(BASELINES, 'versions.json');
  let recorded: Versions | undefined;

  before(async () => {
    browsers = await launchBrowsers();
    live = await startStillRelay();
    stale = await startStillRelay({ stale: true });
    mkdirSync(BASELINES, { recursive: true });
    recorded = existsSync(versionsFile)
      ? (JSON.parse(readFileSync(versionsFile, 'utf8')) as Versions)
      : undefined;
    if (UPDATE) {
      const versions = Object.fromEntries(
        browsers.map((browser) => [browser.name, browser.version]),
      );
      writeFileSync(versionsFile, `${JSON.stringify(versions, null, 2)}\n`);
    }
  });
  after(async () => {
    await Promise.all((browsers ?? []).map((browser) => browser.close()));
    await live?.close();
    await stale?.close();
  });

  for (const browserName of ['chromium', 'firefox'] as const) {
    for (const theme of ['light', 'dark']) {
      for (const state of STATES) {
        test(`${browserName}, ${theme}, ${state}`, async () => {
          const browser = browsers.find((candidate) => candidate.name === browserName)!;
          const relay =
            state === 'offline'
              ? 'http://127.0.0.1:9/'
              : `${(state === 'stale' ? stale : live).url}/`;
          const host = await serveHostPage(
            matrixPage({
              script: `${live.url}/`,
              relay,
              theme,
              state,
              widths: WIDTHS,
              sideBySide: true,
              head: FROZEN_CLOCK + STILL_STYLE,
            }),
          );
          // Tall enough that every element is on screen: off screen they skip ticks (by design).
          const tab = await browser.newPage(1_180, 2_600);
          try {
            await tab.goto(host.url);
            const checks = readFileSync(
              new URL('./support/layout-checks.js', import.meta.url),
              'utf8',
            );
            await tab.run(
              `${checks}\n(async () => { await settle('${state === 'paused' ? 'live' : state}', ${state === 'paused'}, 6); await new Promise((r) => setTimeout(r, 700)); })()`,
            );
            const bytes = Buffer.from(await tab.screenshot());
            const shot = PNG.sync.read(bytes);
            const file = join(BASELINES, `${browserName}-${theme}-${state}.png`);
            if (UPDATE || !existsSync(file)) {
              writeFileSync(file, bytes);
              assert.ok(existsSync(file), 'baseline written');
              return;
            }
            const baseline = PNG.sync.read(readFileSync(file));
            assert.deepEqual(
              [shot.width, shot.height],
              [baseline.width, baseline.height],
              `${file}: the page's size changed`,
            );
            if (recorded?.[browserName] !== browser.version) {
              // Another browser build draws text differently: the size is still compared above;
              // pixels only against baselines of this build (refresh: npm run baselines).
              console.log(
                `# ${browserName} ${browser.version} (baselines from ${recorded?.[browserName]}): sizes compared, pixels not`,
              );
              return;
            }
            const diff = new PNG({ width: shot.width, height: shot.height });
            const differing = pixelmatch(
              baseline.data,
              shot.data,
              diff.data,
              shot.width,
              shot.height,
              {
                threshold: 0.1,
              },
            );
            const share = differing / (shot.width * shot.height);
            if (share > TOLERANCE) {
              const out = join(tmpdir(), `tickwire-visual-${browserName}-${theme}-${state}`);
              writeFileSync(`${out}-actual.png`, PNG.sync.write(shot));
              writeFileSync(`${out}-diff.png`, PNG.sync.write(diff));
              assert.fail(
                `${(share * 100).toFixed(2)} % of pixels differ from ${file}; see ${out}-actual.png and ${out}-diff.png`,
              );
            }
          } finally {
            await tab.close();
            await host.close();
          }
        });
      }
    }
  }
});
