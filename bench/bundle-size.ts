// Bytes a page downloads for the widgets: the bundle files, and what Chromium actually
// fetches for a page of cards only and for a page with a chart.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../test/support/browser.js';
import { serveHostPage } from '../test/support/host-page.js';
import { cardPathOrigins } from './card-path-origins.js';
import { kib, machine, spawnRelay } from './support.js';

const DIST = fileURLToPath(new URL('../packages/widgets/dist/', import.meta.url));

export async function bundleSize(): Promise<void> {
  console.log(`\n## Bundle size (${machine()})`);
  for (const file of readdirSync(DIST).filter((name) => name.endsWith('.js'))) {
    const bytes = readFileSync(`${DIST}${file}`);
    console.log(
      `${file.padEnd(32)} ${kib(bytes.length).padStart(10)} raw  ${kib(gzipSync(bytes, { level: 9 }).length).padStart(10)} gzip`,
    );
  }
  cardPathOrigins(DIST);

  const relay = await spawnRelay({ SOURCES: 'demo' });
  const browser = await launchChromium();
  try {
    for (const [name, body] of [
      ['page with 5 <price-card>', '<price-card symbol="BTC"></price-card>'.repeat(5)],
      ['page with a 24h <live-chart>', '<live-chart symbols="BTC,ETH"></live-chart>'],
    ] as const) {
      const host = await serveHostPage(
        `<!doctype html><script type="module" src="${relay.url}/widgets.js"></script>${body}`,
      );
      const page = await browser.newPage();
      let transferred = 0;
      let candles = 0;
      page.on('requestfinished', async (request) => {
        const isCandles = request.url().includes('/v1/candles');
        if (!request.url().endsWith('.js') && !isCandles) return;
        const sizes = await request.sizes();
        const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
        if (isCandles) candles += bytes;
        else transferred += bytes;
      });
      await page.goto(host.url);
      await page.waitForFunction(() =>
        [...document.querySelectorAll('price-card, live-chart')].every(
          (el) => el.getAttribute('state') === 'live',
        ),
      );
      await page.waitForTimeout(500);
      console.log(
        `${name.padEnd(32)} ${kib(transferred).padStart(10)} of JavaScript over the wire (gzip, with headers)` +
          (candles > 0 ? ` + ${kib(candles)} of candles` : ''),
      );
      await page.close();
      await host.close();
    }
  } finally {
    await browser.close();
    await relay.stop();
  }
}
