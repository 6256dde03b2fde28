import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import { loadConfig } from '../packages/relay/src/config.js';
import { type Relay, startRelay } from '../packages/relay/src/relay.js';
import { createSources } from '../packages/relay/src/sources/create-sources.js';
import { startFakeBinance } from '../packages/relay/test/support/fake-binance.js';
import { FakeMarket } from '../packages/relay/test/support/fake-market.js';
import type { FakeUpstream } from '../packages/relay/test/support/fake-upstream.js';
import { WIDGETS_DIR } from './support/demo-relay.js';
import { STILL_TAPE, serveHostPage } from './support/host-page.js';
import { launchBrowsers, type TestBrowser } from './support/two-browsers.js';

/** `figures24h` and `nextPrice`, run in the page. */
const FIGURES = readFileSync(new URL('./support/page-figures.js', import.meta.url), 'utf8');
const UPDATES = 30;

interface Figure {
  symbol: string;
  where: string;
  percent: string | undefined;
  sign?: number;
}

/**
 * One page, one truth: a card per coin, a tape, a one-coin and a two-coin chart over 24 h,
 * controls and a feed, on a real relay reading Binance's shapes through ccxt — whose 24 h
 * open is not its first 5-minute candle's, as on the real exchange. Every element that
 * shows a coin's 24 h change shows the same figure at every moment, and a card's figure has
 * the sign of its price's move.
 */
describe('every element on a page shows the same 24 h change for a coin', () => {
  let binance: FakeUpstream;
  let relay: Relay;
  let browsers: TestBrowser[];

  before(async () => {
    binance = await startFakeBinance(new FakeMarket());
    const env = { SOURCES: 'binance', SOURCE_URL_BINANCE: binance.url, SYMBOLS: 'BTC,ETH' };
    relay = await startRelay({
      config: { ...loadConfig({ PORT: '0', ...env }), POLL_INTERVAL: 250 },
      sources: await createSources(loadConfig(env)),
      log: pino({ level: 'silent' }),
      widgetsDir: WIDGETS_DIR,
    });
    browsers = await launchBrowsers();
  });
  after(async () => {
    await Promise.all((browsers ?? []).map((browser) => browser.close()));
    await relay?.stop();
    await binance?.close();
  });

  for (const browserName of ['chromium', 'firefox'] as const) {
    test(`${browserName}: card, tape and both charts agree over ${UPDATES} updates`, async () => {
      const browser = browsers.find((candidate) => candidate.name === browserName)!;
      const host = await serveHostPage(`<!doctype html><html lang="en">${STILL_TAPE}<body>
        <script type="module" src="${relay.url}/widgets.js"></script>
        <price-card symbol="BTC" locale="en-US"></price-card>
        <price-card symbol="ETH" locale="en-US"></price-card>
        <price-ticker symbols="BTC,ETH" layout="tape" locale="en-US"></price-ticker>
        <live-chart symbols="BTC" range="24h" scale="percent" locale="en-US" style="height: 300px"></live-chart>
        <live-chart symbols="BTC,ETH" range="24h" locale="en-US" style="height: 300px"></live-chart>
        <stream-controls locale="en-US"></stream-controls>
        <market-feed symbols="BTC,ETH" locale="en-US"></market-feed></body></html>`);
      const tab = await browser.newPage(1_000, 2_000);
      try {
        await tab.goto(host.url);
        let price: string | undefined;
        for (let update = 0; update < UPDATES; update++) {
          price = (await tab.run(
            `${FIGURES}\nnextPrice(${JSON.stringify(price ?? '')})`,
          )) as string;
          const figures = (await tab.run(`${FIGURES}\nfigures24h()`)) as Figure[];
          for (const symbol of ['BTC', 'ETH']) {
            const shown = figures.filter((figure) => figure.symbol === symbol);
            const where = shown.map((figure) => `${figure.where}: ${figure.percent}`).join(', ');
            // Elements join as their code and candles load; by the last update all have (below).
            assert.equal(
              new Set(shown.map((figure) => figure.percent)).size,
              1,
              `update ${update}: ${where}`,
            );
            const card = shown.find((figure) => figure.where === 'price-card')!;
            const percent = Number(card.percent);
            if (percent !== 0) assert.equal(Math.sign(percent), card.sign, `${symbol}: sign`);
          }
          if (update === UPDATES - 1) {
            assert.deepEqual(
              [...new Set(figures.map((figure) => figure.where))].sort(),
              ['live-chart BTC', 'live-chart BTC,ETH', 'price-card', 'price-ticker'],
              'by the end, every element that shows a 24 h figure was compared',
            );
          }
        }
      } finally {
        await tab.close();
        await host.close();
      }
    });
  }
});
