import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { metricValue } from '../packages/relay/test/support/relay.js';
import { startDemoRelay } from './support/demo-relay.js';
import { serveHostPage } from './support/host-page.js';
import { launchBrowsers, type TestBrowser } from './support/two-browsers.js';

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
        await page.run(`new Promise((resolve, reject) => {
          const deadline = Date.now() + 15000;
          const check = () => {
            const all = [...document.querySelectorAll('price-card, live-chart, price-ticker, market-feed, price-converter, stream-controls')];
            if (all.every((element) => element.getAttribute('state') === 'live')) return resolve();
            if (Date.now() > deadline) return reject(new Error('not live'));
            setTimeout(check, 100);
          };
          check();
        })`);
        assert.equal(await metricValue(relay, 'tickwire_sse_opened_total'), 1, 'one stream opened');
        assert.equal(await metricValue(relay, 'tickwire_sse_clients'), 1);
      } finally {
        await page.close();
        await host.close();
        await relay.stop();
      }
    });
  }
});
