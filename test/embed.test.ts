import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../packages/relay/src/config.js';
import { type Relay, startRelay } from '../packages/relay/src/relay.js';
import { DemoSource } from '../packages/relay/src/sources/demo.js';
import { launchChromium } from './support/browser.js';
import { serveHostPage } from './support/host-page.js';

const WIDGETS_DIR = fileURLToPath(new URL('../packages/widgets/dist/', import.meta.url));

describe('embedding with one script tag on another origin', () => {
  let relay: Relay;
  let browser: Browser;

  before(async () => {
    assert.ok(existsSync(`${WIDGETS_DIR}widgets.js`), 'the widget bundle is built (npm run build)');
    relay = await startRelay({
      config: { ...loadConfig({ PORT: '0' }), POLL_INTERVAL: 250 },
      sources: [new DemoSource()],
      log: pino({ level: 'silent' }),
      widgetsDir: WIDGETS_DIR,
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await relay?.stop();
  });

  test('a price appears and then changes; the chart draws; nothing leaves loopback', async () => {
    // The host page allows scripts and connections to the relay only: no inline styles or scripts.
    const relayOrigin = relay.url;
    const host = await serveHostPage(
      `<!doctype html><html lang="en"><head><title>A blog</title>
      <script type="module" src="${relayOrigin}/widgets.js"></script></head>
      <body><h1>My crypto blog</h1>
      <price-card symbol="BTC"></price-card>
      <live-chart symbols="BTC,ETH"></live-chart></body></html>`,
      {
        'Content-Security-Policy': `default-src 'none'; script-src ${relayOrigin}; connect-src ${relayOrigin}; style-src 'self'`,
      },
    );
    const page = await browser.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('request', (request) => requests.push(request.url()));
    try {
      await page.goto(host.url);
      const price = () =>
        page.evaluate(() =>
          document
            .querySelector('price-card')
            ?.shadowRoot?.querySelector('[part="price"]')
            ?.textContent?.trim(),
        );
      await page.waitForFunction(
        () => document.querySelector('price-card')?.getAttribute('state') === 'live',
      );
      const first = await price();
      assert.match(first ?? '', /^\$\d{1,3}(,\d{3})*\.\d{2}$/);
      await page.waitForFunction(
        (before) =>
          document
            .querySelector('price-card')
            ?.shadowRoot?.querySelector('[part="price"]')
            ?.textContent?.trim() !== before,
        first,
        { timeout: 10_000 },
      );
      await page.waitForFunction(() =>
        Boolean(document.querySelector('live-chart')?.shadowRoot?.querySelector('.plot canvas')),
      );
      const chartState = await page.evaluate(() =>
        document.querySelector('live-chart')?.getAttribute('state'),
      );
      assert.equal(chartState, 'live');
      const plotHeight = await page.evaluate(
        () =>
          document
            .querySelector('live-chart')
            ?.shadowRoot?.querySelector('.plot')
            ?.getBoundingClientRect().height ?? 0,
      );
      assert.ok(
        plotHeight > 100,
        `the chart has room to draw under a strict CSP (${plotHeight}px)`,
      );
      const streams = requests.filter((url) => url.includes('/v1/stream'));
      assert.equal(streams.length, 1, 'the card and the chart share one connection');
      assert.deepEqual(problems, []);
      for (const url of requests) assert.match(url, /^http:\/\/(localhost|127\.0\.0\.1):\d+\//);
    } finally {
      await page.close();
      await host.close();
    }
  });

  test('the demo page shows five cards and a chart, labelled simulated, with no CSP violation', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    try {
      await page.goto(`${relay.url}/`);
      await page.waitForFunction(() =>
        [...document.querySelectorAll('price-card')].every(
          (card) => card.getAttribute('state') === 'live',
        ),
      );
      const cards = await page.evaluate(() =>
        [...document.querySelectorAll('price-card')].map((card) => ({
          symbol: card.shadowRoot?.querySelector('[part="symbol"]')?.textContent,
          simulated: card.shadowRoot?.querySelector('[part="simulated"]')?.textContent,
        })),
      );
      assert.deepEqual(
        cards.map((card) => card.symbol),
        ['BTC', 'ETH', 'SOL', 'ADA', 'DOT'],
      );
      assert.ok(cards.every((card) => card.simulated === 'Simulated'));
      await page.waitForFunction(() =>
        Boolean(document.querySelector('live-chart')?.shadowRoot?.querySelector('.plot canvas')),
      );
      assert.match((await page.textContent('body')) ?? '', /Simulated market/);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});
