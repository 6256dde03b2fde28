import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import { loadConfig } from '../packages/relay/src/config.js';
import { type Relay, startRelay } from '../packages/relay/src/relay.js';
import { DemoSource } from '../packages/relay/src/sources/demo.js';
import { startDemoRelay, WIDGETS_DIR } from './support/demo-relay.js';
import { matrixPage, STATES } from './support/element-matrix.js';
import { STILL_TAPE, serveHostPage } from './support/host-page.js';
import { launchBrowsers, type TestBrowser } from './support/two-browsers.js';

/** The container widths site owners put the elements in, px. */
const WIDTHS = [200, 240, 320, 375, 600, 900, 1200];
/** No text smaller than this at the default font size, px. */
const MIN_FONT_PX = 11;
/** `settle`, `layoutProblems` and `priceDecimals`, run in the page. */
const CHECKS = readFileSync(new URL('./support/layout-checks.js', import.meta.url), 'utf8');

describe('every element in every container, theme and state, in Chromium and Firefox', () => {
  let live: Relay;
  let stale: Relay;
  let browsers: TestBrowser[];

  before(async () => {
    live = await startDemoRelay();
    // A relay whose polling stops after its first prices: they turn stale after a second.
    stale = await startRelay({
      config: {
        ...loadConfig({ PORT: '0', SYMBOLS: 'BTC,ETH,SHIB,ADA' }),
        POLL_INTERVAL: 250,
        PRICE_TTL: 1_000,
      },
      sources: [new DemoSource({ seed: 3 })],
      log: pino({ level: 'silent' }),
      widgetsDir: WIDGETS_DIR,
    });
    // Paused once it has prices (ready), whatever the machine's speed.
    while ((await fetch(`${stale.url}/readyz`)).status !== 200) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await stale.poller.pause();
    browsers = await launchBrowsers();
  });
  after(async () => {
    await Promise.all((browsers ?? []).map((browser) => browser.close()));
    await live?.stop();
    await stale?.stop();
  });

  for (const browserName of ['chromium', 'firefox'] as const) {
    for (const theme of ['light', 'dark']) {
      test(`${browserName}, ${theme}: no overflow, no sideways scroll, text ≥ ${MIN_FONT_PX} px at 4.5:1, feed columns aligned`, async () => {
        const browser = browsers.find((candidate) => candidate.name === browserName)!;
        const problems: string[] = [];
        for (const state of STATES) {
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
              heatmaps: true,
            }),
          );
          const tab = await browser.newPage(1_300);
          try {
            await tab.goto(host.url);
            const wanted = state === 'paused' ? 'live' : state;
            const found = (await tab.run(
              `${CHECKS}\n(async () => { await settle('${wanted}', ${state === 'paused'}); return layoutProblems(${MIN_FONT_PX}); })()`,
            )) as string[];
            problems.push(...found.map((problem) => `${state}: ${problem}`));
          } finally {
            await tab.close();
            await host.close();
          }
        }
        assert.deepEqual([...new Set(problems)], []);
      });
    }
  }
});

