import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../packages/relay/src/config.js';
import { type Relay, startRelay } from '../packages/relay/src/relay.js';
import { createSources } from '../packages/relay/src/sources/create-sources.js';
import { startFakeBinance } from '../packages/relay/test/support/fake-binance.js';
import { FakeMarket } from '../packages/relay/test/support/fake-market.js';
import type { FakeUpstream } from '../packages/relay/test/support/fake-upstream.js';
import { launchChromium } from './support/browser.js';
import { WIDGETS_DIR } from './support/demo-relay.js';
import { serveHostPage } from './support/host-page.js';

const TTL_MS = 2_000;

/**
 * The one promise of the kit, end to end: when the upstream freezes — here it sends headers
 * and then trickles its body forever, the fault that used to stall polling — every element
 * on the page stops saying "Live" within the TTL, and says it again once prices flow.
 */
describe('an upstream that freezes, seen from a page', () => {
  let binance: FakeUpstream;
  let relay: Relay;
  let browser: Browser;

  before(async () => {
    binance = await startFakeBinance(new FakeMarket());
    const env = { SOURCES: 'binance', SOURCE_URL_BINANCE: binance.url, SYMBOLS: 'BTC,ETH' };
    relay = await startRelay({
      config: { ...loadConfig({ PORT: '0', ...env }), POLL_INTERVAL: 250, PRICE_TTL: TTL_MS },
      sources: await createSources(loadConfig(env), { timeoutMs: 1_000 }),
      log: pino({ level: 'silent' }),
      widgetsDir: WIDGETS_DIR,
      timings: { callTimeoutMs: 1_500, drainWindowMs: 50 },
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await relay?.stop();
    await binance?.close();
  });

  /**
   * Waits until every element has `state`: a function, so it also runs under a strict CSP.
   * The deadline only catches a hang: after the failures of a frozen upstream the source is
   * retried on its backoff (several seconds, with jitter), and a busy machine adds to it.
   */
  const untilAll = (page: Page, state: string) =>
    page.waitForFunction(
      (wanted) =>
        [...document.querySelectorAll('price-card, live-chart, price-ticker')].every(
          (element) => element.getAttribute('state') === wanted,
        ),
      state,
      { timeout: 60_000 },
    );

  test('cards, chart and ticker go from Live to Stale while the body trickles, and back to Live after', async () => {
    const host = await serveHostPage(
      `<!doctype html><script type="module" src="${relay.url}/widgets.js"></script>
      <price-card symbol="BTC"></price-card><price-card symbol="ETH"></price-card>
      <price-ticker symbols="BTC,ETH"></price-ticker>
      <live-chart symbols="BTC,ETH" style="height: 240px"></live-chart>`,
    );
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(host.url);
      await untilAll(page, 'live');
      binance.faults = [{ path: '/api/v3/ticker', trickle: true }];
      await untilAll(page, 'stale');
      const badge = await page.evaluate(
        () =>
          document.querySelector('price-card')?.shadowRoot?.querySelector('[part="state"]')
            ?.textContent,
      );
      assert.match(badge ?? '', /stale/i, 'the reader is told, not only the attribute');
      binance.faults = [];
      await untilAll(page, 'live');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
      await host.close();
    }
  });
});
