import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Relay } from '../packages/relay/src/relay.js';
import { metricValue } from '../packages/relay/test/support/relay.js';
import { startDemoRelay } from './support/demo-relay.js';
import { serveHostPage } from './support/host-page.js';
import { launchBrowsers, type TestBrowser, type TestPage } from './support/two-browsers.js';

/**
 * A page that mixes the card (defined at once) with elements whose code loads on use: the
 * first stream already carries every symbol, so none is opened twice (Firefox logs a
 * reopened stream as "CORS request did not succeed").
 */
describe('one stream per relay per page, from the first paint', () => {
  let browsers: TestBrowser[];
  before(async () => {
    browsers = await launchBrowsers();
  });
  after(async () => {
    await Promise.all((browsers ?? []).map((browser) => browser.close()));
  });

  for (const name of ['chromium', 'firefox'] as const) {
    test(`${name}: a card, a chart, a tape, a feed, a converter and the controls open one stream with all their symbols`, async () => {
      const relay = await startDemoRelay();
      const host = await serveHostPage(`<!doctype html>
<script type="module" src="${relay.url}/widgets.js"></script>
<price-card symbol="BTC"></price-card>
<live-chart symbols="BTC,ETH" range="live"></live-chart>
<price-ticker symbols="SOL" layout="tape"></price-ticker>
<market-feed symbols="ADA"></market-feed>
<price-converter from="ETH" to="EUR"></price-converter>
<stream-controls></stream-controls>`);
      const page = await browsers.find((browser) => browser.name === name)!.newPage(1_000);
      try {
        await page.goto(host.url);
        await untilLive(
          page,
          'price-card, live-chart, price-ticker, market-feed, price-converter, stream-controls',
        );
        assert.equal(await metricValue(relay, 'tickwire_sse_opened_total'), 1, 'one stream opened');
        assert.equal(await metricValue(relay, 'tickwire_sse_clients'), 1);
      } finally {
        await page.close();
        await host.close();
        await relay.stop();
      }
    });

    test(`${name}: widgets.js loaded twice (cache-busted, and again by a lazy element) is one stream and one setRelay`, async () => {
      const relay = await startDemoRelay();
      const other = await startDemoRelay();
      // The lazy tape's code imports ./widgets.js, a second copy beside the page's ?v=2.
      const host = await serveHostPage(`<!doctype html>
<script type="module" src="${relay.url}/widgets.js?v=2"></script>
<price-card symbol="BTC"></price-card>
<price-ticker symbols="ETH" layout="tape"></price-ticker>`);
      const page = await browsers.find((browser) => browser.name === name)!.newPage(1_000);
      try {
        await page.goto(host.url);
        await untilLive(page, 'price-card, price-ticker');
        const copies = await page.run(
          `performance.getEntriesByType('resource').map((entry) => new URL(entry.name)).filter((url) => url.pathname === '/widgets.js').map((url) => url.search).sort()`,
        );
        assert.deepEqual(copies, ['', '?v=2'], 'the page ran two copies of widgets.js');
        assert.equal(await metricValue(relay, 'tickwire_sse_opened_total'), 1, 'one stream opened');

        // Set through the page's copy, it reaches the tape the other copy defined.
        await page.run(
          `import('${relay.url}/widgets.js?v=2').then(({ setRelay }) => setRelay('${other.url}'))`,
        );
        await untilStreams(relay, 0);
        await untilStreams(other, 1);
        await untilLive(page, 'price-card, price-ticker');
        assert.equal(await metricValue(other, 'tickwire_sse_opened_total'), 1, 'one stream opened');
      } finally {
        await page.close();
        await host.close();
        await relay.stop();
        await other.stop();
      }
    });
  }
});

/** Waits until every element `selector` finds is live. */
async function untilLive(page: TestPage, selector: string): Promise<void> {
  await page.run(`new Promise((resolve, reject) => {
    const deadline = Date.now() + 15000;
    const check = () => {
      const all = [...document.querySelectorAll('${selector}')];
      if (all.every((element) => element.getAttribute('state') === 'live')) return resolve();
      if (Date.now() > deadline) return reject(new Error('not live'));
      setTimeout(check, 100);
    };
    check();
  })`);
}

/** Waits until `relay` has `count` streams open. */
async function untilStreams(relay: Relay, count: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  while ((await metricValue(relay, 'tickwire_sse_clients')) !== count) {
    assert.ok(Date.now() < deadline, `${relay.url} never had ${count} streams`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
