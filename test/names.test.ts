import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Relay } from '../packages/relay/src/relay.js';
import { startDemoRelay } from './support/demo-relay.js';
import { matrixPage } from './support/element-matrix.js';
import { serveHostPage } from './support/host-page.js';
import { launchBrowsers, type TestBrowser } from './support/two-browsers.js';

/** `settle`, `layoutProblems` and `waitUntil`, run in the page. */
const CHECKS = readFileSync(new URL('./support/layout-checks.js', import.meta.url), 'utf8');

/** A page of the elements that take `show`, off, on, and asked for what they cannot show. */
const page = (relay: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="module" src="${relay}widgets.js"></script></head><body>
<price-card id="plain" symbol="BTC" relay="${relay}"></price-card>
<price-card id="card" symbol="BTC" show="name,logo" relay="${relay}"></price-card>
<price-ticker id="tape" layout="tape" symbols="BTC,ETH" show="name,logo" relay="${relay}"></price-ticker>
<market-feed id="feed" symbols="BTC,ETH" threshold="0.01" show="name,logo" relay="${relay}"></market-feed>
<live-chart id="chart" symbols="BTC,ETH" range="live" show="name,logo" relay="${relay}" style="height: 300px"></live-chart>
<price-card id="wrong" symbol="BTC" show="name,flag" relay="${relay}"></price-card>
</body></html>`;

/** What each element shows beside its first symbol, read in the page once every one shows a name. */
const READ = `${CHECKS}
(async () => {
  const root = (id) => document.getElementById(id).shadowRoot;
  await waitUntil(
    () => ['card', 'tape', 'feed', 'chart'].every((id) => root(id)?.querySelector('[part="name"]')),
    'names shown',
  );
  await waitUntil(() => document.getElementById('wrong').getAttribute('state') === 'error', 'error');
  const logo = root('card').querySelector('img[part="logo"]');
  await waitUntil(() => logo.complete, 'logo loaded or failed');
  const marks = {};
  for (const id of ['card', 'tape', 'feed', 'chart']) {
    const name = root(id).querySelector('[part="name"]');
    marks[id] = name.closest('.named').textContent.replace(/\\s+/g, ' ').trim();
  }
  return {
    marks,
    plain: root('plain').querySelector('.logo, [part="name"]') === null,
    logoSrc: logo.getAttribute('src'),
    logoAlt: logo.getAttribute('alt'),
    logoHidden: logo.hidden,
    logoDrawn: logo.naturalWidth > 0,
    monogram: root('card').querySelector('.logo').textContent.trim(),
    monogramWidth: root('card').querySelector('.logo').getBoundingClientRect().width,
    cardLabel: root('card').querySelector('article').getAttribute('aria-label'),
    wrong: root('wrong').querySelector('[part="message"]')?.textContent ?? '',
  };
})()`;

describe('show="name,logo", in Chromium and Firefox on the demo market', () => {
  let relay: Relay;
  let browsers: TestBrowser[];
  let name: string;

  before(async () => {
    relay = await startDemoRelay();
    const facts = (await (await fetch(`${relay.url}/v1/assets?symbols=BTC`)).json()) as {
      assets: Record<string, { name: string }>;
    };
    name = facts.assets.BTC!.name;
    browsers = await launchBrowsers();
  });
  after(async () => {
    await Promise.all((browsers ?? []).map((browser) => browser.close()));
    await relay?.stop();
  });

  for (const browserName of ['chromium', 'firefox'] as const) {
    test(`${browserName}: names and the relay's logos where asked, none by default, an error for an unknown word`, async () => {
      const browser = browsers.find((candidate) => candidate.name === browserName)!;
      const host = await serveHostPage(page(`${relay.url}/`));
      const tab = await browser.newPage(900);
      try {
        await tab.goto(host.url);
        const read = (await tab.run(READ)) as Record<string, unknown>;
        assert.ok(name, 'the demo market names BTC');
        for (const id of ['card', 'tape', 'feed', 'chart'])
          assert.equal((read.marks as Record<string, string>)[id], `B ${name} BTC`, id);
        assert.equal(read.plain, true, 'off by default');
        assert.equal(read.logoSrc, `${relay.url}/v1/logos/BTC`, 'the logo is the relay’s');
        assert.equal(read.logoAlt, '', 'decorative beside the name');
        assert.equal(read.logoDrawn, true, 'the relay served it');
        assert.equal(read.cardLabel, `${name} (BTC) price`);
        assert.match(String(read.wrong), /show="flag"/);
      } finally {
        await tab.close();
        await host.close();
      }
    });

    test(`${browserName}: a logo the page may not load leaves its monogram, at the same size`, async () => {
      const browser = browsers.find((candidate) => candidate.name === browserName)!;
      // The site's CSP allows no images: the relay's logo fails as a broken one would.
      const host = await serveHostPage(page(`${relay.url}/`), {
        'Content-Security-Policy': "img-src 'none'",
      });
      const tab = await browser.newPage(900);
      try {
        await tab.goto(host.url);
        const read = (await tab.run(READ)) as Record<string, unknown>;
        assert.equal(read.logoDrawn, false);
        assert.equal(read.monogram, 'B');
        assert.equal(read.monogramWidth, 20);
        assert.equal((read.marks as Record<string, string>).card, `B ${name} BTC`);
      } finally {
        await tab.close();
        await host.close();
      }
    });

    for (const theme of ['light', 'dark']) {
      test(`${browserName}, ${theme}: at 200 to 1,200 px nothing overflows, figures stay in view, long names give way`, async () => {
        const browser = browsers.find((candidate) => candidate.name === browserName)!;
        const host = await serveHostPage(
          matrixPage({
            script: `${relay.url}/`,
            relay: `${relay.url}/`,
            theme,
            state: 'live',
            widths: [200, 320, 900, 1200],
            names: true,
          }),
        );
        const tab = await browser.newPage(1_300);
        try {
          await tab.goto(host.url);
          const problems = (await tab.run(
            `${CHECKS}\n(async () => { await settle('live', false); await waitUntil(() => kitElements().filter((element) => element.hasAttribute('show')).every((element) => [element, ...element.shadowRoot.querySelectorAll('price-card')].some((named) => named.shadowRoot?.querySelector('[part="name"]'))), 'named'); return layoutProblems(11); })()`,
          )) as string[];
          assert.deepEqual(problems, []);
        } finally {
          await tab.close();
          await host.close();
        }
      });
    }
  }
});
