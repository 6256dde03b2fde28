import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { serveHostPage } from './support/host-page.js';
import { relayAndChromium } from './support/relay-and-chromium.js';

/** Chromium's cumulative layout shift of the page so far, from its layout-shift entries. */
const CLS = `new Promise((resolve) => {
  let total = 0;
  const moved = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      total += entry.value;
      // What moved, for the failure message: the element, its host, and when.
      for (const source of entry.sources ?? []) {
        const node = source.node;
        const host = node?.getRootNode?.().host;
        moved.push((host ? host.localName + ' ' : '') + (node?.nodeName ?? '?').toLowerCase() + (node?.className ? '.' + String(node.className).split(' ')[0] : '') + ' at ' + Math.round(entry.startTime) + ' ms (' + entry.value.toFixed(4) + ')');
      }
    }
  }).observe({ type: 'layout-shift', buffered: true });
  setTimeout(() => resolve({ total, moved }), 100);
})`;

/** Resolves once every card shows a price. */
const PRICED = `new Promise((resolve) => {
  const check = () =>
    [...document.querySelectorAll('price-card')].every((card) => card.getAttribute('state') === 'live')
      ? resolve(undefined)
      : requestAnimationFrame(check);
  check();
})`;

/**
 * A page of five cards, a tape, a heatmap (loaded on use: its box reserved until it is) and a
 * chart, with tickwire.css linked, does not move while
 * the elements load and draw: its cumulative layout shift from navigation to 3 s after the
 * first prices stays under 0.01 (Google's "good" is 0.1).
 */
describe('no layout shift with tickwire.css', () => {
  const started = relayAndChromium();

  for (const width of [375, 1200]) {
    test(`${width} px wide: CLS ≤ 0.01`, async () => {
      const host = await serveHostPage(`<!doctype html><html lang="en"><head>
        <link rel="stylesheet" href="${started.relay.url}/tickwire.css">
        <script type="module" src="${started.relay.url}/widgets.js"></script></head>
        <body style="margin: 8px; font-family: Georgia, serif">
        <h1>Markets today</h1>
        <div style="display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: 8px">
          ${['BTC', 'ETH', 'SOL', 'ADA', 'DOT'].map((symbol) => `<price-card symbol="${symbol}"></price-card>`).join('')}
        </div>
        <price-ticker symbols="BTC,ETH,SOL" layout="tape"></price-ticker>
        <price-heatmap symbols="BTC,ETH,SOL,ADA,DOT"></price-heatmap>
        <live-chart symbols="BTC,ETH"></live-chart>
        <p>The article goes on below the widgets.</p></body></html>`);
      const page = await started.browser.newPage({ viewport: { width, height: 900 } });
      try {
        await page.goto(host.url);
        await page.evaluate(PRICED);
        await page.waitForTimeout(3_000);
        const { total, moved } = (await page.evaluate(CLS)) as { total: number; moved: string[] };
        assert.ok(
          total <= 0.01,
          `cumulative layout shift ${total.toFixed(4)}: ${moved.join('; ')}`,
        );
      } finally {
        await page.close();
        await host.close();
      }
    });
  }
});
