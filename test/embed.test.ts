import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Relay } from '../packages/relay/src/relay.js';
import { launchChromium } from './support/browser.js';
import { startDemoRelay, WIDGETS_DIR } from './support/demo-relay.js';
import { serveHostPage } from './support/host-page.js';

describe('embedding with one script tag on another origin', () => {
  let relay: Relay;
  let browser: Browser;

  before(async () => {
    assert.ok(existsSync(`${WIDGETS_DIR}widgets.js`), 'the widget bundle is built (npm run build)');
    relay = await startDemoRelay();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await relay?.stop();
  });

  /** Opens `html` as a page on its own origin; collects page errors, console errors and requests. */
  async function openHostPage(html: string, headers: Record<string, string> = {}) {
    const host = await serveHostPage(html, headers);
    const page = await browser.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(host.url);
    const close = async () => {
      await page.close();
      await host.close();
    };
    return { page, problems, requests, close };
  }

  /**
   * Waits until every element matching `selectors` is live. A function, not a string: a page
   * under a strict CSP refuses to evaluate strings.
   */
  const untilLive = (page: Page, ...selectors: string[]) =>
    page.waitForFunction(
      (tags) => tags.every((tag) => document.querySelector(tag)?.getAttribute('state') === 'live'),
      selectors,
      { timeout: 10_000 },
    );
  const streams = async () =>
    Number(
      (await (await fetch(`${relay.url}/metrics`)).text()).match(
        /^tickwire_sse_clients (\d+)/m,
      )?.[1],
    );

  test('every element works from one script tag under a strict CSP; a price moves; nothing leaves loopback', async () => {
    const relayOrigin = relay.url;
    // The host page allows scripts and connections to the relay only: no inline styles or scripts.
    const { page, problems, requests, close } = await openHostPage(
      `<!doctype html><html lang="en"><head><title>A blog</title>
      <script type="module" src="${relayOrigin}/widgets.js"></script></head>
      <body><h1>My crypto blog</h1>
      <price-card symbol="BTC"></price-card>
      <live-chart symbols="BTC,ETH"></live-chart>
      <price-ticker symbols="BTC,ETH,SOL"></price-ticker>
      <stream-controls></stream-controls>
      <market-feed symbols="BTC,ETH"></market-feed>
      <price-converter from="ETH" to="SOL" cross></price-converter>
      <market-table top="3"></market-table>
      <price-heatmap top="5"></price-heatmap></body></html>`,
      {
        // Logos come from the relay too (docs/embedding.md): img-src names it, nothing else.
        'Content-Security-Policy': `default-src 'none'; script-src ${relayOrigin}; connect-src ${relayOrigin}; img-src ${relayOrigin}; style-src 'self'`,
      },
    );
    try {
      for (const tag of [
        'price-card',
        'live-chart',
        'price-ticker',
        'stream-controls',
        'market-feed',
        'price-converter',
        'market-table',
        'price-heatmap',
      ]) {
        await untilLive(page, tag);
      }
      // The table's logos, served by the relay, load under the page's CSP.
      await page.waitForFunction(() => {
        const logos = [
          ...(document.querySelector('market-table')?.shadowRoot?.querySelectorAll('img') ?? []),
        ];
        return logos.length === 3 && logos.every((logo) => logo.complete && logo.naturalWidth > 0);
      });
      const price = () =>
        page.evaluate(() =>
          document
            .querySelector('price-card')
            ?.shadowRoot?.querySelector('[part="price"]')
            ?.textContent?.trim(),
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
      // The heatmap's places and colours are set through the CSSOM, which the CSP allows.
      const tiles = await page.evaluate(() =>
        [
          ...(document.querySelector('price-heatmap')?.shadowRoot?.querySelectorAll('.tile') ?? []),
        ].map((tile) => ({
          width: tile.getBoundingClientRect().width,
          fill: getComputedStyle(tile.querySelector('.face')!).backgroundColor,
        })),
      );
      assert.equal(tiles.length, 5);
      for (const tile of tiles) {
        assert.ok(tile.width > 0, 'each tile has its place');
        assert.notEqual(tile.fill, 'rgba(0, 0, 0, 0)', 'each tile has its colour');
      }
      assert.equal(await streams(), 1, 'eight elements, one connection');
      assert.deepEqual(problems, []);
      for (const url of requests) assert.match(url, /^http:\/\/(localhost|127\.0\.0\.1):\d+\//);
    } finally {
      await close();
    }
  });

  test('a page of cards never downloads the chart library', async () => {
    const { page, requests, close } = await openHostPage(
      `<!doctype html><script type="module" src="${relay.url}/widgets.js"></script><price-card symbol="ETH"></price-card>`,
    );
    try {
      await untilLive(page, 'price-card');
      assert.ok(
        !requests.some((url) => /chart-renderer|live-chart/.test(url)),
        requests.join('\n'),
      );
    } finally {
      await close();
    }
  });

  test('the bundle loaded twice from two URLs, and the classic script beside it, throws nothing', async () => {
    const { page, problems, close } = await openHostPage(
      `<!doctype html><price-card symbol="SOL"></price-card>
      <script type="module" src="${relay.url}/widgets.js"></script>
      <script type="module" src="${relay.url}/widgets.js?copy=2"></script>
      <script src="${relay.url}/widgets.iife.js"></script>`,
    );
    try {
      await untilLive(page, 'price-card');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('the classic <script> build alone serves every element, reading the relay it came from', async () => {
    const { page, problems, close } = await openHostPage(
      `<!doctype html><script src="${relay.url}/widgets.iife.js"></script>
      <price-ticker symbols="BTC,ETH" layout="tape"></price-ticker><market-feed symbols="BTC"></market-feed>`,
    );
    try {
      await untilLive(page, 'price-ticker', 'market-feed');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('the host page’s CSS cannot reshape the elements', async () => {
    const { page, close } = await openHostPage(
      `<!doctype html><style>
        body { font: 40px/0 serif; letter-spacing: 12px; text-transform: lowercase; color: #f0f; }
        * { line-height: 0 !important; text-transform: uppercase !important; }
        div, p, span, article { padding: 40px !important; display: inline !important; }
      </style>
      <script type="module" src="${relay.url}/widgets.js"></script><price-card symbol="BTC"></price-card>`,
    );
    try {
      await untilLive(page, 'price-card');
      const looks = await page.evaluate(() => {
        const root = document.querySelector('price-card')!.shadowRoot!;
        const source = root.querySelector('[part="source"]')!;
        const price = root.querySelector('[part="price"]')!;
        return {
          source: (source as HTMLElement).innerText,
          lineHeight: getComputedStyle(price).lineHeight,
          letterSpacing: getComputedStyle(price).letterSpacing,
          priceHeight: price.getBoundingClientRect().height,
        };
      });
      assert.equal(looks.source, 'demo', 'no forced upper case');
      assert.notEqual(looks.lineHeight, '0px');
      assert.equal(looks.letterSpacing, 'normal');
      assert.ok(
        looks.priceHeight > 15 && looks.priceHeight < 60,
        `price ${looks.priceHeight}px tall`,
      );
    } finally {
      await close();
    }
  });

  test('the demo page shows its cards, a euro card and a pinned one, and charts, labelled simulated, with no CSP violation', async () => {
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
          price: card.shadowRoot?.querySelector('[part="price"]')?.textContent,
          simulated: card.shadowRoot?.querySelector('[part="simulated"]')?.textContent,
        })),
      );
      assert.deepEqual(
        cards.map((card) => card.symbol),
        ['BTC', 'ETH', 'SOL', 'ADA', 'DOT', 'BTC', 'ETH'],
      );
      assert.match(cards[5]!.price!, /^€[\d,]+\.\d{2}$/, 'the euro card');
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