describe('a right-to-left page', () => {
  let live: Relay;
  let browsers: TestBrowser[];

  before(async () => {
    live = await startDemoRelay();
    browsers = await launchBrowsers();
  });
  after(async () => {
    await Promise.all((browsers ?? []).map((browser) => browser.close()));
    await live?.stop();
  });

  for (const browserName of ['chromium', 'firefox'] as const) {
    test(`${browserName}: Arabic and Hebrew pages pass the same layout checks, and figures keep their sign in front`, async () => {
      const browser = browsers.find((candidate) => candidate.name === browserName)!;
      const problems: string[] = [];
      // Arabic and Hebrew readers, and an English element on an Arabic site.
      for (const locale of ['ar-EG', 'he-IL', 'en-US']) {
        const host = await serveHostPage(
          matrixPage({
            script: `${live.url}/`,
            relay: `${live.url}/`,
            theme: 'light',
            state: 'live',
            widths: WIDTHS,
            locale,
            dir: 'rtl',
            heatmaps: true,
          }),
        );
        const tab = await browser.newPage(1_300);
        try {
          await tab.goto(host.url);
          const found = (await tab.run(
            `${CHECKS}\n(async () => { await settle('live', false); return layoutProblems(${MIN_FONT_PX}); })()`,
          )) as string[];
          problems.push(...found.map((problem) => `${locale}: ${problem}`));
          // Every change a card or a market table shows keeps its sign in front of its digits,
          // in the order its digits read: "−1.52%", never "1.52%−" (the bidi algorithm's doing,
          // without <bdi>).
          const misplaced = (await tab.run(`[
              ...[...document.querySelectorAll('price-card')].map((card) => card.shadowRoot.querySelector('[part="change"]')),
              ...[...document.querySelectorAll('market-table')].flatMap((table) => [...table.shadowRoot.querySelectorAll('.change')]),
              ...[...document.querySelectorAll('price-heatmap')].flatMap((map) => [...map.shadowRoot.querySelectorAll('.label .change')]),
            ].flatMap((change) => {
            const walker = document.createTreeWalker(change, NodeFilter.SHOW_TEXT);
            const found = [];
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const match = node.textContent.match(/[+\\u2212-][\\u200e\\u200f\\u061c]*[0-9\\u0660-\\u0669]/);
              // A column a narrow table leaves out (display: none) is not drawn: nothing to read.
              if (!match || node.parentElement.getClientRects().length === 0) continue;
              const at = (index) => {
                const range = document.createRange();
                range.setStart(node, index);
                range.setEnd(node, index + 1);
                return range.getBoundingClientRect().left;
              };
              // Latin digits read left to right, sign first; Arabic-Indic ones sit in a
              // right-to-left run (CLDR marks them so), sign first on the right.
              const arabic = /[\\u0660-\\u0669]/.test(match[0]);
              const signLeft = at(match.index) < at(match.index + match[0].length - 1);
              if (signLeft === arabic) found.push(node.textContent.trim());
            }
            return found;
          })`)) as string[];
          problems.push(
            ...misplaced.map((figure) => `${locale}: "${figure}" shows its sign behind its digits`),
          );
        } finally {
          await tab.close();
          await host.close();
        }
      }
      assert.deepEqual([...new Set(problems)], []);
    });
  }
});

describe('decimals that hold still', () => {
  test('over 20 updates every price keeps its decimals, in the card, the tape, the feed and the table alike', async () => {
    const relay = await startDemoRelay();
    const [browser, other] = await launchBrowsers();
    await other!.close();
    const symbols = 'BTC,ADA,DOGE,SHIB,TRX';
    const host =
      await serveHostPage(`<!doctype html>${STILL_TAPE}<script type="module" src="${relay.url}/widgets.js"></script>
${symbols
  .split(',')
  .map((symbol) => `<price-card symbol="${symbol}" locale="en-US"></price-card>`)
  .join('')}
<price-ticker symbols="${symbols}" layout="tape" locale="en-US"></price-ticker>
<market-feed symbols="${symbols}" threshold="0" limit="10" locale="en-US"></market-feed>
<market-table symbols="${symbols}" locale="en-US"></market-table>
<price-heatmap symbols="${symbols}" locale="en-US"></price-heatmap>`);
    const tab = await browser!.newPage(1_200);
    try {
      await tab.goto(host.url);
      await tab.run(`${CHECKS}\nsettle('live', false)`);
      const seen = new Map<string, Set<number>>();
      for (let update = 0; update < 20; update++) {
        await new Promise((resolve) => setTimeout(resolve, 260));
        const now = (await tab.run(`${CHECKS}\npriceDecimals()`)) as Record<string, number>;
        for (const [where, digits] of Object.entries(now)) {
          seen.set(where, (seen.get(where) ?? new Set()).add(digits));
        }
      }
      const decimals = Object.fromEntries([...seen].map(([where, digits]) => [where, [...digits]]));
      assert.ok(Object.keys(decimals).length >= 20, Object.keys(decimals).join(', '));
      for (const [where, digits] of Object.entries(decimals)) {
        assert.equal(digits.length, 1, `${where} showed ${digits.join(' and ')} decimals`);
      }
      for (const symbol of symbols.split(',')) {
        const kinds = new Set(
          Object.entries(decimals)
            .filter(([where]) => where.endsWith(` ${symbol}`))
            .map(([, digits]) => digits[0]),
        );
        assert.equal(kinds.size, 1, `${symbol}: the same decimals in every element`);
      }
    } finally {
      await tab.close();
      await host.close();
      await browser!.close();
      await relay.stop();
    }
  });
});
